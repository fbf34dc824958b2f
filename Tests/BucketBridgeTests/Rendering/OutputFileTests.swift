import Testing
@testable import BucketBridge

/// `OutputFile` keeps a template render's buffer instead of copying it: its bytes, equality and
/// hash are those of the same bytes given as an array.
struct OutputFileTests {
    @Test(arguments: ["", "plain", "ünïcödé\n$(rm -rf /)\n", String(repeating: "x", count: 20_000)])
    func aRenderedFileIsTheSameAsItsBytes(_ text: String) {
        var buffer = TextBuffer(capacity: 16)
        buffer += text
        let rendered = OutputFile(path: "a/b.txt", rendered: buffer, isExecutable: true)
        let given = OutputFile(path: "a/b.txt", contents: Array(text.utf8), isExecutable: true)
        #expect(rendered.contents == Array(text.utf8))
        #expect(rendered.withBytes { Array($0) } == Array(text.utf8))
        #expect(rendered == given && rendered.hashValue == given.hashValue)
        #expect(rendered != OutputFile(path: "a/b.txt", contents: Array(text.utf8), isExecutable: false))
        #expect(rendered != OutputFile(path: "a/b.txt", contents: Array((text + "!").utf8), isExecutable: true))

        // Setting the contents replaces the rendered bytes.
        var changed = rendered
        changed.contents = Array("new".utf8)
        #expect(changed.contents == Array("new".utf8) && changed.withBytes { Array($0) } == Array("new".utf8))
        #expect(rendered.contents == Array(text.utf8))
    }
}
