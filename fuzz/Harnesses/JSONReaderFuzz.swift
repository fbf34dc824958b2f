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
    let value = fuzzJSONValue(root)
    var again = Diagnostics()
    let reread = parseJSON(SourceFile(name: "again.json", text: encodeJSON(value)), diagnostics: &again)
    requireFuzz(reread.map(fuzzJSONValue) == value, "the JSON writer's output does not read back as the same value")
    return 0
}

/// The node as a `JSONValue` (numbers as their source text), for comparing two trees.
func fuzzJSONValue(_ node: JSONNode) -> JSONValue {
    switch node.value {
    case .null: .null
    case .bool(let flag): .bool(flag)
    case .number(let text): .array(["number", .string(text)])
    case .string(let text): .string(text)
    case .array(let elements): .array(elements.map(fuzzJSONValue))
    case .object(let members): .object(members.map { JSONValue.Member($0.key, fuzzJSONValue($0.node)) })
    }
}
