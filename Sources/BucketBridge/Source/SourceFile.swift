/// A spec file's bytes with a line table built once, to turn byte offsets into `line:column`.
public final class SourceFile: Sendable {
    /// The file name as the user gave it; diagnostics print it unchanged.
    public let name: String
    /// The file's UTF-8 bytes.
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    private let lineStarts: [Int]
    /// How many Unicode scalars start before each multiple of `checkpointStride` bytes, so that
    /// a column is found without scanning its whole line: a minified spec is one long line,
    /// and scanning it for every diagnostic and every destination made validation quadratic.
    private let scalarCheckpoints: [Int]
    private static let checkpointStride = 256

    /// Creates a source file and its line table.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        var starts = [0]
        var checkpoints = [0]
        checkpoints.reserveCapacity(bytes.count / Self.checkpointStride + 1)
        var scalars = 0
        bytes.withUnsafeBufferPointer { buffer in
            var blockStart = 0
            while blockStart < buffer.count {
                let blockEnd = min(blockStart + Self.checkpointStride, buffer.count)
                for offset in blockStart..<blockEnd {
                    let byte = buffer[offset]
                    if byte == 0x0A { starts.append(offset + 1) }
                    if byte & 0xC0 != 0x80 { scalars += 1 }
                }
                checkpoints.append(scalars)
                blockStart = blockEnd
            }
        }
        self.lineStarts = starts
        self.scalarCheckpoints = checkpoints
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
        let column = scalarsBefore(clamped) - scalarsBefore(lineStarts[low]) + 1
        return SourceLocation(file: name, line: low + 1, column: column)
    }

    /// The number of Unicode scalars that start before `offset`: every byte that is not a
    /// UTF-8 continuation byte, counted from the nearest checkpoint.
    private func scalarsBefore(_ offset: Int) -> Int {
        let block = offset / Self.checkpointStride
        var count = scalarCheckpoints[block]
        for index in block * Self.checkpointStride..<offset where bytes[index] & 0xC0 != 0x80 {
            count += 1
        }
        return count
    }
}
