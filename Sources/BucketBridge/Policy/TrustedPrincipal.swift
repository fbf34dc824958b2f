/// A principal a policy trusts, read from its ARN, with words for people.
public struct TrustedPrincipal: Sendable, Hashable {
    /// What kind of identity the ARN names.
    public enum Kind: String, Sendable, Hashable {
        /// `arn:P:iam::ACCOUNT:role/NAME`.
        case role = "iam-role"
        /// `arn:P:iam::ACCOUNT:user/NAME`.
        case user = "iam-user"
        /// `arn:P:iam::ACCOUNT:root`: the account, through whatever its administrators allow.
        case account = "account"
        /// `arn:P:sts::ACCOUNT:assumed-role/ROLE/SESSION`: one session of a role.
        case session = "sts-session"
        /// A placeholder the customer fills in with a principal's ARN.
        case placeholder = "placeholder"
        /// Anything else (not written by bucketbridge, kept as it is).
        case other = "other"
    }

    /// The ARN as the policy writes it.
    public var arn: String
    /// The kind of identity.
    public var kind: Kind
    /// The 12-digit account the principal belongs to, when the ARN names one.
    public var account: String?
    /// The role or user name (for sessions: the role's), without its path.
    public var name: String?
    /// The session name of an STS session principal.
    public var sessionName: String?

    /// Reads a principal ARN.
    public init(arn: String) {
        self.arn = arn
        if PlaceholderText.contains(arn), PlaceholderText.parts(arn).count == 1 {
            kind = .placeholder
            return
        }
        // Most ARNs are plain ASCII: read from their bytes, with no array of parts and no copies
        // but the fields kept.
        var text = arn
        if let fields = text.withUTF8(Self.readASCII) {
            (kind, account, name, sessionName) = fields
            return
        }
        // Strings rather than substrings: comparing and `hasPrefix` take their fast paths.
        let parts = arn.splitting(ascii: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn" else {
            kind = .other
            return
        }
        account = parts[4].isEmpty ? nil : parts[4]
        let resource = parts[5]
        switch parts[2] {
        case "iam" where resource == "root":
            kind = .account
        case "iam" where resource.hasPrefix("role/"):
            kind = .role
            name = resource.splitting(ascii: "/").last.map(String.init)
        case "iam" where resource.hasPrefix("user/"):
            kind = .user
            name = resource.splitting(ascii: "/").last.map(String.init)
        case "sts" where resource.hasPrefix("assumed-role/"):
            let pieces = resource.splitting(ascii: "/", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            kind = pieces.count == 3 ? .session : .other
            if pieces.count == 3 {
                name = pieces[1]
                sessionName = pieces[2]
            }
        default:
            kind = .other
        }
    }

    /// The kind, account, name and session name of an ASCII ARN, read as the Character way
    /// below reads them (in ASCII, only CR LF joins two bytes into one Character, and neither
    /// is a delimiter here); nil for other text.
    private static func readASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> (Kind, String?, String?, String?)? {
        guard ByteScan.isASCII(bytes) else { return nil }
        func colon(after start: Int) -> Int? { bytes[start...].firstIndex(of: UInt8(ascii: ":")) }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        func starts(_ range: Range<Int>, with word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            return range.count >= count
                && bytes[range.lowerBound..<range.lowerBound + count].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count))
        }
        func holds(_ range: Range<Int>, _ word: StaticString) -> Bool { range.count == word.utf8CodeUnitCount && starts(range, with: word) }
        // `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`: the resource may hold colons of its own.
        guard let first = colon(after: 0), let second = colon(after: first + 1), let third = colon(after: second + 1),
            let fourth = colon(after: third + 1), let fifth = colon(after: fourth + 1), holds(0..<first, "arn")
        else { return (.other, nil, nil, nil) }
        let account = fourth + 1 < fifth ? text(fourth + 1..<fifth) : nil
        let service = second + 1..<third, resource = fifth + 1..<bytes.count
        if holds(service, "iam") {
            if holds(resource, "root") { return (.account, account, nil, nil) }
            let kind: Kind
            if starts(resource, with: "role/") {
                kind = .role
            } else if starts(resource, with: "user/") {
                kind = .user
            } else {
                return (.other, account, nil, nil)
            }
            // The last non-empty piece between slashes (`role` itself when there is none after it).
            var end = resource.upperBound
            while bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
            let start = bytes[resource.lowerBound..<end].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? resource.lowerBound
            return (kind, account, text(start..<end), nil)
        }
        let assumedRole: StaticString = "assumed-role/"
        guard holds(service, "sts"), starts(resource, with: assumedRole) else { return (.other, account, nil, nil) }
        // `assumed-role/ROLE/SESSION`: the session is the rest, slashes and all.
        let role = resource.lowerBound + assumedRole.utf8CodeUnitCount
        guard let slash = bytes[role..<resource.upperBound].firstIndex(of: UInt8(ascii: "/")) else { return (.other, account, nil, nil) }
        return (.session, account, text(role..<slash), text(slash + 1..<resource.upperBound))
    }

    /// Who this is, in words, ending with the ARN: "the IAM role `x` in account `1234…`: `arn:…`".
    public var phrase: Phrase {
        // Built as one array of segments, with room for all from the start: each `+` of
        // phrases would copy them all, and so would growing the array.
        var segments: [Phrase.Segment] = []
        segments.reserveCapacity(8)
        switch kind {
        case .role:
            segments.append(.text("the IAM role "))
            segments.append(.code(name ?? arn))
        case .user:
            segments.append(.text("the IAM user "))
            segments.append(.code(name ?? arn))
        case .account:
            segments.append(.text("any identity of account "))
            segments.append(.code(account ?? arn))
            segments.append(.text(" that its own administrators allow"))
        case .session:
            segments.append(.text("only the session "))
            segments.append(.code(sessionName ?? ""))
            segments.append(.text(" of the role "))
            segments.append(.code(name ?? ""))
        case .placeholder: return Phrase([.text("the principal you fill in as "), .code(arn)])
        case .other: return .code(arn)
        }
        if kind != .account {
            // " in account `…`", or an empty run of words when the ARN names no account.
            if let account {
                segments.append(.text(" in account "))
                segments.append(.code(account))
            } else {
                segments.append(.text(""))
            }
        }
        segments.append(.text(": "))
        segments.append(.code(arn))
        return Phrase(segments)
    }
}
