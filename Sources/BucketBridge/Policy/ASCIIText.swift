/// Splitting and trimming at ASCII characters, by bytes when the text is plain ASCII.
///
/// The policy model reads back the ARNs it wrote (resources, principals) for every destination;
/// doing that by Characters runs grapheme breaking on every byte. In ASCII text every Character
/// is one byte except CR LF, and neither CR nor LF is a separator or suffix here, so the byte
/// way gives what the Character way gives. Other text takes the Character way.
extension StringProtocol where SubSequence == Substring {
    /// The text split at `separator`, as `split(separator:maxSplits:omittingEmptySubsequences:)`
    /// splits it.
    func splitting(
        ascii separator: Unicode.Scalar, maxSplits: Int = .max, omittingEmptySubsequences: Bool = true
    ) -> [Substring] {
        precondition(separator.isASCII && separator != "\r" && separator != "\n")
        let byte = UInt8(separator.value)
        let split = utf8.withContiguousStorageIfAvailable { bytes -> [Substring]? in
            guard ByteScan.isASCII(bytes) else { return nil }
            var parts: [Substring] = []
            parts.reserveCapacity(maxSplits < 8 ? maxSplits + 1 : 4)
            func append(_ start: Int, _ end: Int) {
                guard !omittingEmptySubsequences || start < end else { return }
                parts.append(self[utf8.index(startIndex, offsetBy: start)..<utf8.index(startIndex, offsetBy: end)])
            }
            var start = 0, index = 0
            while index < bytes.count, parts.count < maxSplits {
                if bytes[index] == byte {
                    append(start, index)
                    start = index + 1
                }
                index += 1
            }
            append(start, bytes.count)
            return parts
        }
        return (split ?? nil)
            ?? self.split(separator: Character(separator), maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
    }

    /// The text without its last character when that is `suffix`, else nil: `hasSuffix` and
    /// `dropLast()` in one.
    func droppingSuffix(ascii suffix: Unicode.Scalar) -> Substring? {
        precondition(suffix.isASCII && suffix != "\r" && suffix != "\n")
        let byte = UInt8(suffix.value)
        let scan = utf8.withContiguousStorageIfAvailable { bytes in
            (endsWithSuffix: bytes.last == byte, isASCII: ByteScan.isASCII(bytes), count: bytes.count)
        }
        guard let scan else { return hasSuffix(String(suffix)) ? dropLast() : nil }
        // A last Character equal to `suffix` ends with its byte.
        guard scan.endsWithSuffix else { return nil }
        guard scan.isASCII else { return hasSuffix(String(suffix)) ? dropLast() : nil }
        return self[startIndex..<utf8.index(startIndex, offsetBy: scan.count - 1)]
    }

    /// Where the last `character` is, as `lastIndex(of:)` finds it.
    func lastIndex(ascii character: Unicode.Scalar) -> Index? {
        precondition(character.isASCII && character != "\r" && character != "\n")
        let byte = UInt8(character.value)
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
            guard ByteScan.isASCII(bytes) else { return nil }
            return .some(bytes.lastIndex(of: byte))
        }
        guard let offset = found ?? nil else { return lastIndex(of: Character(character)) }
        return offset.map { utf8.index(startIndex, offsetBy: $0) }
    }
}
