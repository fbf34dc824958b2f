/// Rules for `trustedPrincipals`: full ARNs of IAM roles, users, account roots and STS
/// assumed-role sessions, or 12-digit account ids. Never a wildcard.
enum PrincipalRules {
    static let example = "arn:aws:iam::123456789012:role/vendor-role"

    /// The principal as a full ARN, or the reasons it is not a valid trusted principal.
    static func normalise(_ text: String, partition: Partition) -> Result<String, PrincipalProblem> {
        if text == "*" { return .failure(PrincipalProblem(Message.wildcardPrincipal)) }
        if text.containsASCII("*") || text.containsASCII("?") {
            return .failure(PrincipalProblem(Message.wildcardInPrincipal))
        }
        if CharacterRules.isAccountID(text) {
            return .success("arn:\(partition.rawValue):iam::\(text):root")
        }
        guard let arn = ARN(text) else {
            return .failure(PrincipalProblem(Message.notPrincipalARN, hint: "write the full ARN, such as \(example)"))
        }
        var problems: [String] = []
        if let problem = partitionProblem(arn, expected: partition) { problems.append(problem) }
        if !arn.region.isEmpty { problems.append("IAM and STS ARNs have no region") }
        if !CharacterRules.isAccountID(arn.account) { problems.append("the account must be 12 digits") }
        switch arn.service {
        case "iam":
            problems += iamResourceProblems(arn.resource)
        case "sts":
            problems += sessionProblems(arn.resource)
        default:
            problems.append("only iam and sts principals can be trusted, not \(quotedForDiagnostic(arn.service))")
        }
        guard problems.isEmpty else {
            return .failure(PrincipalProblem(Message.notValid(.principal, "principal", problems)))
        }
        return .success(text)
    }

    /// `root`, `role/[path/]name` or `user/[path/]name`.
    private static func iamResourceProblems(_ resource: String) -> [String] {
        if resource == "root" { return [] }
        // The prefix matched and skipped by its bytes (both are five): counting and trimming
        // characters cost more than the checks themselves.
        let kind = resource.hasASCIIPrefix("role/") ? "role" : resource.hasASCIIPrefix("user/") ? "user" : nil
        if let kind {
            let rest = resource[resource.utf8.index(resource.startIndex, offsetBy: 5)...]
            let (path, name) = IAMNameRules.splitPathAndName(rest)
            return IAMNameRules.nameProblems(name).map { "\(kind) name: \($0)" }
                + (path == "/" ? [] : IAMNameRules.pathProblems(path).map { "\(kind) path: \($0)" })
        }
        return ["an IAM principal must be root, role/NAME or user/NAME, not \(quotedForDiagnostic(resource))"]
    }

    /// `assumed-role/ROLE/SESSION`, with STS's session name rules (2–64 of `[\w+=,.@-]`).
    private static func sessionProblems(_ resource: String) -> [String] {
        let parts = resource.splitASCII(UInt8(ascii: "/"))
        guard parts.count == 3, parts[0] == "assumed-role" else {
            return ["an STS principal must be assumed-role/ROLE/SESSION"]
        }
        var problems = IAMNameRules.nameProblems(String(parts[1])).map { "role name: \($0)" }
        let session = String(parts[2])
        let length = session.scalarCount
        if length < 2 || length > 64 {
            problems.append("session name: it must be 2 to 64 characters long, not \(length)")
        }
        if let phrase = CharacterRules.notAllowedPhrase(in: session, allowed: CharacterRules.isIAMName) {
            problems.append("session name: \(phrase) (only letters, digits and + = , . @ _ -)")
        }
        return problems
    }
}

/// Why a principal was refused, with an optional hint.
struct PrincipalProblem: Error {
    var message: Message
    var hint: String?

    init(_ message: Message, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}
