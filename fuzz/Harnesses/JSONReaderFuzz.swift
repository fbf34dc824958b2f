// libFuzzer harness: the JSON reader (`parseJSON`, Sources/BucketBridge/Source/).
//
// Any bytes must give a tree or a syntax diagnostic with a position inside the file — never a
// crash, a hang or a sanitizer report. A tree must survive a round trip through the JSON
// writer: what the reader accepted, the writer can print and the reader reads back the same.
@testable import BucketBridge

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = SourceFile(name: "fuzz.json", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    var diagnostics = Diagnostics()
    let root = parseJSON(file, diagnostics: &diagnostics)
    requireFuzzPositions(diagnostics, in: file)
    guard let root else {
        requireFuzz(diagnostics.hasErrors, "parseJSON returned no tree and no error")
        return 0
    }
    requireSkimAgrees(with: root, in: file, readerFailed: diagnostics.hasErrors)
    let value = fuzzJSONValue(root)
    var again = Diagnostics()
    let reread = parseJSON(SourceFile(name: "again.json", text: encodeJSON(value)), diagnostics: &again)
    // The writer prints U+E000 and U+E001, the placeholder token's brackets, as `<` and `>` by
    // design; validation refuses them in every spec field (PlaceholderRuleTests).
    requireFuzz(reread.map { fuzzJSONValue($0) } == fuzzJSONValue(root, showingTokens: true), "the JSON writer's output does not read back as the same value")
    return 0
}

/// The skim a render uses for big specs (`parseJSON(_:skimmingElementsOf:)`, then
/// `parseJSONElement` for each element) accepts what the reader accepted, and reads each
/// element of `destinations` as the same value the reader did.
func requireSkimAgrees(with root: JSONNode, in file: SourceFile, readerFailed: Bool) {
    var diagnostics = Diagnostics()
    let skimmed = parseJSON(file, skimmingElementsOf: "destinations", diagnostics: &diagnostics)
    requireFuzzPositions(diagnostics, in: file)
    guard !readerFailed else { return }
    guard let skimmed else {
        requireFuzz(false, "the skim refused a file the reader accepts")
        return
    }
    guard case .object(let members) = root.value, let list = members.last(where: { $0.key == "destinations" })?.node,
        case .array(let elements) = list.value
    else { return }
    requireFuzz(skimmed.skimmedOffsets.count == elements.count, "the skim found another number of destinations")
    for (offset, element) in zip(skimmed.skimmedOffsets, elements) {
        var elementDiagnostics = Diagnostics()
        let reread = parseJSONElement(in: file, at: offset, path: element.path, diagnostics: &elementDiagnostics)
        requireFuzz(reread.map { fuzzJSONValue($0) } == fuzzJSONValue(element), "a skimmed destination reads as another value")
    }
}

/// The node as a `JSONValue` (numbers as their source text), for comparing two trees; with
/// `showingTokens`, U+E000 and U+E001 in strings and keys as the JSON writer prints them.
func fuzzJSONValue(_ node: JSONNode, showingTokens: Bool = false) -> JSONValue {
    func shown(_ text: String) -> String {
        guard showingTokens else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(scalar == "\u{E000}" ? "<" : scalar == "\u{E001}" ? ">" : scalar)
        }
        return String(out)
    }
    switch node.value {
    case .null: return .null
    case .bool(let flag): return .bool(flag)
    case .number(let text): return .array(["number", .string(text)])
    case .string(let text): return .string(shown(text))
    case .array(let elements): return .array(elements.map { fuzzJSONValue($0, showingTokens: showingTokens) })
    case .object(let members):
        return .object(members.map { JSONValue.Member(shown($0.key), fuzzJSONValue($0.node, showingTokens: showingTokens)) })
    }
}
