/// How much of a class of requests one statement applies to, part by part, so that a report
/// can say which part (principal, action, resource or a condition) makes the difference.
struct StatementCoverage: Sendable {
    var principal: Coverage
    var action: Coverage
    var resource: Coverage
    /// Each condition with its own coverage, in the statement's order.
    var conditions: [(condition: NormalisedCondition, coverage: Coverage)]

    /// All conditions together.
    var condition: Coverage { conditions.reduce(Coverage.all) { $0 && $1.coverage } }

    /// The whole statement: every part must apply.
    var overall: Coverage { principal && action && resource && condition }

    /// How close the statement comes to applying to all of the class, principal first:
    /// used to pick the statement a report about a missing grant points at.
    var closeness: Int {
        (principal == .all ? 8 : 0) + (action == .all ? 4 : 0) + (resource == .all ? 2 : 0) + (condition == .all ? 1 : 0)
    }
}

extension NormalisedStatement {
    /// How much of `request` this statement applies to, as IAM evaluates it.
    func coverage(of request: RequestClass) -> StatementCoverage {
        StatementCoverage(
            principal: principalCoverage(of: request.caller),
            action: elementCoverage(actions, request.action, ignoringCase: true),
            resource: request.resource.map { resource in resources.map { elementCoverage($0, resource, ignoringCase: false) } ?? .all } ?? .all,
            conditions: conditions.map { ($0, $0.coverage(in: request.context)) })
    }

    private func principalCoverage(of caller: RequestClass.Caller) -> Coverage {
        guard let principals else { return .all }
        let names = principals.values.map(\.text)
        let coverage: Coverage
        switch caller {
        case .identity:
            return .all
        case .unknown:
            return names.contains(PolicyPrincipals.everyone) ? (principals.negated ? .none : .all) : .unknown(["Principal"])
        case .anyone:
            coverage = names.contains(PolicyPrincipals.everyone) ? .all : (names.isEmpty ? .none : .some)
        case .principal(let name):
            if names.contains(where: { PolicyPrincipals.covers($0, name) }) {
                coverage = .all
            } else {
                coverage = names.contains { PolicyPrincipals.covers(name, $0) } ? .some : .none
            }
        }
        return principals.negated ? coverage.negated : coverage
    }

    private func elementCoverage(_ element: PolicyElement, _ pattern: String, ignoringCase: Bool) -> Coverage {
        let coverage = WildcardPatterns.coverage(of: pattern, by: element.values.map(\.text), ignoringCase: ignoringCase)
        return element.negated ? coverage.negated : coverage
    }
}

extension NormalisedPolicy {
    /// The statements with their coverage of `request`, for one effect.
    func coverages(of request: RequestClass, effect: PolicyStatement.Effect) -> [(statement: NormalisedStatement, coverage: StatementCoverage)] {
        statements.filter { $0.effect == effect }.map { ($0, $0.coverage(of: request)) }
    }

    /// True when one statement of `effect` applies to every request of the class.
    func fullyCovers(_ request: RequestClass, effect: PolicyStatement.Effect = .allow) -> Bool {
        coverages(of: request, effect: effect).contains { $0.coverage.overall == .all }
    }
}
