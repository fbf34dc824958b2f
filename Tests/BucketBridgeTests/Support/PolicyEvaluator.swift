import Foundation
@testable import BucketBridge

/// Judges what a policy *means* with the library's IAM evaluation (the one `verify` uses):
/// explicit deny wins, then any allow, else an implicit deny. Wildcards, `Not` elements,
/// `...IfExists` and negated condition operators follow IAM.
///
/// It reads the JSON value form (`JSONValue`), so the same evaluator can judge policies
/// parsed back from any output format.
enum Decision: Equatable {
    case allow
    case explicitDeny
    case implicitDeny
}

/// One request: who, what, on which resource, with which condition keys (any key the
/// request does not list is absent from it).
struct Request {
    var principal: String? = nil
    var action: String
    var resource: String? = nil
    var context: [String: String] = [:]
}

func evaluate(_ policy: JSONValue, _ request: Request) -> Decision {
    guard let document = NormalisedPolicyCache.shared.document(policy) else { return .implicitDeny }
    var context = RequestContext()
    for statement in document.statements {
        for condition in statement.conditions { context[condition.key] = .absent }
    }
    for (key, value) in request.context { context[key] = .present([value]) }
    let requestClass = RequestClass(
        caller: request.principal.map { .principal($0) } ?? .identity, action: request.action,
        resource: request.resource, context: context)
    if document.fullyCovers(requestClass, effect: .deny) { return .explicitDeny }
    return document.fullyCovers(requestClass, effect: .allow) ? .allow : .implicitDeny
}

/// Policies already read, by value: the corpus tests ask many requests of one policy.
final class NormalisedPolicyCache: @unchecked Sendable {
    static let shared = NormalisedPolicyCache()
    private let lock = NSLock()
    private var documents: [JSONValue: NormalisedPolicy?] = [:]

    /// The policy read as `verify` reads a file; `nil` when it is not a valid policy.
    func document(_ policy: JSONValue) -> NormalisedPolicy? {
        if let cached = lock.withLock({ documents[policy] }) { return cached }
        var diagnostics = Diagnostics()
        let file = SourceFile(name: "policy.json", text: encodeJSON(policy))
        var document: NormalisedPolicy?
        if let root = parseJSON(file, diagnostics: &diagnostics) {
            document = NormalisedPolicy(reading: root, locator: PolicyLocator(file: file), partition: .aws, diagnostics: &diagnostics)
        }
        if diagnostics.hasErrors { document = nil }
        lock.withLock { documents[policy] = .some(document) }
        return document
    }
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
