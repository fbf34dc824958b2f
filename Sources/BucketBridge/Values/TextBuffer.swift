/// The most spaces `lineBreakAndSpaces` holds.
private let maximumIndent = 128

/// A line break followed by `maximumIndent` spaces.
private let lineBreakAndSpaces: [UInt8] = [UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: maximumIndent)

/// UTF-8 text under construction. The writers append many small pieces (a quote, a key, two
/// spaces); appending to a byte array costs a fraction of appending to a `String`.
struct TextBuffer {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends text.
    static func += (buffer: inout TextBuffer, text: String) {
        // One copy of the string's contiguous UTF-8 (native and small strings have it): the
        // generic append of a `String.UTF8View` goes through `_StringGuts.copyUTF8`.
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { buffer.append(contentsOf: $0) }
        if copied == nil { buffer.bytes.append(contentsOf: text.utf8) }
    }

    /// Appends a literal (punctuation, a keyword): no reference counting, no bulk-append setup.
    mutating func append(literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends UTF-8 bytes.
    mutating func append(_ utf8: [UInt8]) {
        bytes.append(contentsOf: utf8)
    }

    /// Appends one Unicode scalar as UTF-8.
    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            bytes.append(UInt8(scalar.value))
        } else {
            UTF8.encode(scalar) { bytes.append($0) }
        }
    }

    /// Appends UTF-8 bytes (a piece of a string's `utf8` view).
    mutating func append(contentsOf piece: Substring.UTF8View) {
        bytes.append(contentsOf: piece)
    }

    /// Appends `text` between two `quote` bytes when every byte of it is printable ASCII
    /// (0x20–0x7E) and none is one of the `special` bytes; false, appending nothing, otherwise.
    /// The writers' fast path: one pass to check the text, one copy.
    mutating func appendQuoted(_ text: String, quote: UInt8, ifPlainExcept special: UInt8, _ special2: UInt8 = 0, _ special3: UInt8 = 0) -> Bool {
        let appended = text.utf8.withContiguousStorageIfAvailable { utf8 in
            guard ByteScan.isPlainASCII(utf8, except: special, special2, special3) else { return false }
            bytes.append(quote)
            bytes.append(contentsOf: utf8)
            bytes.append(quote)
            return true
        }
        return appended ?? false
    }

    /// Appends UTF-8 bytes.
    mutating func append(contentsOf utf8: UnsafeBufferPointer<UInt8>) {
        // A few bytes one at a time: setting up a bulk append costs more than that.
        if utf8.count <= 4 {
            for byte in utf8 { bytes.append(byte) }
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    /// Appends `count` backticks.
    mutating func appendBackticks(_ count: Int) {
        for _ in 0..<count { bytes.append(UInt8(ascii: "`")) }
    }

    /// Appends UTF-8 `text` with `width` spaces before every line but the first; empty lines
    /// (a line break or a carriage return right after a line break) stay empty.
    mutating func appendIndenting(_ text: [UInt8], by width: Int) {
        guard width > 0 else {
            bytes.append(contentsOf: text)
            return
        }
        text.withUnsafeBufferPointer { text in
            let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
            var lineStart = 0
            // Each line is copied whole; the line that starts after a newline is padded unless it is empty.
            while let end = ByteScan.firstIndex(of: newline, in: text, from: lineStart) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[lineStart...end]))
                lineStart = end + 1
                if lineStart < text.count, text[lineStart] != newline, text[lineStart] != carriageReturn {
                    appendSpaces(width)
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[lineStart...]))
        }
    }

    /// Appends one byte of UTF-8.
    mutating func appendByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Removes the spaces at the end; returns how many there were.
    mutating func removeTrailingSpaces() -> Int {
        var count = 0
        while bytes.last == UInt8(ascii: " ") {
            bytes.removeLast()
            count += 1
        }
        return count
    }

    /// Appends `count` spaces.
    mutating func appendSpaces(_ count: Int) {
        var remaining = count
        while remaining > 0 {
            let chunk = Swift.min(remaining, maximumIndent)
            appendLineBreakAndSpaces(from: 1, to: 1 + chunk)
            remaining -= chunk
        }
    }

    /// Appends a line break and `indent` spaces.
    mutating func newline(indent: Int) {
        if indent <= maximumIndent {
            appendLineBreakAndSpaces(from: 0, to: 1 + indent)
        } else {
            bytes.append(UInt8(ascii: "\n"))
            appendSpaces(indent)
        }
    }

    /// Appends `lineBreakAndSpaces[start..<end]`, copied whole: appending a repeated element
    /// goes byte by byte through the generic sequence code, which dominated the JSON writer's
    /// time in a debug build.
    private mutating func appendLineBreakAndSpaces(from start: Int, to end: Int) {
        lineBreakAndSpaces.withUnsafeBufferPointer { all in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: all[start..<end]))
        }
    }

    /// The number of bytes written so far.
    var count: Int { bytes.count }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// True when the text is empty or only whitespace (as `Character.isWhitespace` says).
    var isBlank: Bool {
        for byte in bytes {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case 0x80...: return text.allSatisfy(\.isWhitespace)
            default: return false
            }
        }
        return true
    }
}
