/// The principals of policy statements, in one normal form so that forms IAM treats alike
/// compare equal: `{"AWS": "123456789012"}` and `arn:aws:iam::123456789012:root`, `"*"` and
/// `{"AWS": "*"}`. Principals of other types keep their type in front (`Service:ec2.amazonaws.com`).
enum PolicyPrincipals {
    /// Everyone: `"Principal": "*"` or `{"AWS": "*"}`.
    static let everyone = "*"

    /// An `AWS` principal in normal form: a 12-digit account id becomes its root ARN.
    static func normalise(aws text: String, partition: Partition) -> String {
        CharacterRules.isAccountID(text) ? "arn:\(partition.rawValue):iam::\(text):root" : text
    }

    /// A principal of another type (`Service`, `Federated`, `CanonicalUser`) in normal form.
    static func normalise(type: String, _ text: String) -> String {
        "\(type):\(text)"
    }

    /// True when every request `specific` makes is also a request of `general`: the same
    /// principal, everyone, the account root of its account, or a role covering its sessions.
    static func covers(_ general: String, _ specific: String) -> Bool {
        if general == everyone || general == specific { return true }
        guard let outer = ARN(general), let inner = ARN(specific),
            outer.partition == inner.partition, outer.account == inner.account
        else { return false }
        if outer.service == "iam" && outer.resource == "root" { return true }
        if outer.service == "iam", outer.resource.hasPrefix("role/"), inner.service == "sts" {
            let session = inner.resource.splitASCII(UInt8(ascii: "/"))
            let roleName = outer.resource.splitASCII(UInt8(ascii: "/")).last.map(String.init)
            return session.count == 3 && session[0] == "assumed-role" && String(session[1]) == roleName
        }
        return false
    }

    /// What kind of deleted identity a unique id stands for, when the text is one: IAM
    /// rewrites a trusted role (`AROA…`) or user (`AIDA…`) to its unique id when it is deleted.
    static func uniqueIDKind(_ text: String) -> UniqueIDKind? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 16,
            scalars.allSatisfy({ CharacterRules.isDigit($0) || ("A"..."Z").contains($0) })
        else { return nil }
        switch String(text.prefix(4)) {
        case "AROA": return .role
        case "AIDA": return .user
        default: return nil
        }
    }

    /// The account id of an ARN principal.
    static func account(_ principal: String) -> String? {
        ARN(principal)?.account
    }
}

/// The identity a unique-id principal stood for.
enum UniqueIDKind: String {
    case role
    case user
}
