/// Builds the access summary of a destination from its built policies.
///
/// Capabilities come from the `Allow` statements of the document that grants the access (the
/// permissions policy for role routes, the bucket policy otherwise), grouped by what their
/// actions do; principals and the external ID come from the trust policy or the bucket
/// policy; limits are stated for what those statements do not allow, each with the requests
/// that show it. The destination only names things (vendor, role, region).
///
/// With `withProbes` false, no claim carries its probes: a render prints only the sentences,
/// and building the requests for each would cost it a third of the summary.
public func summarizeAccess(of destination: Destination, policies: DestinationPolicies, withProbes: Bool = true) -> AccessSummary {
    let bucketGrants = allowStatements(of: policies.bucket)
    let route: AccessRoute =
        policies.trust != nil
        ? (bucketGrants.isEmpty ? .role : .roleAndBucketPolicy)
        : (policies.permissions != nil ? .user : .bucketPolicy)
    let trustStatement = policies.trust?.statements.first { $0.effect == .allow }
    let principalARNs: [String]
    switch route {
    case .role, .roleAndBucketPolicy: principalARNs = trustStatement.map(awsPrincipals) ?? []
    case .bucketPolicy: principalARNs = bucketGrants.first.map(awsPrincipals) ?? []
    case .user: principalARNs = []
    }
    let externalId = trustStatement?.conditions.first { $0.operator == "StringEquals" && $0.key == "sts:ExternalId" }?.values.first
    let bucketArn = ResourceNames.bucket(destination)
    let location = AccessLocation(
        bucket: destination.bucket, prefix: destination.prefix, region: destination.region,
        bucketArn: bucketArn, objectsArn: ResourceNames.objects(destination, bucketArn: bucketArn))
    let role = destination.role.map { role in
        RoleReference(name: role.name, arn: policies.roleArn, displayArn: policies.roleArn ?? ResourceNames.displayRole(destination))
    }

    let context = SummaryContext(
        route: route, principals: principalARNs.map(TrustedPrincipal.init(arn:)), externalId: externalId,
        roleArn: policies.roleArn, location: location, partition: destination.partition.rawValue, withProbes: withProbes)
    let granting = route.grantsByIdentityPolicy ? allowStatements(of: policies.permissions) : bucketGrants
    let vendor = destination.vendor ?? "the vendor"
    let capitalizedVendor = capitalizingFirstCharacter(vendor)
    let capabilities = context.capabilities(from: granting, vendor: vendor)
    // Without probes, only the actions under a prefix are looked at (the limits' object
    // actions, the notes' bucket-wide ones).
    let granted = withProbes || !destination.prefix.isEmpty ? grantedS3Actions(of: capabilities) : (actions: [], bucketWide: [])
    let limits = context.limits(
        given: capabilities, s3Actions: granted.actions, capitalizedVendor: capitalizedVendor,
        tlsDenied: policies.bucket?.statements.contains(where: isTLSDeny) ?? false)
    let notes = context.notes(given: capabilities, bucketWideActions: granted.bucketWide, vendor: vendor, destination: destination)
    return AccessSummary(
        destination: destination.name, specFile: destination.specFile, vendor: vendor, capitalizedVendor: capitalizedVendor,
        route: route, principals: context.principals, externalId: externalId, role: role,
        user: destination.user.map { UserReference(name: $0.name) }, location: location,
        capabilities: capabilities, limits: limits, notes: notes)
}

/// The S3 actions of `capabilities` (the KMS key's left out), in order, each looked up once for
/// the limits and the notes; and the names, as the policy writes them, of those a prefix cannot
/// limit.
func grantedS3Actions(of capabilities: [Capability]) -> (actions: [S3Action], bucketWide: [String]) {
    var actions: [S3Action] = [], bucketWide: [String] = []
    actions.reserveCapacity(capabilities.reduce(0) { $0 + $1.actions.count })
    for capability in capabilities where capability.kind != .useKMSKey {
        for name in capability.actions {
            guard let action = S3ActionCatalogue.action(named: name) else { continue }
            actions.append(action)
            if action.isBucketWide { bucketWide.append(name) }
        }
    }
    return (actions, bucketWide)
}

/// The `Allow` statements of a document: its own array when every statement allows (as in a
/// permissions policy), rather than a copy.
private func allowStatements(of document: PolicyDocument?) -> [PolicyStatement] {
    guard let statements = document?.statements else { return [] }
    return statements.allSatisfy { $0.effect == .allow } ? statements : statements.filter { $0.effect == .allow }
}

/// The `AWS` principals of a statement.
private func awsPrincipals(_ statement: PolicyStatement) -> [String] {
    if case .aws(let arns)? = statement.principal { return arns }
    return []
}

/// True for the statement that denies requests without TLS.
private func isTLSDeny(_ statement: PolicyStatement) -> Bool {
    statement.effect == .deny && statement.conditions.contains { $0.key == "aws:SecureTransport" && $0.values == ["false"] }
}

/// What the summary builder knows about a destination while it groups statements.
struct SummaryContext {
    var route: AccessRoute
    var principals: [TrustedPrincipal]
    var externalId: String?
    var roleArn: String?
    var location: AccessLocation
    var partition: String
    /// Whether claims carry their probes.
    var withProbes: Bool

    /// The document that grants the S3 access.
    var grantingDocument: AccessProbe.Document { route.grantsByIdentityPolicy ? .permissions : .bucket }

    /// The principal a probe of the granting document is made by: none for an identity policy.
    var grantee: String? { route.grantsByIdentityPolicy ? nil : principals.first?.arn }

    /// Who sends a request the bucket policy's deny statements are checked against.
    var anyCaller: String { grantee ?? roleArn ?? principals.first?.arn ?? "arn:\(partition):iam::123456789012:user/caller" }

    /// A probe of the granting document, plus the same request through the bucket policy when
    /// it grants the role too.
    func probes(_ action: String, _ resource: String, _ context: [String: String] = [:]) -> [AccessProbe] {
        var probes = [AccessProbe(document: grantingDocument, principal: grantee, action: action, resource: resource, context: context)]
        if route == .roleAndBucketPolicy, let roleArn, !action.hasPrefix("kms:") {
            probes.append(AccessProbe(document: .bucket, principal: roleArn, action: action, resource: resource, context: context))
        }
        return probes
    }

    /// A key under the prefix, for probes: `PREFIX` + `example/object.csv`.
    var insideKey: String { location.prefix + "example/object.csv" }

    /// A key that does not start with the prefix.
    var outsideKey: String {
        guard let first = location.prefix.first else { return "" }
        return (first == "x" ? "y" : "x") + "-outside/object.csv"
    }

    /// The bucket ARN of a bucket that is not the destination's.
    var otherBucketArn: String { "arn:\(partition):s3:::\(location.bucket == "other-bucket" ? "another-bucket" : "other-bucket")" }
}
