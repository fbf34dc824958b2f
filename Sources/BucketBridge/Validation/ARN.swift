/// The six colon-separated parts of an ARN: `arn:partition:service:region:account:resource`.
struct ARN {
    var partition: String
    var service: String
    var region: String
    var account: String
    var resource: String

    /// Splits `text`; nil when it does not have the `arn:` form with six parts.
    init?(_ text: String) {
        // As `hasPrefix` compares characters: "arn:" followed by a combining mark is no ARN.
        guard text.hasASCIIPrefix("arn:"),
            let arn = ByteScan.withUTF8(of: text, { ARN(utf8: $0) })
        else { return nil }
        self = arn
    }

    /// Splits UTF-8 bytes that start with `arn:` at their colons. One walk over the bytes, each
    /// part copied once: ARNs are read by the dozen per destination. (A colon is ASCII, so
    /// every part is valid UTF-8 on its own.)
    private init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var start = 4
        func field() -> String? {
            guard let colon = ByteScan.firstIndex(of: UInt8(ascii: ":"), in: bytes, from: start) else { return nil }
            defer { start = colon + 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<colon]), as: UTF8.self)
        }
        guard let partition = field(), let service = field(), let region = field(), let account = field() else { return nil }
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        resource = String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
    }

    /// The partition when it is one bucketbridge knows.
    var knownPartition: Partition? { Partition(rawValue: partition) }
}

/// Checks that an ARN's partition is the bucket's: IAM and STS never cross partitions.
func partitionProblem(_ arn: ARN, expected: Partition) -> String? {
    guard let partition = arn.knownPartition else {
        return "the partition \(quotedForDiagnostic(arn.partition)) is not aws, aws-cn or aws-us-gov"
    }
    guard partition == expected else {
        return "it is in the \(partition.rawValue) partition but the bucket is in \(expected.rawValue): access cannot cross partitions"
    }
    return nil
}

/// Rules for the IAM names and paths inside ARNs (role and user names, paths).
enum IAMNameRules {
    /// Problems with a role, user or policy name of at most `maximum` characters of `[\w+=,.@-]`.
    static func nameProblems(_ name: String, maximum: Int = 64) -> [String] {
        CharacterRules.problems(name, maximum: maximum, allowed: CharacterRules.isIAMName, explanation: " (only letters, digits and + = , . @ _ -)")
    }

    /// Problems with an IAM path: `/` alone, or `/` + printable ASCII + `/`, at most 512 characters.
    static func pathProblems(_ path: String) -> [String] {
        var problems: [String] = []
        let length = path.scalarCount
        if length < 1 || length > 512 {
            problems.append("it must be 1 to 512 characters long, not \(length)")
        }
        if !path.hasPrefix("/") || !path.hasSuffix("/") {
            problems.append("it must begin and end with \"/\"")
        }
        if let phrase = CharacterRules.notAllowedPhrase(in: path, allowed: CharacterRules.isPrintableASCII) {
            problems.append(phrase + " (printable ASCII without spaces only)")
        }
        if path.containsASCII("//") { problems.append("empty path segments (\"//\") are not allowed") }
        return problems
    }

    /// Splits `path/to/name` into the IAM path (`/path/to/`) and the name.
    static func splitPathAndName(_ text: Substring) -> (path: String, name: String) {
        guard let slash = text.lastIndex(ascii: "/") else { return ("/", String(text)) }
        return ("/" + text[..<slash] + "/", String(text[text.index(after: slash)...]))
    }
}
