import Foundation
import Testing
@testable import BucketBridge

/// The skim of a spec's destinations checks each one's syntax with a scan that builds nothing
/// (`skipWellFormedValue`): it must accept exactly the elements the full reader accepts, end
/// where the reader ends, and leave every error to the reader, worded and placed as before.
struct JSONSkimTests {
    /// Elements the scan takes or hands to the reader: escapes, `\u`, UTF-8, numbers, literals,
    /// nesting, and one syntax error of each kind.
    static let elements: [String] = [
        "{'name':'x','n':[1,-2.5e+3,0,true,false,null],'o':{}}",
        "{'name':'x\\'\\\\\\/\\b\\f\\n\\r\\t y'}",
        "{'name':'x\\u00e9\\uD83D\\uDE00'}",
        "{'name':'é 中文 😀'}",
        "{'name':'x','name':'y'}",
        "{'a':" + String(repeating: "[", count: 250) + String(repeating: "]", count: 250) + "}",
        "{'a':" + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "}",
        "{'name':'x','bucket':'b',}", "{'name':'x' 'bucket':'b'}", "{'name':'x\tq'}", "{'name':'x\\q'}",
        "{'name':'x\\uZZZZ'}", "{'name':'x\\uD800 '}", "{name:'x'}", "{'n':012}", "{'n':tru}", "{'a':[1,2,]}",
        "{'name' 'x'}", "{'n':-}", "{'n':1.}", "{'a':[1 2]}", "'str'", "[]", "{}", "12", "{",
    ].map { $0.replacingOccurrences(of: "'", with: "\"") } + alignedSpecials

    /// Each byte the scan must stop at (quote escape, backslash escapes, control characters,
    /// the bytes of multi-byte characters, DEL which is allowed), at every offset of an
    /// eight-byte word, in strings long enough to be read a word at a time.
    static let alignedSpecials: [String] = ["\\\"", "\\n", "\\u0041", "\t", "\u{1F}", "\u{7F}", "é", "😀", "\\q", "\u{0}"].flatMap { special in
        (0..<9).map { offset in
            "{\"name\":\"" + String(repeating: "a", count: offset) + special + String(repeating: "b", count: 17) + "\",\"k\":\"" + String(repeating: "c", count: 24) + "\"}"
        }
    }

    /// The diagnostics and offsets of a spec holding `element` between two plain ones.
    func skim(_ element: String) -> (lines: [String], offsets: [Int]?) {
        let text = "{\"destinations\": [{\"name\": \"a\"},\n " + element + ",\n{\"name\": \"b\"}]}\n"
        var diagnostics = Diagnostics()
        let skimmed = parseJSON(SourceFile(name: "s.json", text: text), skimmingElementsOf: "destinations", diagnostics: &diagnostics)
        return (errorLines(diagnostics), skimmed?.skimmedOffsets)
    }

    @Test(arguments: elements)
    func theScanAgreesWithTheReader(_ element: String) {
        let text = "{\"destinations\": [{\"name\": \"a\"},\n " + element + ",\n{\"name\": \"b\"}]}\n"
        // The reader alone: the whole document read into nodes.
        var full = Diagnostics()
        let root = parseJSON(SourceFile(name: "s.json", text: text), diagnostics: &full)
        let skimmed = skim(element)
        // Errors are the reader's own; duplicate keys inside elements wait for `parseJSONElement`.
        let syntaxErrors = errorLines(full).filter { !$0.contains("duplicate key") }
        #expect(skimmed.lines == syntaxErrors)
        #expect((skimmed.offsets != nil) == (root != nil))
        if let offsets = skimmed.offsets {
            #expect(offsets.count == 3)
            #expect(offsets[1] == text.utf8.count - element.utf8.count - ",\n{\"name\": \"b\"}]}\n".utf8.count)
        }
    }

    /// Invalid UTF-8 inside a string is refused by both, at the string's start.
    @Test func invalidUTF8IsTheReadersError() {
        let bytes = Array(#"{"destinations": [{"name": "x"#.utf8) + [0xC3, 0x28] + Array(#""}]}"#.utf8)
        var diagnostics = Diagnostics()
        #expect(parseJSON(SourceFile(name: "u.json", bytes: bytes), skimmingElementsOf: "destinations", diagnostics: &diagnostics) == nil)
        #expect(errorLines(diagnostics) == ["u.json:1:28: error: invalid JSON: string is not valid UTF-8"])
    }
}
