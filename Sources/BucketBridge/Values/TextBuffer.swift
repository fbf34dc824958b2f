/// UTF-8 text under construction. The writers append many small pieces (a quote, a key, two
/// spaces); appending to a byte array costs a fraction of appending to a `String`.
///
/// The bytes live in storage of the buffer's own, copied on write like an array's, so that an
/// append is a capacity check and a copy: `Array.append(contentsOf:)` spends more on its
/// generic setup than on the few bytes a writer appends at a time.
struct TextBuffer: Sendable {
    /// Memory for the bytes, freed with the last buffer that holds it. Sendable as an array's
    /// storage is: a buffer writes only to storage no other buffer holds (see `reserve`).
    private final class Storage: @unchecked Sendable {
        /// Room for `capacity` bytes; only the first `count` of a buffer holding it are written.
        let base: UnsafeMutablePointer<UInt8>

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
        }

        deinit {
            base.deallocate()
        }
    }

    /// The memory; shared by copies of the buffer until one of them writes.
    private var storage: Storage
    /// The number of bytes written so far.
    private(set) var count = 0
    /// How many bytes `storage` has room for.
    private var capacity: Int

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int = 512) {
        self.capacity = Swift.max(capacity, 16)
        storage = Storage(capacity: self.capacity)
    }

    /// Makes room for `extra` more bytes, in storage no other buffer shares.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity || !isKnownUniquelyReferenced(&storage) { grow(by: extra) }
    }

    /// Moves the bytes to new storage with room for `extra` more: at least twice the capacity
    /// when they do not fit, the same capacity when the storage is only shared (so that a
    /// buffer copied before each write does not double its capacity every time).
    @inline(never)
    private mutating func grow(by extra: Int) {
        let grown = count + extra > capacity ? Swift.max(2 * capacity, count + extra) : capacity
        let new = Storage(capacity: grown)
        // Safe: `new` has room for `grown` bytes, at least `count`, and `storage` holds `count`.
        new.base.initialize(from: storage.base, count: count)
        storage = new
        capacity = grown
    }

    /// Appends UTF-8 bytes.
    mutating func append(contentsOf utf8: UnsafeBufferPointer<UInt8>) {
        guard let source = utf8.baseAddress, utf8.count > 0 else { return }
        reserve(utf8.count)
        // Safe: `reserve` made room for `utf8.count` bytes after the `count` written.
        (storage.base + count).initialize(from: source, count: utf8.count)
        count += utf8.count
    }

    /// Appends one byte of UTF-8.
    mutating func appendByte(_ byte: UInt8) {
        reserve(1)
        // Safe: `reserve` made room for one byte after the `count` written.
        (storage.base + count).initialize(to: byte)
        count += 1
    }

    /// Calls `body` with the bytes written so far.
    func withUnsafeBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        defer { withExtendedLifetime(storage) {} }
        return try body(UnsafeBufferPointer(start: storage.base, count: count))
    }

    /// The bytes written so far.
    var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// The last byte written, if any.
    var lastByte: UInt8? { count > 0 ? storage.base[count - 1] : nil }

    /// Appends text.
    static func += (buffer: inout TextBuffer, text: String) {
        // One copy of the string's contiguous UTF-8 (native and small strings have it): the
        // generic append of a `String.UTF8View` goes through `_StringGuts.copyUTF8`.
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { buffer.append(contentsOf: $0) }
        if copied == nil {
            var contiguous = text
            contiguous.withUTF8 { buffer.append(contentsOf: $0) }
        }
    }

    /// Appends a literal (punctuation, a keyword): no reference counting, no bulk-append setup.
    mutating func append(literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends UTF-8 bytes.
    mutating func append(_ utf8: [UInt8]) {
        utf8.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// Appends one Unicode scalar as UTF-8.
    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            appendByte(UInt8(scalar.value))
        } else {
            UTF8.encode(scalar) { appendByte($0) }
        }
    }

    /// Appends UTF-8 bytes (a piece of a string's `utf8` view).
    mutating func append(contentsOf piece: Substring.UTF8View) {
        let copied: Void? = piece.withContiguousStorageIfAvailable { append(contentsOf: $0) }
        if copied == nil {
            for byte in piece { appendByte(byte) }
        }
    }

    /// Appends `text` between two `quote` bytes when every byte of it is printable ASCII
    /// (0x20–0x7E) and none is one of the `special` bytes; false, appending nothing, otherwise.
    /// The writers' fast path: one pass to check the text, one copy.
    mutating func appendQuoted(_ text: String, quote: UInt8, ifPlainExcept special: UInt8, _ special2: UInt8 = 0, _ special3: UInt8 = 0) -> Bool {
        let appended = text.utf8.withContiguousStorageIfAvailable { utf8 in
            guard ByteScan.isPlainASCII(utf8, except: special, special2, special3) else { return false }
            // One reservation for the quotes and the text.
            reserve(utf8.count + 2)
            // Safe: `reserve` made room for `utf8.count + 2` bytes after the `count` written.
            let start = storage.base + count
            start.initialize(to: quote)
            if let source = utf8.baseAddress { (start + 1).initialize(from: source, count: utf8.count) }
            (start + 1 + utf8.count).initialize(to: quote)
            count += utf8.count + 2
            return true
        }
        return appended ?? false
    }

    /// Appends `count` backticks.
    mutating func appendBackticks(_ count: Int) {
        for _ in 0..<count { appendByte(UInt8(ascii: "`")) }
    }

    /// Appends UTF-8 `text` with `width` spaces before every line but the first; empty lines
    /// (a line break or a carriage return right after a line break) stay empty.
    mutating func appendIndenting(_ text: [UInt8], by width: Int) {
        guard width > 0 else {
            append(text)
            return
        }
        text.withUnsafeBufferPointer { text in
            let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
            var lineStart = 0
            // Each line is copied whole; the line that starts after a newline is padded unless it is empty.
            while let end = ByteScan.firstIndex(of: newline, in: text, from: lineStart) {
                append(contentsOf: UnsafeBufferPointer(rebasing: text[lineStart...end]))
                lineStart = end + 1
                if lineStart < text.count, text[lineStart] != newline, text[lineStart] != carriageReturn {
                    appendSpaces(width)
                }
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: text[lineStart...]))
        }
    }

    /// Removes the spaces at the end; returns how many there were.
    mutating func removeTrailingSpaces() -> Int {
        var removed = 0
        while count > 0, storage.base[count - 1] == UInt8(ascii: " ") {
            count -= 1
            removed += 1
        }
        return removed
    }

    /// Appends `count` spaces.
    mutating func appendSpaces(_ spaces: Int) {
        guard spaces > 0 else { return }
        reserve(spaces)
        // Safe: `reserve` made room for `spaces` bytes after the `count` written.
        (storage.base + count).initialize(repeating: UInt8(ascii: " "), count: spaces)
        count += spaces
    }

    /// Appends a line break and `indent` spaces.
    mutating func newline(indent: Int) {
        let spaces = Swift.max(indent, 0)
        reserve(1 + spaces)
        // Safe: `reserve` made room for the line break and `spaces` bytes after the `count` written.
        (storage.base + count).initialize(to: UInt8(ascii: "\n"))
        (storage.base + count + 1).initialize(repeating: UInt8(ascii: " "), count: spaces)
        count += 1 + spaces
    }

    /// The text written so far.
    var text: String { withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }

    /// True when the text is empty or only whitespace (as `Character.isWhitespace` says).
    var isBlank: Bool {
        let ascii: Bool? = withUnsafeBytes { bytes in
            for byte in bytes {
                switch byte {
                case 0x09...0x0D, 0x20: continue
                case 0x80...: return nil
                default: return false
                }
            }
            return true
        }
        return ascii ?? text.allSatisfy(\.isWhitespace)
    }
}
