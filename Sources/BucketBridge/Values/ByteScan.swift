/// Scans of UTF-8 bytes eight at a time, for the writers' fast paths: most text they see
/// (policies, names, ARNs) is plain ASCII and holds none of the bytes they look for.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// True when some byte of `word` is zero.
    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highBits != 0
    }

    /// True when some byte of `word` equals `byte`.
    @inline(__always)
    private static func has(_ byte: UInt8, in word: UInt64) -> Bool {
        hasZeroByte(word ^ (UInt64(byte) &* ones))
    }

    /// The first index at or after `start` where `byte` is, or nil.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = start
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if has(byte, in: word) { break }
            index += 8
        }
        // The last bytes, read as the word that ends the text (see `firstNonPlain`).
        if index < bytes.count, bytes.count >= 8, index + 8 > bytes.count,
            !has(byte, in: UnsafeRawPointer(base + bytes.count - 8).loadUnaligned(as: UInt64.self))
        {
            return nil
        }
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// True when some byte is `byte` or `other`.
    static func contains(_ byte: UInt8, or other: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if has(byte, in: word) || has(other, in: word) { return true }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] == byte || bytes[index] == other { return true }
            index += 1
        }
        return false
    }

    /// True when some byte is one of `first`, `second` and `third`.
    static func contains(_ first: UInt8, _ second: UInt8, _ third: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let found = zeroBytes(word ^ (UInt64(first) &* ones)) | zeroBytes(word ^ (UInt64(second) &* ones))
                | zeroBytes(word ^ (UInt64(third) &* ones))
            if found & highBits != 0 {
                return true
            }
            index += 8
        }
        // The last bytes, read as the word that ends the text.
        if index < bytes.count, bytes.count >= 8 {
            let word = UnsafeRawPointer(base + bytes.count - 8).loadUnaligned(as: UInt64.self)
            return has(first, in: word) || has(second, in: word) || has(third, in: word)
        }
        while index < bytes.count {
            if bytes[index] == first || bytes[index] == second || bytes[index] == third { return true }
            index += 1
        }
        return false
    }

    /// True when every byte is ASCII (below 0x80).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        while index + 8 <= bytes.count {
            if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & highBits != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// True when every byte is printable ASCII (0x20–0x7E) and none is one of `special`
    /// (0 stands for none: a zero byte is not printable anyway).
    static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>, except special: UInt8, _ special2: UInt8, _ special3: UInt8) -> Bool {
        firstNonPlain(in: bytes, from: 0, except: special, special2, special3) == bytes.count
    }

    /// The index of the first byte at or after `start` that is not printable ASCII (0x20–0x7E)
    /// or is one of `special` (0 stands for none); `bytes.count` when there is none. Inlined,
    /// so that the writers' constant `special` bytes fold into the word tests.
    @inline(__always)
    static func firstNonPlain(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, except special: UInt8, _ special2: UInt8, _ special3: UInt8) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let count = bytes.count
        var index = start
        while index + 8 <= count {
            if holdsNonPlain(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self), special, special2, special3) { break }
            index += 8
        }
        // The last bytes, read as the word that ends the text (it may repeat bytes already
        // checked, even bytes before `start`: a byte found there only sends the search on
        // byte by byte).
        if index < count, count >= 8, index + 8 > count,
            !holdsNonPlain(UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self), special, special2, special3)
        {
            return count
        }
        while index < count {
            let byte = base[index]
            if byte < 0x20 || byte >= 0x7F || byte == special || byte == special2 || byte == special3 { return index }
            index += 1
        }
        return index
    }

    /// True when some byte of `word` is not printable ASCII (0x20–0x7E) or is one of `special`
    /// (0 stands for none). One test of all the conditions, without a branch for each.
    @inline(__always)
    private static func holdsNonPlain(_ word: UInt64, _ special: UInt8, _ special2: UInt8, _ special3: UInt8) -> Bool {
        // A byte of 0x80 or above keeps its high bit; 0x7F gets it by adding 1; a byte below
        // 0x20 is the only one that stays below 0x80 when 0x60 is added. A carry from one byte
        // into the next comes only from a byte of 0x80 or above, which is found anyway.
        var found = word | (word &+ ones) | ~(word &+ 0x6060_6060_6060_6060)
        if special != 0 { found |= zeroBytes(word ^ (UInt64(special) &* ones)) }
        if special2 != 0 { found |= zeroBytes(word ^ (UInt64(special2) &* ones)) }
        if special3 != 0 { found |= zeroBytes(word ^ (UInt64(special3) &* ones)) }
        return found & highBits != 0
    }

    /// A word whose high bits, masked with `highBits`, are nonzero exactly when some byte of
    /// `word` is zero.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word
    }

    /// Calls `body` with the UTF-8 bytes of `text`, in place when the string stores them
    /// contiguously (native and small strings do), else from a contiguous copy.
    @inline(__always)
    static func withUTF8<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var contiguous = text
        return contiguous.withUTF8(body)
    }

    /// The number of bytes of the UTF-8 sequence that `lead` starts (1 for ASCII and, so that
    /// a scan always moves on, for a continuation byte).
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}

/// Up to 8 bytes as one integer, the first in the highest byte: short words compare in one step.
@inline(__always)
func packedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var packed: UInt64 = 0
    for byte in bytes.prefix(8) { packed = packed << 8 | UInt64(byte) }
    return packed
}

/// `packedBytes` of a literal word.
@inline(__always)
func packedBytes(_ word: StaticString) -> UInt64 {
    word.withUTF8Buffer(packedBytes)
}
