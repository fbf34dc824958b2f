/// Character classes from AWS's API models, checked scalar by scalar (no regular expressions:
/// validation runs for every destination of large runs).
enum CharacterRules {
    /// `\w` as AWS's (Java) patterns mean it: ASCII letters, digits and `_`.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: true
        default: false
        }
    }

    /// `[\w+=,.@-]`: IAM role, user and inline policy names, STS session names.
    static func isIAMName(_ scalar: Unicode.Scalar) -> Bool {
        // By value, as `isWord`: matching scalar literals compares them one by one.
        switch scalar.value {
        case 0x2B, 0x3D, 0x2C, 0x2E, 0x40, 0x2D: true  // + = , . @ -
        default: isWord(scalar)
        }
    }

    /// `[\w+=,.@:/-]`: STS external IDs.
    static func isExternalID(_ scalar: Unicode.Scalar) -> Bool {
        isIAMName(scalar) || scalar == ":" || scalar == "/"
    }

    /// `[\u0021-\u007E]`: printable ASCII without space (IAM path segments).
    static func isPrintableASCII(_ scalar: Unicode.Scalar) -> Bool {
        (0x21...0x7E).contains(scalar.value)
    }

    /// `[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]`: IAM role descriptions.
    static func isDescription(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA1...0xFF: true
        default: false
        }
    }

    /// `[\p{L}\p{Z}\p{N}_.:/=+\-@]`: IAM tag keys and values.
    static func isTag(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        // ASCII letters and digits are all in the categories below, and the rest of ASCII in
        // none of them: answered without looking the category up. By value, letters first: most
        // characters of a tag are letters, and matching scalar literals compares them one by one.
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39: return true
        case 0x5F, 0x2E, 0x3A, 0x2F, 0x3D, 0x2B, 0x2D, 0x40, 0x20: return true  // _ . : / = + - @ space
        case 0..<0x80: return false
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .spaceSeparator, .lineSeparator, .paragraphSeparator,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// `[A-Za-z0-9]`: policy statement ids (`Sid`).
    static func isSid(_ scalar: Unicode.Scalar) -> Bool {
        isWord(scalar) && scalar != "_"
    }

    /// ASCII digits.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value)
    }

    /// The distinct scalars of `text` that fail `allowed`, in order of appearance.
    static func disallowedScalars(in text: String, allowed: (Unicode.Scalar) -> Bool) -> [Unicode.Scalar] {
        // Most values checked are ASCII and allowed throughout: their bytes are checked without
        // decoding scalars (several times cheaper), and only the others are decoded.
        let allowedASCII = ByteScan.withUTF8(of: text) { bytes in
            bytes.allSatisfy { $0 < 0x80 && allowed(Unicode.Scalar($0)) }
        }
        if allowedASCII { return [] }
        var seen: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where !allowed(scalar) && !seen.contains(scalar) {
            seen.append(scalar)
        }
        return seen
    }

    /// A phrase naming the scalars of `text` that fail `allowed` ("\"!\" and \" \" are not allowed"), or nil.
    static func notAllowedPhrase(in text: String, allowed: (Unicode.Scalar) -> Bool) -> String? {
        let bad = disallowedScalars(in: text, allowed: allowed)
        guard !bad.isEmpty else { return nil }
        let shown = bad.prefix(5).map { quotedForDiagnostic(String($0)) } + (bad.count > 5 ? ["others"] : [])
        return "\(listPhrase(shown)) \(bad.count == 1 ? "is" : "are") not allowed"
    }

    /// Problems with a value that must have 1 to `maximum` characters, each of them `allowed`:
    /// its length, and the characters outside the class followed by `explanation`.
    static func problems(_ text: String, maximum: Int, allowed: (Unicode.Scalar) -> Bool, explanation: String) -> [String] {
        var problems: [String] = []
        let length = text.scalarCount
        if length < 1 || length > maximum {
            problems.append("it must be 1 to \(maximum) characters long, not \(length)")
        }
        if let phrase = notAllowedPhrase(in: text, allowed: allowed) { problems.append(phrase + explanation) }
        return problems
    }

    /// True when `text` is exactly twelve ASCII digits (an AWS account id).
    static func isAccountID(_ text: String) -> Bool {
        // Byte by byte: a digit is one byte, and no byte of another character is a digit.
        ByteScan.withUTF8(of: text) { $0.count == 12 && $0.allSatisfy { (0x30...0x39).contains($0) } }
    }
}

/// Joins items as English prose: `a`, `a and b`, `a, b and c`.
func listPhrase(_ items: [String], conjunction: String = "and") -> String {
    switch items.count {
    case 0: ""
    case 1: items[0]
    default: items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
    }
}

extension StringProtocol {
    /// True when the text contains the ASCII `needle`, compared byte by byte. Validation runs for
    /// every destination; Unicode-aware searching costs many times more and gains nothing for
    /// ASCII needles.
    func containsASCII(_ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let first = pattern.first else { return true }
            guard bytes.count >= pattern.count else { return false }
            outer: for start in 0...(bytes.count - pattern.count) where bytes[start] == first {
                for offset in 1..<pattern.count where bytes[start + offset] != pattern[offset] { continue outer }
                return true
            }
            return false
        }
        if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(utf8).withUnsafeBufferPointer(search)
    }

    /// The text split at every ASCII `separator` byte, keeping empty parts.
    func splitASCII(_ separator: UInt8, maxSplits: Int = .max) -> [SubSequence] {
        func offsets(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
            var found: [Int] = []
            for offset in bytes.indices where bytes[offset] == separator {
                if found.count == maxSplits { break }
                found.append(offset)
            }
            return found
        }
        let separators = utf8.withContiguousStorageIfAvailable(offsets) ?? Array(utf8).withUnsafeBufferPointer(offsets)
        var parts: [SubSequence] = []
        parts.reserveCapacity(separators.count + 1)
        var start = startIndex
        for offset in separators {
            let end = utf8.index(startIndex, offsetBy: offset)
            parts.append(self[start..<end])
            start = utf8.index(after: end)
        }
        parts.append(self[start..<endIndex])
        return parts
    }
}

extension StringProtocol {
    /// The number of Unicode scalars, as `unicodeScalars.count`, counted from the UTF-8 bytes
    /// without decoding them: every byte that does not continue a multi-byte sequence starts a
    /// scalar (a string's UTF-8 is always valid). Length rules count every value they check.
    var scalarCount: Int {
        let counted = utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
        return counted ?? unicodeScalars.count
    }
}

extension String {
    /// `hasPrefix(prefix)` for a `prefix` of ASCII letters, `:` and `/`, decided by bytes unless
    /// a non-ASCII character follows the prefix (a combining mark there joins its last character,
    /// so only the Character way can tell). No other text is canonically equivalent to those
    /// characters, so text whose bytes do not start with the prefix does not start with it.
    func hasASCIIPrefix(_ prefix: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        let byBytes: Bool? = ByteScan.withUTF8(of: self) { bytes in
            guard bytes.starts(with: pattern) else { return false }
            return bytes.count == pattern.count || bytes[pattern.count] < 0x80 ? true : nil
        }
        return byBytes ?? hasPrefix(prefix.description)
    }
}
