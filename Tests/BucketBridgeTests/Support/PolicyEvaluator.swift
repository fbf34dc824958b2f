@testable import BucketBridge

/// A small IAM policy evaluator for the subset bucketbridge writes, to test what policies
/// *mean*: explicit deny wins, then any allow, else an implicit deny.
///
/// It reads the JSON value form (`JSONValue`), so the same evaluator can judge policies
/// parsed back from any output format.
enum Decision: Equatable {
    case allow
    case explicitDeny
    case implicitDeny
}

/// One request: who, what, on which resource, with which condition keys.
struct Request {
    var principal: String? = nil
    var action: String
    var resource: String? = nil
    var context: [String: String] = [:]
}

func evaluate(_ policy: JSONValue, _ request: Request) -> Decision {
    guard case .array(let statements)? = policy["Statement"] else { return .implicitDeny }
    var allowed = false
    for statement in statements where matches(statement, request) {
        if statement["Effect"] == "Deny" { return .explicitDeny }
        if statement["Effect"] == "Allow" { allowed = true }
    }
    return allowed ? .allow : .implicitDeny
}

private func strings(_ value: JSONValue?) -> [String] {
    switch value {
    case .string(let text)?: [text]
    case .array(let values)?: values.compactMap { if case .string(let text) = $0 { text } else { nil } }
    default: []
    }
}

private func matches(_ statement: JSONValue, _ request: Request) -> Bool {
    if let principal = statement["Principal"] {
        guard let who = request.principal else { return false }
        let allowedPrincipals = principal == "*" ? ["*"] : strings(principal["AWS"])
        guard allowedPrincipals.contains(where: { $0 == "*" || $0 == who }) else { return false }
    }
    guard strings(statement["Action"]).contains(where: { globMatch($0.lowercased(), request.action.lowercased()) })
    else { return false }
    if let resources = statement["Resource"] {
        guard let resource = request.resource, strings(resources).contains(where: { globMatch($0, resource) })
        else { return false }
    }
    if case .object(let operators)? = statement["Condition"] {
        for condition in operators {
            guard case .object(let keys) = condition.value else { return false }
            for key in keys {
                guard let actual = request.context[key.key] else { return false }
                let expected = strings(key.value)
                let satisfied: Bool
                switch condition.key {
                case "StringEquals": satisfied = expected.contains(actual)
                case "StringLike": satisfied = expected.contains { globMatch($0, actual) }
                case "Bool": satisfied = expected.contains(actual.lowercased())
                default: satisfied = false
                }
                if !satisfied { return false }
            }
        }
    }
    return true
}

/// IAM's wildcard match: `*` any run of characters (also empty), `?` exactly one.
func globMatch(_ pattern: String, _ text: String) -> Bool {
    let p = Array(pattern.unicodeScalars)
    let t = Array(text.unicodeScalars)
    var pi = 0, ti = 0, star = -1, mark = 0
    while ti < t.count {
        if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
            pi += 1
            ti += 1
        } else if pi < p.count && p[pi] == "*" {
            star = pi
            mark = ti
            pi += 1
        } else if star >= 0 {
            pi = star + 1
            mark += 1
            ti = mark
        } else {
            return false
        }
    }
    while pi < p.count && p[pi] == "*" { pi += 1 }
    return pi == p.count
}

/// Parses JSON text (as written to disk) back into a `JSONValue`, keeping key order.
func parseJSONValue(_ text: String) -> JSONValue? {
    var diagnostics = Diagnostics()
    guard let node = parseJSON(SourceFile(name: "output.json", text: text), diagnostics: &diagnostics),
        !diagnostics.hasErrors
    else { return nil }
    return jsonValue(of: node)
}

func jsonValue(of node: JSONNode) -> JSONValue {
    node.jsonValue
}

/// Compares two JSON values as JSON does: object key order does not matter, array order does.
func jsonEqual(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.object(let left), .object(let right)):
        guard left.count == right.count else { return false }
        return left.allSatisfy { member in
            right.first { $0.key == member.key }.map { jsonEqual(member.value, $0.value) } ?? false
        }
    case (.array(let left), .array(let right)):
        return left.count == right.count && zip(left, right).allSatisfy(jsonEqual)
    default:
        return lhs == rhs
    }
}
