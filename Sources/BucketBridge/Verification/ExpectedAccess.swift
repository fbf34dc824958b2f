/// What a destination's documents must grant, from the policies `buildPolicies(for:)` builds:
/// the reference every document read from a file is compared with.
struct ExpectedAccess: Sendable {
    let destination: Destination
    let policies: DestinationPolicies

    init(_ destination: Destination) {
        self.destination = destination
        self.policies = buildPolicies(for: destination)
    }

    /// The document bucketbridge builds for `kind`; empty when the destination has none (a
    /// bucket policy of a role grant without `requireTls` should then grant nothing).
    func document(_ kind: PolicyKind) -> NormalisedPolicy {
        let built: PolicyDocument? =
            switch kind {
            case .trust: policies.trust
            case .permissions: policies.permissions
            case .bucketPolicy: policies.bucket
            }
        return built.map { NormalisedPolicy($0, partition: destination.partition) } ?? NormalisedPolicy(statements: [])
    }

    /// What the document of `kind` may grant without being broader than the spec: its own
    /// statements and, in the bucket policy of a role grant, the role's permissions with the
    /// role as principal (a bucket policy that repeats them grants the role nothing more).
    func tolerated(_ kind: PolicyKind) -> NormalisedPolicy {
        var tolerated = document(kind)
        if kind == .bucketPolicy, destination.grant.hasRole, let role = policies.roleArn {
            tolerated.statements += document(.permissions).allows.map { statement in
                var granted = statement
                granted.principals = PolicyElement(values: [PolicyText(role)])
                return granted
            }
        }
        return tolerated
    }

    /// The classes of requests the document of `kind` must allow, one per principal, action
    /// and resource of each Allow statement, with the statement they come from.
    func grants(_ kind: PolicyKind) -> [(statement: NormalisedStatement, request: RequestClass)] {
        document(kind).allows.flatMap { statement in requests(of: statement).map { (statement, $0) } }
    }

    /// The requests the vendor makes that a `Deny` of the document of `kind` must not block:
    /// the document's own grants and, in a bucket policy, the role's S3 requests too.
    func requiredRequests(_ kind: PolicyKind) -> [RequestClass] {
        var required = grants(kind).map(\.request)
        if kind == .bucketPolicy, destination.grant.hasRole {
            let role: RequestClass.Caller = policies.roleArn.map { .principal($0) } ?? .unknown
            required += grants(.permissions).map { grant in
                var request = grant.request
                request.caller = role
                return request
            }
        }
        return required
    }

    /// Every class of requests a statement applies to, one per principal, action and
    /// resource, with the condition-key values its conditions allow.
    func requests(of statement: NormalisedStatement) -> [RequestClass] {
        let callers: [RequestClass.Caller] = statement.principals.map { element in
            element.negated ? [.anyone] : element.values.map { $0.text == PolicyPrincipals.everyone ? .anyone : .principal($0.text) }
        } ?? [.identity]
        let resources: [String?] = statement.resources.map { element in element.negated ? ["*"] : element.values.map(\.text) } ?? [nil]
        var requests: [RequestClass] = []
        for caller in callers {
            for action in statement.actions.values.map(\.text) {
                for resource in resources {
                    var context = baseContext(action: action, caller: caller)
                    context.narrow(by: statement.conditions)
                    requests.append(RequestClass(caller: caller, action: action, resource: resource, context: context))
                }
            }
        }
        return requests
    }

    /// The condition-key values every request of the destination's access carries: TLS (the
    /// vendors' SDKs use HTTPS), the caller's ARN and account where known, and which of
    /// `sts:ExternalId` and `s3:prefix` the action can carry at all.
    func baseContext(action: String, caller: RequestClass.Caller) -> RequestContext {
        var context = RequestContext()
        context["aws:SecureTransport"] = .present(["true"])
        let callerArn: String? =
            switch caller {
            case .principal(let name): name
            case .identity: policies.roleArn
            case .anyone, .unknown: nil
            }
        if let callerArn, let arn = ARN(callerArn) {
            context["aws:PrincipalAccount"] = .present([arn.account])
            if arn.service == "iam" {
                context["aws:PrincipalArn"] = .present([arn.resource == "root" ? "arn:\(arn.partition):iam::\(arn.account):*" : callerArn])
            }
        }
        let assumesRole = action.lowercased() == "sts:assumerole"
        let listsKeys = S3ActionCatalogue.action(named: action)?.supportsPrefixCondition ?? WildcardPatterns.hasWildcard(action)
        context["sts:ExternalId"] = assumesRole ? .anyOrAbsent : .absent
        context["s3:prefix"] = listsKeys && !assumesRole ? .anyOrAbsent : .absent
        return context
    }

    /// The principals a bucket policy grants for this destination: the vendor's principals
    /// (`bucket-policy`) or the role (`role`, `role-and-bucket-policy`, when its ARN is known).
    var bucketGrantees: [String] {
        destination.grant == .bucketPolicy ? destination.trustedPrincipals : (policies.roleArn.map { [$0] } ?? [])
    }

    /// The bucket and object patterns the destination's access is about.
    var destinationResources: [String] {
        [ResourceNames.bucket(destination), ResourceNames.objects(destination)]
    }
}
