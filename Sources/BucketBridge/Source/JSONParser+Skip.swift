extension JSONParser {
    /// Moves past the value at `index` when a scan that builds no nodes and no strings finds it
    /// well formed, and returns true; otherwise leaves `index` where it was and returns false.
    ///
    /// The skim of a large spec reads every destination once only to check its syntax, on one
    /// core while the others wait: building and dropping each tree cost several times this scan.
    /// The scan accepts only what `parseValue` accepts; anything else (a backslash escape, a
    /// syntax error) is left to `parseValue`, which reports the exact error.
    mutating func skipWellFormedValue(depth: Int) -> Bool {
        let start = index
        if skipValue(depth: depth) { return true }
        index = start
        return false
    }

    private mutating func skipValue(depth: Int) -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "{"): return depth < Self.maximumDepth && skipObject(depth: depth)
        case UInt8(ascii: "["): return depth < Self.maximumDepth && skipArray(depth: depth)
        case UInt8(ascii: "\""): return skipString()
        case UInt8(ascii: "t"): return (try? expectLiteral("true")) != nil
        case UInt8(ascii: "f"): return (try? expectLiteral("false")) != nil
        case UInt8(ascii: "n"): return (try? expectLiteral("null")) != nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return (try? parseNumber()) != nil
        default: return false
        }
    }

    /// True when the next byte is `byte`, stepping past it.
    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipObject(depth: Int) -> Bool {
        index += 1
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return true }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), skipString() else { return false }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { return false }
            skipWhitespace()
            guard skipValue(depth: depth + 1) else { return false }
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "}"))
        }
    }

    private mutating func skipArray(depth: Int) -> Bool {
        index += 1
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return true }
        while true {
            skipWhitespace()
            guard skipValue(depth: depth + 1) else { return false }
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "]"))
        }
    }

    /// A string without control characters or `\u` escapes whose bytes are valid UTF-8. (A
    /// one-letter escape stands for one ASCII byte, as its two ASCII bytes in the file do, so
    /// the file's bytes are valid exactly when the decoded ones are.) Plain ASCII runs are
    /// passed eight bytes at a time: the skim runs on one core before any destination is read.
    private mutating func skipString() -> Bool {
        let start = index + 1
        let end = bytes.withUnsafeBufferPointer { buffer -> Int? in
            var next = start
            var ascii = true
            while true {
                next = Self.firstSpecialStringByte(in: buffer, from: next)
                guard next < buffer.count else { return nil }
                let byte = buffer[next]
                if byte == UInt8(ascii: "\"") {
                    return ascii || isValidUTF8(start..<next) ? next : nil
                }
                if byte == UInt8(ascii: "\\") {
                    guard next + 1 < buffer.count, Self.isOneLetterEscape(buffer[next + 1]) else { return nil }
                    next += 2
                    continue
                }
                if byte < 0x20 { return nil }
                if byte >= 0x80 { ascii = false }
                next += 1
            }
        }
        guard let end else { return false }
        index = end + 1
        return true
    }

    /// The index of the first byte from `start` on that a string scan must look at (see
    /// `specialStringBytes`), taking eight bytes at a time while there are eight; with fewer
    /// left, `start` itself (or `buffer.count` at the end).
    @inline(__always)
    static func firstSpecialStringByte(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var next = start
        while next + 8 <= buffer.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(buffer.baseAddress! + next).loadUnaligned(as: UInt64.self))
            let special = specialStringBytes(in: word)
            if special != 0 { return next + special.trailingZeroBitCount / 8 }
            next += 8
        }
        return next
    }

    /// The high bit of each byte of `word` that a string scan must look at: a quote, a
    /// backslash, a control character or a byte of a multi-byte character. (A byte is zero
    /// after an XOR exactly when it equalled the other byte; adding 0x7F to its low seven bits
    /// carries into the high bit unless all eight are zero. Adding 0x60 carries unless the low
    /// seven bits are below 0x20.)
    static func specialStringBytes(in word: UInt64) -> UInt64 {
        let low = 0x7F7F_7F7F_7F7F_7F7F as UInt64, high = 0x8080_8080_8080_8080 as UInt64
        func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & low) &+ low) | x) & high }
        let quotes = zeroBytes(word ^ 0x2222_2222_2222_2222)
        let backslashes = zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C)
        let controls = ~(((word & low) &+ 0x6060_6060_6060_6060) | word) & high
        return quotes | backslashes | controls | (word & high)
    }

    /// The letters after a backslash that `parseEscape` decodes to one byte.
    private static func isOneLetterEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
            UInt8(ascii: "r"), UInt8(ascii: "t"):
            true
        default: false
        }
    }

    /// Whether `validUTF8String` would accept these bytes: the same decoder, no string made.
    private func isValidUTF8(_ range: Range<Int>) -> Bool {
        var iterator = bytes[range].makeIterator()
        var decoder = Unicode.UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
