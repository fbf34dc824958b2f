extension PolicyComparison {
    /// Everything a related Allow statement grants must be granted by the spec: each of its
    /// principals, actions and resources, under conditions at least as strict.
    mutating func findBroader() {
        for statement in relatedAllows {
            for principal in principalsToCheck(statement) {
                guard let actions = actionsToCheck(statement, principal: principal), !actions.isEmpty else { continue }
                checkResourcesAndConditions(statement, principal: principal, actions: actions)
            }
        }
    }

    /// The statement's principals that the spec grants (the others are reported here):
    /// `nil` stands for the role itself in a permissions policy.
    private mutating func principalsToCheck(_ statement: NormalisedStatement) -> [PolicyText?] {
        guard let element = statement.principals else { return [nil] }
        let expectedNames = expectedPrincipals
        if element.negated {
            report(.broader, at: element.origin, value: nil, VerificationMessage.negatedPrincipal(expectedNames, in: kind))
            return []
        }
        var granted: [PolicyText?] = []
        for principal in element.values {
            let name = principal.text
            if let deleted = PolicyPrincipals.uniqueIDKind(name) {
                report(.deletedPrincipal, at: principal.origin, value: principal.written, VerificationMessage.deletedPrincipal(deleted))
            } else if expectedNames.contains(where: { PolicyPrincipals.covers($0, name) }) {
                granted.append(principal)
            } else {
                report(.broader, at: principal.origin, value: principal.written, VerificationMessage.otherPrincipal(name, expected: expectedNames, in: kind))
            }
        }
        return granted
    }

    /// The statement's actions that the spec grants to `principal`, one by one (the others
    /// are reported here); `nil` when the statement cannot be taken apart (`NotAction`).
    private mutating func actionsToCheck(_ statement: NormalisedStatement, principal: PolicyText?) -> [PolicyText]? {
        let granted = expectedActions(for: principal?.text)
        let grantedLowercased = granted.map { $0.lowercased() }
        if statement.actions.negated {
            report(.broader, at: statement.actions.origin, value: nil, VerificationMessage.negatedAction(granted))
            return nil
        }
        var actions: [PolicyText] = []
        for action in statement.actions.values {
            let pattern = action.text
            guard WildcardPatterns.hasWildcard(pattern) else {
                if grantedLowercased.contains(pattern.lowercased()) {
                    actions.append(action)
                } else {
                    report(.broader, at: action.origin, value: pattern, VerificationMessage.extraAction(granted))
                }
                continue
            }
            let matched = granted.filter { WildcardPatterns.matches(pattern, $0, ignoringCase: true) }
            let s3Matches = S3ActionCatalogue.all.map(\.qualifiedName).filter { WildcardPatterns.matches(pattern, $0, ignoringCase: true) }
            let isS3Pattern = pattern.lowercased().hasPrefix("s3:")
            let extra = effectiveActions(s3Matches.filter { !grantedLowercased.contains($0.lowercased()) }, on: statement.resources)
            if !isS3Pattern || !extra.isEmpty {
                report(.broader, at: action.origin, value: pattern,
                    VerificationMessage.wildcardAction(extra: isS3Pattern ? extra : nil, granted: granted))
            }
            actions += matched.map { PolicyText($0, origin: action.origin) }
        }
        return actions
    }

    /// The actions that the resources let take effect (an object action on a bucket ARN
    /// grants nothing), the most consequential first: writes, permissions management,
    /// reads, lists, tagging; shorter (commoner) names first within each.
    private func effectiveActions(_ names: [String], on resources: PolicyElement?) -> [String] {
        let effective = names.filter { name in
            guard let resources, !resources.negated else { return true }
            return resources.values.contains { S3ResourceShape.canMatch($0.text, action: name) }
        }
        let order: [S3AccessLevel] = [.write, .permissionsManagement, .read, .list, .tagging]
        func rank(_ name: String) -> (Int, Int, String) {
            let level = S3ActionCatalogue.action(named: name).flatMap { order.firstIndex(of: $0.accessLevel) } ?? order.count
            return (level, name.count, name)
        }
        return effective.sorted { rank($0) < rank($1) }
    }

    /// For one granted principal and its granted actions: each resource must be inside the
    /// spec's, and the spec's conditions must hold for every request the statement lets through.
    /// One finding per resource lists the actions it grants too widely.
    private mutating func checkResourcesAndConditions(_ statement: NormalisedStatement, principal: PolicyText?, actions: [PolicyText]) {
        let caller: RequestClass.Caller = principal.map { .principal($0.text) } ?? .identity
        if let element = statement.resources, element.negated {
            report(.broader, at: element.origin, value: nil, VerificationMessage.negatedResource(listPhrase(actions.map(\.text))))
            return
        }
        for resource in statement.resources?.values.map(Optional.some) ?? [nil] {
            var wider: [String] = []
            var allowed: [String] = []
            for action in actions.map(\.text) where resource.map({ S3ResourceShape.canMatch($0.text, action: action) }) ?? true {
                var request = RequestClass(
                    caller: caller, action: action, resource: resource?.text,
                    context: access.baseContext(action: action, caller: caller))
                request.context.narrow(by: statement.conditions)
                let coverages = tolerated.coverages(of: request, effect: .allow).map(\.coverage)
                if coverages.contains(where: { $0.overall == .all }) { continue }
                let inScope = coverages.filter { $0.principal == .all && $0.action == .all }
                if resource != nil, !inScope.contains(where: { $0.resource == .all }) {
                    wider.append(action)
                    for statement in tolerated.allows where statement.coverage(of: request).action == .all {
                        for value in statement.resources?.values ?? [] where !allowed.contains(value.text) { allowed.append(value.text) }
                    }
                    continue
                }
                reportMissingConditions(in: statement, request: request, against: inScope.filter { $0.resource == .all })
            }
            if let resource, !wider.isEmpty {
                report(.broader, at: resource.origin, value: resource.text, VerificationMessage.widerResource(wider, allowed: allowed))
            }
        }
    }

    /// The spec's conditions that the observed statement does not impose, or imposes wider.
    /// A condition with another value is the missing side's finding, not repeated here.
    private mutating func reportMissingConditions(in statement: NormalisedStatement, request: RequestClass, against coverages: [StatementCoverage]) {
        guard let closest = coverages.max(by: { $0.closeness < $1.closeness }) else { return }
        for (condition, result) in closest.conditions where result != .all && result != .none {
            let written = statement.conditions.filter { $0.normalisedKey == condition.normalisedKey }
            let wanted = condition.values.map(\.text)
            let origin = written.first?.origin ?? statement.origin
            let value = written.first.map { $0.values.map(\.text).joined(separator: ", ") }
            switch (condition.normalisedKey, written.isEmpty) {
            case ("sts:externalid", true):
                report(.broader, at: origin, value: nil, VerificationMessage.noExternalID(wanted))
            case ("s3:prefix", true):
                report(.broader, at: origin, value: nil, VerificationMessage.noPrefixCondition(request.action, wanted: wanted))
            default:
                report(.broader, at: origin, value: value, VerificationMessage.widerCondition(condition.operator, condition.key, wanted: wanted))
            }
        }
    }
}
