extension SummaryContext {
    /// What the granted capabilities leave out, as sentences, each with the requests the
    /// policies must deny.
    /// `s3Actions` are the capabilities' S3 actions (`grantedS3Actions(of:)`); `who` is the
    /// vendor's name capitalised, to start the sentences.
    func limits(given capabilities: [Capability], s3Actions: [S3Action], capitalizedVendor who: String, tlsDenied: Bool) -> [AccessLimit] {
        // A handful of kinds: an array scans them for less than a set hashes them.
        let kinds = capabilities.map(\.kind)
        // Only probes use these.
        let inside = withProbes ? location.bucketArn + "/" + insideKey : ""
        let prefixContext = !withProbes || location.prefix.isEmpty ? [:] : ["s3:prefix": location.prefix]
        var limits: [AccessLimit] = []
        limits.reserveCapacity(AccessLimitKind.allCases.count)
        func add(_ kind: AccessLimitKind, _ phrase: Phrase, _ probes: @autoclosure () -> [AccessProbe]) {
            limits.append(AccessLimit(kind: kind, phrase: phrase, probes: withProbes ? probes() : []))
        }

        if !kinds.contains(.listKeys) {
            add(.listKeys, Phrase([.text(joined(who, " cannot list the keys in the bucket ")), .code(location.bucket), .text(".")]),
                probes("s3:ListBucket", location.bucketArn, prefixContext) + probes("s3:ListBucketVersions", location.bucketArn, prefixContext))
        }
        if !kinds.contains(.readObjects) {
            add(.readObjects, .text(joined(who, " cannot download objects.")), probes("s3:GetObject", inside))
        }
        if !kinds.contains(.writeObjects) {
            add(.writeObjects, .text(joined(who, " cannot upload or overwrite objects.")), probes("s3:PutObject", inside))
        }
        if !kinds.contains(.deleteObjects) {
            add(.deleteObjects, .text(joined(who, " cannot delete objects.")),
                probes("s3:DeleteObject", inside) + probes("s3:DeleteObjectVersion", inside))
        }
        let objectActions = s3Actions.filter { $0.scope == .object }
        if !location.prefix.isEmpty, !objectActions.isEmpty {
            let outside = withProbes ? location.bucketArn + "/" + outsideKey : ""
            add(.outsidePrefix, Phrase([.text(joined(who, " cannot touch any object outside ")), .code(location.prefix), .text(" in the bucket.")]),
                objectActions.flatMap { probes($0.qualifiedName, outside) })
        }
        if !location.prefix.isEmpty, kinds.contains(.listKeys) {
            add(.listOutsidePrefix, Phrase([.text(joined(who, " cannot list keys outside ")), .code(location.prefix), .text(".")]),
                probes("s3:ListBucket", location.bucketArn) + probes("s3:ListBucket", location.bucketArn, ["s3:prefix": outsideKey]))
        }
        add(.otherBuckets, .text(joined(who, " cannot use any other bucket.")),
            s3Actions.flatMap { action in
                action.scope == .object
                    ? probes(action.qualifiedName, otherBucketArn + "/" + insideKey)
                    : probes(action.qualifiedName, otherBucketArn, prefixContext)
            })
        if kinds.contains(.useKMSKey), let kms = capabilities.first(where: { $0.kind == .useKMSKey }) {
            add(.otherKMSKeys, .text(joined(who, " cannot use any other KMS key.")),
                kms.actions.flatMap { probes($0, "arn:\(partition):kms:us-east-1:000000000000:key/00000000-0000-0000-0000-000000000000") })
        }
        if !kinds.contains(.changeBucketPermissions) {
            add(.changePermissions, .text(joined(who, " cannot change the bucket's policy or access control.")),
                ["s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketAcl"].flatMap { probes($0, location.bucketArn) })
        }
        add(.otherServices, .text(joined(who, " cannot use any other AWS service through this access.")),
            ["iam:PassRole", "ec2:RunInstances", "s3:ListAllMyBuckets"].flatMap { probes($0, "*") })
        if route.assumesRole, let vendorPrincipal = principals.first?.arn {
            let assume = AccessProbe(document: .trust, principal: vendorPrincipal, action: "sts:AssumeRole", resource: nil, context: [:])
            add(.withoutExternalId,
                Phrase(
                    externalId.map { [.text("Nobody can assume the role without the external ID"), .text(" "), .code($0), .text(".")] }
                        ?? [.text("Nobody can assume the role without the external ID"), .text(""), .text(".")]),
                [assume])
            add(.otherPrincipals, .text("Nobody but the principals above can assume the role, even with the external ID."), [
                AccessProbe(
                    document: .trust, principal: "arn:\(partition):iam::000000000000:root", action: "sts:AssumeRole", resource: nil,
                    context: externalId.map { ["sts:ExternalId": $0] } ?? [:])
            ])
        }
        if tlsDenied {
            add(.withoutTLS, .text("Requests to the bucket without TLS (plain HTTP) are denied, whoever sends them."),
                [s3Actions.first ?? S3ActionCatalogue.action(named: "s3:GetObject")!].map { action in
                    AccessProbe(
                        document: .bucket, principal: anyCaller, action: action.qualifiedName,
                        resource: action.scope == .object ? inside : location.bucketArn,
                        context: ["aws:SecureTransport": "false"])
                })
        }
        return limits
    }
}
