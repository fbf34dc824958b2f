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

    /// Who this is, in words, ending with the ARN: "the IAM role `x` in account `1234…`: `arn:…`".
    public var phrase: Phrase {
        // Built as one array of segments: each `+` of phrases would copy them all.
        var segments: [Phrase.Segment]
        switch kind {
        case .role: segments = [.text("the IAM role "), .code(name ?? arn)]
        case .user: segments = [.text("the IAM user "), .code(name ?? arn)]
        case .account: segments = [.text("any identity of account "), .code(account ?? arn), .text(" that its own administrators allow")]
        case .session: segments = [.text("only the session "), .code(sessionName ?? ""), .text(" of the role "), .code(name ?? "")]
        case .placeholder: return Phrase([.text("the principal you fill in as "), .code(arn)])
        case .other: return .code(arn)
        }
        segments.reserveCapacity(segments.count + 4)
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
