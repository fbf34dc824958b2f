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
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // No byte 0x80 or above; then no byte below 0x20, none 0x7F and none special.
            if word & highBits != 0 || (word &- 0x2020_2020_2020_2020) & ~word & highBits != 0 || has(0x7F, in: word)
                || has(special, in: word) || has(special2, in: word) || has(special3, in: word)
            {
                return false
            }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte >= 0x7F || byte == special || byte == special2 || byte == special3 { return false }
            index += 1
        }
        return true
    }
}
