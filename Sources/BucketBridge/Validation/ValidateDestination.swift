/// Checks one merged destination against every rule and builds the validated `Destination`.
///
/// Every problem is reported, not just the first; the result is nil when any error was found.
func validateDestination(
    _ source: DestinationSource, specFile: String, placeholders: PlaceholderScope = .none, diagnostics: inout Diagnostics
) -> Destination? {
    var reader = FieldReader(owner: source.node, fields: source.fields, placeholders: placeholders)
    defer { diagnostics.append(contentsOf: reader.diagnostics) }

    let name = reader.string("name")
    if let (text, node) = name, !DestinationNameRules.isValid(text) {
        reader.report(node, Message.invalidDestinationName)
    } else if name == nil, reader.fields["name"] == nil {
        reader.reportMissing("name")
    }

    let region = reader.string("region")
    if let (text, node) = region {
        let (problems, hint) = BucketLocationRules.regionProblems(text)
        reader.report(node, invalid: "AWS region", rule: .region, problems, hint: hint)
    } else if reader.fields["region"] == nil {
        reader.warnMissing("region", Message.missingRegion(default: AWSRegions.defaultRegion(of: .aws)), hint: Message.setRegionHint)
    }
    let partition = Partition(region: region?.value)

    let bucket = reader.templatedString("bucket", whole: .bucket, part: .bucketPart)
    if let bucket {
        let problems = BucketNameRules.problems(bucket.sample)
        reader.report(bucket, invalid: "S3 bucket name", rule: .bucketName, problems)
        if bucket.value.containsASCII("."), problems.isEmpty {
            reader.warn(bucket.node, Message.bucketNameWithDots)
        }
    } else if reader.fields["bucket"] == nil {
        reader.reportMissing("bucket")
    }

    var prefix = ""
    if let text = reader.templatedString("prefix", whole: .prefix, part: .prefix) {
        reader.report(text, invalid: "key prefix", rule: .prefix, BucketLocationRules.prefixProblems(text.sample))
        prefix = BucketLocationRules.normalisePrefix(text.value)
    }

    let description = reader.string("description")
    if let (text, node) = description {
        reader.report(node, invalid: "role description", rule: .description, RoleRules.descriptionProblems(text))
    }
    let vendor = reader.string("vendor")
    if let (text, node) = vendor {
        reader.report(node, invalid: "vendor name", rule: .vendor, VendorRules.problems(text))
    }

    let actions = resolveActions(&reader, prefix: prefix)
    let grant = reader.choice("grant", as: Grant.self) ?? .role
    let requireTls = reader.bool("requireTls") ?? false

    var kmsKeyArn: String?
    if let (text, node) = reader.string("kmsKeyArn"),
        let key = reader.templated(text, node: node, sample: {
            sampledARN($0, whole: nil, resource: .kmsKeyId, account: .kmsAccount, what: "the KMS key ARN")
        })
    {
        let (problems, hint) = BucketLocationRules.kmsKeyProblems(key.sample, partition: partition, region: region?.value)
        reader.report(key, invalid: "KMS key ARN", rule: .kmsKeyArn, problems, hint: hint)
        kmsKeyArn = key.value
    }

    let extraKMSActions = resolveKMSActions(&reader, needed: { actions.map { kmsActions(for: $0.actions) } })

    var sidPrefix: String?
    if let (text, node) = reader.string("sidPrefix") {
        reader.report(node, invalid: "Sid prefix", rule: .sidPrefix, SidPrefixRules.problems(text))
        sidPrefix = text
    }

    // A user grant trusts no vendor principal: set on the destination itself (not inherited
    // from `defaults`), trustedPrincipals and externalId are mistakes.
    if !grant.trustsVendorPrincipals {
        for key in ["trustedPrincipals", "externalId"] {
            if let node = reader.fields[key], node.path.components.first == .key("destinations") {
                reader.report(node, Message.notForUserGrants)
            }
        }
    }
    let principals = grant.trustsVendorPrincipals ? resolvePrincipals(&reader, partition: partition) : []

    var externalId: String?
    if !grant.trustsVendorPrincipals {
        // Not read: reported above when written on the destination.
    } else if let text = reader.templatedString("externalId", whole: .externalId, part: .externalIdPart) {
        reader.report(text, invalid: "external ID", rule: .externalId, ExternalIDRules.problems(text.sample))
        externalId = text.value
        if !grant.hasRole, text.node.path.components.first == .key("destinations") {
            reader.warn(text.node, Message.externalIdUnused)
        }
    } else if grant.hasRole, reader.fields["externalId"] == nil {
        reader.reportMissing("externalId", because: Message.forRoleGrants)
    }

    let role = validateRole(&reader, grant: grant, partition: partition, destinationName: name?.value,
        description: description?.value, vendor: vendor?.value, bucket: bucket?.value, prefix: prefix)

    let user = validateUser(&reader, grant: grant, partition: partition, destinationName: name?.value)
    let onboarding = validateOnboarding(&reader)

    guard !reader.diagnostics.hasErrors, let name, let bucket, let actions, let principals, let extraKMSActions else { return nil }
    return Destination(
        name: name.value, description: description?.value, vendor: vendor?.value, bucket: bucket.value,
        placeholders: placeholderUses(reader.placeholderUses, scope: placeholders, partition: partition),
        prefix: prefix, region: region?.value, partition: partition,
        access: actions.access, actions: actions.actions, kmsKeyArn: kmsKeyArn, extraKMSActions: extraKMSActions,
        trustedPrincipals: principals, externalId: grant.hasRole ? externalId : nil, grant: grant,
        requireTls: requireTls, role: grant.hasRole ? role : nil, user: user, onboarding: onboarding, sidPrefix: sidPrefix,
        specFile: specFile,
        location: source.node.location, path: source.node.path)
}

/// Destination names: `^[a-z0-9][a-z0-9-]{0,62}$`.
enum DestinationNameRules {
    static func isValid(_ name: String) -> Bool {
        // Byte by byte: every allowed character is ASCII, so any other byte fails, and the
        // length in bytes is the length in characters. (Checked twice per destination.)
        ByteScan.withUTF8(of: name) { bytes in
            guard (1...63).contains(bytes.count) else { return false }
            let lowerOrDigit = { (byte: UInt8) in (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
            return lowerOrDigit(bytes[0]) && bytes.dropFirst().allSatisfy { lowerOrDigit($0) || $0 == UInt8(ascii: "-") }
        }
    }
}

/// Vendor display names end up in role descriptions, so IAM's description characters apply.
enum VendorRules {
    static let maximumLength = 200

    static func problems(_ text: String) -> [String] {
        var problems = RoleRules.descriptionProblems(text).filter { !$0.hasPrefix("it must be at most") }
        let length = text.scalarCount
        if length < 1 || length > maximumLength {
            problems.insert("it must be 1 to \(maximumLength) characters long, not \(length)", at: 0)
        }
        if text.containsASCII("\n") || text.containsASCII("\r") || text.containsASCII("\t") {
            problems.append("line breaks and tabs are not allowed in a name")
        }
        return problems
    }
}
