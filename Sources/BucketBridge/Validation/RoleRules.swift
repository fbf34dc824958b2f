/// IAM's rules for the customer role's settings (botocore IAM model, IAM quotas page).
enum RoleRules {
    static let sessionDurationRange = 3600...43200
    static let maximumDescriptionLength = 1000
    static let maximumPolicyNameLength = 128

    /// Problems with a role description: at most 1000 characters of IAM's description set.
    static func descriptionProblems(_ text: String) -> [String] {
        var problems: [String] = []
        let length = text.scalarCount
        if length > maximumDescriptionLength {
            problems.append("it must be at most \(maximumDescriptionLength) characters long, not \(length)")
        }
        if let phrase = CharacterRules.notAllowedPhrase(in: text, allowed: CharacterRules.isDescription) {
            problems.append(phrase + " (IAM allows tab, newline and printable Latin-1 characters only)")
        }
        return problems
    }

    /// Problems with a permissions boundary: a managed policy ARN of 20–2048 characters.
    static func boundaryProblems(_ text: String, partition: Partition) -> [String] {
        var problems: [String] = []
        let length = text.scalarCount
        if length < 20 || length > 2048 {
            problems.append("it must be 20 to 2048 characters long, not \(length)")
        }
        guard let arn = ARN(text), arn.service == "iam", arn.resource.hasPrefix("policy/") else {
            return problems + ["it must be a managed policy ARN such as arn:aws:iam::123456789012:policy/boundary"]
        }
        if let problem = partitionProblem(arn, expected: partition) { problems.append(problem) }
        if !arn.region.isEmpty { problems.append("IAM ARNs have no region") }
        if !(CharacterRules.isAccountID(arn.account) || arn.account == "aws") {
            problems.append("the account must be 12 digits or \"aws\"")
        }
        let (path, name) = IAMNameRules.splitPathAndName(arn.resource.dropFirst("policy/".count))
        problems += IAMNameRules.nameProblems(name, maximum: 128).map { "policy name: \($0)" }
        if path != "/" { problems += IAMNameRules.pathProblems(path).map { "policy path: \($0)" } }
        return problems
    }
}

/// IAM's tag rules: at most 50 tags; keys 1–128 and values 0–256 characters of
/// `[\p{L}\p{Z}\p{N}_.:/=+\-@]`; keys starting with `aws:` are reserved.
enum TagRules {
    static let maximumCount = 50
    static let maximumKeyLength = 128
    static let maximumValueLength = 256

    /// Problems with a tag key.
    static func keyProblems(_ key: String) -> [String] {
        var problems: [String] = []
        let length = key.scalarCount
        if length < 1 || length > maximumKeyLength {
            problems.append("it must be 1 to \(maximumKeyLength) characters long, not \(length)")
        }
        if key.lowercased().hasPrefix("aws:") { problems.append("keys starting with \"aws:\" are reserved by AWS") }
        if let phrase = CharacterRules.notAllowedPhrase(in: key, allowed: CharacterRules.isTag) {
            problems.append(phrase + " (letters, digits, spaces and _ . : / = + - @ only)")
        }
        return problems
    }

    /// Problems with a tag value.
    static func valueProblems(_ value: String) -> [String] {
        var problems: [String] = []
        let length = value.scalarCount
        if length > maximumValueLength {
            problems.append("it must be at most \(maximumValueLength) characters long, not \(length)")
        }
        if let phrase = CharacterRules.notAllowedPhrase(in: value, allowed: CharacterRules.isTag) {
            problems.append(phrase + " (letters, digits, spaces and _ . : / = + - @ only)")
        }
        return problems
    }
}
