import Testing
@testable import BucketBridge

/// The checkpointed line table gives the line and column a scan from the file's start gives,
/// at every offset, across checkpoint boundaries, long lines and multi-byte characters.
struct SourceLocationTableTests {
    /// Line and column by reading the bytes from the start: the definition.
    static func naiveLocation(_ bytes: [UInt8], _ offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    @Test(arguments: [0, 1, 255, 256, 257, 600, 2_000])
    func everyOffsetMatchesAScanFromTheStart(length: Int) {
        let pieces = ["a", "\n", "é", "日本", "\n\n", "🙂", "  ", "\r\n"]
        var generator = SystemRandomNumberGenerator()
        var text = ""
        while text.utf8.count < length { text += pieces.randomElement(using: &generator)! }
        // A long line after short ones, so some checkpoints fall inside a line.
        text += String(repeating: "x", count: 700) + "\nend"
        let file = SourceFile(name: "spec.json", text: text)
        let bytes = Array(text.utf8)
        for offset in 0...bytes.count {
            let location = file.location(ofOffset: offset)
            let expected = Self.naiveLocation(bytes, offset)
            #expect(location.line == expected.line && location.column == expected.column, "offset \(offset)")
        }
        #expect(file.location(ofOffset: bytes.count + 10) == file.location(ofOffset: bytes.count))
        #expect(file.location(ofOffset: -3) == SourceLocation(file: "spec.json", line: 1, column: 1))
    }
}
