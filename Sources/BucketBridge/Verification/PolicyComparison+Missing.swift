extension PolicyComparison {
    /// Every request class the spec grants must be allowed, whole, by one statement. When
    /// none does, the statement that comes closest (right principal first, then action,
    /// resource, conditions) shows what is missing.
    mutating func findMissing() {
        let candidates = relatedAllows
        var missingResources: [(origin: PolicyOrigin?, resource: String, actions: [String])] = []
        for (statement, request) in access.grants(kind) where !observed.policy.fullyCovers(request) {
            let ranked = candidates.map { ($0, $0.coverage(of: request)) }
            guard let (closest, coverage) = ranked.max(by: { $0.1.closeness < $1.1.closeness }) else {
                report(.missing, at: nil, value: describe(request),
                    VerificationMessage.nothingGrants(describe(request), in: kind))
                continue
            }
            if coverage.principal != .all, case .principal(let name) = request.caller {
                let vendorStatement = candidates.max { namedPrincipals($0) < namedPrincipals($1) } ?? closest
                report(.missing, at: vendorStatement.principals?.origin ?? vendorStatement.origin, value: name,
                    VerificationMessage.missingPrincipal(kind))
            } else if coverage.action != .all {
                report(.missing, at: closest.actions.origin, value: request.action,
                    VerificationMessage.missingAction(kind, principal: principalName(request)))
            } else if coverage.resource != .all, let resource = request.resource {
                let origin = closest.resources?.origin ?? closest.origin
                if let index = missingResources.firstIndex(where: { $0.origin == origin && $0.resource == resource }) {
                    missingResources[index].actions.append(request.action)
                } else {
                    missingResources.append((origin, resource, [request.action]))
                }
            } else {
                reportConditions(of: coverage, expected: statement, request: request, in: closest)
            }
        }
        for entry in missingResources {
            report(.missing, at: entry.origin, value: entry.resource, VerificationMessage.missingResource(entry.actions))
        }
    }

    /// The conditions of the closest statement that the vendor's requests do not (or may not) meet.
    private mutating func reportConditions(
        of coverage: StatementCoverage, expected: NormalisedStatement, request: RequestClass, in closest: NormalisedStatement
    ) {
        for (condition, result) in coverage.conditions where result != .all {
            let found = condition.values.map(\.text)
            let wanted = expected.conditions.first { $0.normalisedKey == condition.normalisedKey }?.values.map(\.text)
            let value = found.count == 1 ? found[0] : listPhrase(found.map(quotedForDiagnostic), conjunction: "or")
            switch (condition.normalisedKey, wanted) {
            case ("sts:externalid", let wanted?):
                report(.missing, at: condition.origin, value: value, VerificationMessage.externalIDDiffers(wanted))
            case ("s3:prefix", let wanted?):
                report(.missing, at: condition.origin, value: value, VerificationMessage.prefixDiffers(wanted, action: request.action))
            case ("s3:prefix", nil):
                report(.missing, at: condition.origin, value: value, VerificationMessage.prefixNotInSpec(action: request.action))
            default:
                if case .unknown = result {
                    report(.missing, at: condition.origin, value: value,
                        VerificationMessage.conditionUnknown(condition.operator, condition.key), uncertain: true)
                } else {
                    report(.missing, at: condition.origin, value: value,
                        VerificationMessage.conditionNotMet(condition.operator, condition.key, action: request.action))
                }
            }
        }
    }

    /// How many of the spec's principals a statement grants: the statement meant for the
    /// vendor is the one a missing principal belongs in.
    private func namedPrincipals(_ statement: NormalisedStatement) -> Int {
        let names = statement.principals?.values.map(\.text) ?? []
        return expectedPrincipals.filter { expected in names.contains { PolicyPrincipals.covers($0, expected) } }.count
    }

    /// The principal of a request, when it names one.
    func principalName(_ request: RequestClass) -> String? {
        if case .principal(let name) = request.caller { return name }
        return nil
    }

    /// `s3:GetObject on arn:aws:s3:::bucket/prefix/*`, for a statement that grants nothing.
    func describe(_ request: RequestClass) -> String {
        [principalName(request), request.action, request.resource].compactMap { $0 }.joined(separator: " ")
    }
}
