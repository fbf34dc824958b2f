/// A spec file's bytes with a line table built once, to turn byte offsets into `line:column`.
public final class SourceFile: Sendable {
    /// The file name as the user gave it; diagnostics print it unchanged.
    public let name: String
    /// The file's UTF-8 bytes.
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    private let lineStarts: [Int]

    /// Creates a source file and its line table.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// Creates a source file from text (tests use this).
    public convenience init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The 1-based line and column of a byte offset. The column counts Unicode scalars, so a
    /// multi-byte character before the offset counts once.
    public func location(ofOffset offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        while index < clamped {
            // Count every byte that starts a scalar (not a UTF-8 continuation byte).
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(file: name, line: low + 1, column: column)
    }
}
