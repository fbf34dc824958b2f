import Testing
@testable import BucketBridge

/// The checkpointed line table gives the line and column a scan from the file's start gives,
/// at every offset, across checkpoint boundaries, long lines and multi-byte characters.
struct SourceLocationTableTests {
    /// Line and column by reading the bytes from the start: the definition. Element `offset`
    /// is the location after reading `bytes[..<offset]`; one pass gives every offset's (a scan
    /// from the start for each offset read the same bytes again and again: n² steps).
    static func naiveLocations(_ bytes: [UInt8]) -> [(line: Int, column: Int)] {
        var line = 1, column = 1
        var locations = [(line: line, column: column)]
        locations.reserveCapacity(bytes.count + 1)
        for byte in bytes {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            locations.append((line, column))
        }
        return locations
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
        let naive = Self.naiveLocations(bytes)
        for offset in 0...bytes.count {
            let location = file.location(ofOffset: offset)
            let expected = naive[offset]
            #expect(location.line == expected.line && location.column == expected.column, "offset \(offset)")
        }
        #expect(file.location(ofOffset: bytes.count + 10) == file.location(ofOffset: bytes.count))
        #expect(file.location(ofOffset: -3) == SourceLocation(file: "spec.json", line: 1, column: 1))
    }

    /// Every byte value, at every alignment within an eight-byte word, with line feeds between
    /// bytes that differ from 0x0A in one bit (0x0B, 0x8A, 0x4A, 0x0E, ...): the table reads
    /// words at a time and must count exactly the line feeds and the bytes that start scalars.
    @Test(arguments: 0..<8)
    func everyByteValueAtEveryAlignment(shift: Int) {
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: shift)
        for value in 0...255 {
            bytes.append(UInt8(value))
            if value % 3 == 0 { bytes.append(0x0A) }
        }
        for bit in 0..<8 { bytes += [0x0A ^ (1 << bit), 0x0A, 0x0A ^ (1 << bit), 0x80, 0xC3, 0x0A] }
        let file = SourceFile(name: "spec.json", bytes: bytes)
        let naive = Self.naiveLocations(bytes)
        for offset in 0...bytes.count {
            let location = file.location(ofOffset: offset)
            #expect(location.line == naive[offset].line && location.column == naive[offset].column, "offset \(offset)")
        }
    }
}
