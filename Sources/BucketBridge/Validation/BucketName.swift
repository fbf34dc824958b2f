/// AWS's naming rules for S3 general purpose buckets (S3 user guide, "Bucket naming rules").
enum BucketNameRules {
    static let reservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"]
    static let reservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"]

    /// Every rule `name` breaks, as phrases that complete "is not a valid S3 bucket name: ...".
    static func problems(_ name: String) -> [String] {
        var problems: [String] = []
        let length = name.utf8.count
        if length < 3 || length > 63 {
            problems.append("it must be 3 to 63 characters long, not \(length)")
        }
        var badKinds: [String] = []
        if name.unicodeScalars.contains(where: { ("A"..."Z").contains($0) }) { badKinds.append("uppercase letters") }
        let others = CharacterRules.disallowedScalars(in: name) {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || CharacterRules.isDigit($0) || $0 == "." || $0 == "-"
        }
        badKinds += others.map { quotedForDiagnostic(String($0)) }
        if !badKinds.isEmpty {
            let verb = badKinds.count == 1 && others.count == 1 ? "is" : "are"
            problems.append("\(listPhrase(badKinds)) \(verb) not allowed")
        }
        if let first = name.unicodeScalars.first, let last = name.unicodeScalars.last,
            !(isAlphanumeric(first) && isAlphanumeric(last))
        {
            problems.append("it must begin and end with a letter or digit")
        }
        if name.containsASCII("..") { problems.append("two adjacent periods are not allowed") }
        if looksLikeIPv4(name) { problems.append("it must not be formatted as an IP address") }
        if let prefix = reservedPrefixes.first(where: name.hasPrefix) {
            problems.append("the prefix \(quotedForDiagnostic(prefix)) is reserved by AWS")
        }
        if let suffix = reservedSuffixes.first(where: name.hasSuffix) {
            problems.append("the suffix \(quotedForDiagnostic(suffix)) is reserved by AWS")
        }
        return problems
    }

    /// Uppercase letters are reported on their own, so they do not count here as well.
    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || CharacterRules.isDigit(scalar)
    }

    /// True for four dot-separated groups of 1–3 digits, such as `192.168.5.4`.
    static func looksLikeIPv4(_ name: String) -> Bool {
        // Most names hold a letter early on: ruled out before splitting them into groups.
        guard name.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") }) else { return false }
        let groups = name.splitASCII(UInt8(ascii: "."))
        return groups.count == 4 && groups.allSatisfy { group in
            (1...3).contains(group.utf8.count) && group.unicodeScalars.allSatisfy(CharacterRules.isDigit)
        }
    }
}
