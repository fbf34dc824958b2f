/// A spec file's bytes with a line table built once, to turn byte offsets into `line:column`.
public final class SourceFile: Sendable {
    /// The file name as the user gave it; diagnostics print it unchanged.
    public let name: String
    /// The file's UTF-8 bytes.
    public let bytes: [UInt8]
    /// For each multiple of `checkpointStride` bytes: how many line breaks come before it, the
    /// offset at which its line starts, and how many Unicode scalars start before it. A
    /// position is found from the nearest checkpoint, so neither a long line (a minified spec
    /// is one) nor many lines (a spec of 100,000 destinations has 1.5 million) cost more than
    /// the checkpoints: a table of every line start took 8 bytes a line.
    private let lineCheckpoints: [Int]
    private let lineStartCheckpoints: [Int]
    private let scalarCheckpoints: [Int]
    private static let checkpointStride = 256

    /// Creates a source file and its line table.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        let blocks = bytes.count / Self.checkpointStride + 1
        var lines = [0], lineStarts = [0], scalars = [0]
        lines.reserveCapacity(blocks)
        lineStarts.reserveCapacity(blocks)
        scalars.reserveCapacity(blocks)
        var lineCount = 0, lineStart = 0, scalarCount = 0
        bytes.withUnsafeBufferPointer { buffer in
            var blockStart = 0
            while blockStart < buffer.count {
                let blockEnd = min(blockStart + Self.checkpointStride, buffer.count)
                // Eight bytes at a time (the file is read once on one core before any
                // destination is validated), then the bytes after the last whole word.
                var offset = blockStart
                while offset + 8 <= blockEnd {
                    let word = UInt64(littleEndian: UnsafeRawPointer(buffer.baseAddress! + offset).loadUnaligned(as: UInt64.self))
                    scalarCount += 8 - SourceFile.countHighBits(SourceFile.continuationBytes(in: word))
                    let newlines = SourceFile.newlineBytes(in: word)
                    if newlines != 0 {
                        lineCount += SourceFile.countHighBits(newlines)
                        lineStart = offset + (63 - newlines.leadingZeroBitCount) / 8 + 1
                    }
                    offset += 8
                }
                for offset in offset..<blockEnd {
                    let byte = buffer[offset]
                    if byte == 0x0A {
                        lineCount += 1
                        lineStart = offset + 1
                    }
                    if byte & 0xC0 != 0x80 { scalarCount += 1 }
                }
                lines.append(lineCount)
                lineStarts.append(lineStart)
                scalars.append(scalarCount)
                blockStart = blockEnd
            }
        }
        self.lineCheckpoints = lines
        self.lineStartCheckpoints = lineStarts
        self.scalarCheckpoints = scalars
    }

    /// How many bytes of `flags` have their high bit set (no other bit may be set): one
    /// multiplication adds the eight bytes up, where `nonzeroBitCount` needs several steps on
    /// x86-64 processors without the POPCNT instruction the compiler may not assume.
    private static func countHighBits(_ flags: UInt64) -> Int {
        Int(truncatingIfNeeded: ((flags >> 7) &* 0x0101_0101_0101_0101) >> 56)
    }

    /// The high bit of each byte of `word` that continues a UTF-8 sequence (`10xxxxxx`).
    private static func continuationBytes(in word: UInt64) -> UInt64 {
        word & ~(word << 1) & 0x8080_8080_8080_8080
    }

    /// The high bit of each byte of `word` that is a line feed, and no other bit: a byte is
    /// zero after the XOR exactly when it was 0x0A, and adding 0x7F to its low seven bits
    /// carries into the high bit unless all eight bits are zero.
    private static func newlineBytes(in word: UInt64) -> UInt64 {
        let x = word ^ 0x0A0A_0A0A_0A0A_0A0A
        return ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
    }

    /// Creates a source file from text (tests use this).
    public convenience init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The 1-based line and column of a byte offset. The column counts Unicode scalars, so a
    /// multi-byte character before the offset counts once.
    public func location(ofOffset offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), bytes.count)
        let block = clamped / Self.checkpointStride
        let blockStart = block * Self.checkpointStride
        var line = lineCheckpoints[block]
        var lineStart = lineStartCheckpoints[block]
        // Eight bytes at a time, as `init` counts them: every destination asks for a few
        // positions, each up to a whole block past its checkpoint.
        bytes.withUnsafeBufferPointer { buffer in
            var index = blockStart
            while index + 8 <= clamped {
                let word = UInt64(littleEndian: UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self))
                let newlines = SourceFile.newlineBytes(in: word)
                if newlines != 0 {
                    line += SourceFile.countHighBits(newlines)
                    lineStart = index + (63 - newlines.leadingZeroBitCount) / 8 + 1
                }
                index += 8
            }
            for index in index..<clamped where buffer[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
        }
        // A line that starts inside the block is counted directly (in a pretty-printed spec,
        // almost every line); a longer one from the checkpoints.
        let column = lineStart >= blockStart
            ? scalarCount(from: lineStart, to: clamped) + 1
            : scalarsBefore(clamped) - scalarsBefore(lineStart) + 1
        return SourceLocation(file: name, line: line + 1, column: column)
    }

    /// The number of Unicode scalars that start in `start..<end`: every byte that is not a
    /// UTF-8 continuation byte.
    private func scalarCount(from start: Int, to end: Int) -> Int {
        var count = 0
        for index in start..<end where bytes[index] & 0xC0 != 0x80 {
            count += 1
        }
        return count
    }

    /// The number of Unicode scalars that start before `offset`: every byte that is not a
    /// UTF-8 continuation byte, counted from the nearest checkpoint.
    private func scalarsBefore(_ offset: Int) -> Int {
        let block = offset / Self.checkpointStride
        return scalarCheckpoints[block] + scalarCount(from: block * Self.checkpointStride, to: offset)
    }
}
