/// Compares a document a customer really has with the one the spec gives, by meaning: which
/// principal may do which action on which resource under which condition. Statement and list
/// order, single strings versus lists of one, `Sid`s, `Version` and the case of action names
/// do not matter; wildcards, `Not` elements and conditions are evaluated as IAM does.
public func comparePolicy(_ observed: ObservedPolicy, with destination: Destination) -> [VerificationFinding] {
    var comparison = PolicyComparison(observed: observed, access: ExpectedAccess(destination))
    comparison.findMissing()
    comparison.findMissingDenies()
    comparison.findBroader()
    comparison.findBlocked()
    return comparison.findings
}

/// The state of one comparison: the two documents and the findings so far, each once.
struct PolicyComparison {
    let observed: ObservedPolicy
    let access: ExpectedAccess
    private(set) var findings: [VerificationFinding] = []
    private var seen: Set<VerificationFinding> = []

    init(observed: ObservedPolicy, access: ExpectedAccess) {
        self.observed = observed
        self.access = access
    }

    var kind: PolicyKind { observed.kind }
    var expected: NormalisedPolicy { access.document(kind) }
    /// What the document may grant without being broader (see `ExpectedAccess.tolerated`).
    var tolerated: NormalisedPolicy { access.tolerated(kind) }

    /// Records a finding at `origin` (or the document's `Statement` when unknown), once.
    mutating func report(
        _ kind: VerificationFinding.Kind, at origin: PolicyOrigin?, value: String?, _ message: String, uncertain: Bool = false
    ) {
        let finding = VerificationFinding(
            kind, file: observed.file, at: origin ?? observed.policy.origin, value: value, message, uncertain: uncertain)
        if seen.insert(finding).inserted { findings.append(finding) }
    }

    /// The observed Allow statements that concern the destination. Every statement of a
    /// trust or permissions policy does (the document is the role's); in a bucket policy,
    /// statements for other principals or other parts of the bucket do not.
    var relatedAllows: [NormalisedStatement] {
        observed.policy.allows.filter { kind != .bucketPolicy || isRelated($0) }
    }

    /// A bucket-policy statement concerns the destination when it carries one of the
    /// destination's `Sid`s, names one of its grantees (or a principal a grantee covers), or
    /// grants everyone, a grantee's whole account or a deleted principal on the
    /// destination's bucket or prefix. The customer's own account root, for a role grant,
    /// grants the role nothing by itself and does not count.
    private func isRelated(_ statement: NormalisedStatement) -> Bool {
        if let sid = statement.sid, ownedBucketSids(access.destination.name).contains(sid) { return true }
        guard let principals = statement.principals else { return false }
        let grantees = access.bucketGrantees
        let onDestination = statement.resources.map { element in
            element.negated || element.values.contains { WildcardPatterns.overlaps($0.text, access.destinationResources) }
        } ?? false
        if principals.negated { return onDestination }
        return principals.values.contains { principal in
            let name = principal.text
            if grantees.contains(where: { $0 == name || PolicyPrincipals.covers($0, name) }) { return true }
            if delegatesToRolePolicies(name) { return false }
            let wide = grantees.contains { PolicyPrincipals.covers(name, $0) } || PolicyPrincipals.uniqueIDKind(name) != nil
            return wide && onDestination
        }
    }

    /// True for the root of the role's own account in the bucket policy of a role grant: in
    /// the bucket's own account such a statement grants the role nothing by itself, it lets
    /// the role's IAM policies decide.
    private func delegatesToRolePolicies(_ principal: String) -> Bool {
        guard access.destination.grant.hasRole, let account = access.destination.role?.accountId, let arn = ARN(principal)
        else { return false }
        return arn.service == "iam" && arn.resource == "root" && arn.account == account
    }

    /// The principals the spec grants in this document, for messages.
    var expectedPrincipals: [String] {
        var names: [String] = []
        for statement in tolerated.allows {
            for value in statement.principals?.values ?? [] where !names.contains(value.text) { names.append(value.text) }
        }
        return names
    }

    /// The actions the spec grants in this document (to principals covering `principal`), for messages.
    func expectedActions(for principal: String?) -> [String] {
        var names: [String] = []
        for statement in tolerated.allows where principal == nil || statement.principals.map({ element in
            element.values.contains { PolicyPrincipals.covers($0.text, principal!) }
        }) ?? true {
            for value in statement.actions.values where !names.contains(value.text) { names.append(value.text) }
        }
        return names
    }
}
