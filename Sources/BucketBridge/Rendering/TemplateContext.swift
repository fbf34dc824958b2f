/// The values every template sees, built from the validated destination and its policies.
///
/// Templates insert policies from `policies.*` (never re-typed), and text the user wrote from
/// `destination.*`; escaping is the engine's job.
func templateContext(for destination: Destination, policies: DestinationPolicies) -> JSONValue {
    let role: JSONValue = destination.role.map { role in
        [
            "name": .string(role.name),
            "namePrefix": .string(role.namePrefix),
            "path": .string(role.path),
            "accountId": optional(role.accountId),
            "arn": optional(policies.roleArn),
            "displayArn": .string(policies.roleArn ?? "arn:\(destination.partition.rawValue):iam::<account id>:role\(role.path)\(role.name)"),
            "maxSessionDuration": .int(role.maxSessionDuration),
            "permissionsBoundary": optional(role.permissionsBoundary),
            "policyName": .string(role.policyName),
            "description": .string(role.description),
            "tags": .array(role.tags.map { ["key": .string($0.key), "value": .string($0.value)] }),
            "tagsObject": .object(role.tags.map { JSONValue.Member($0.key, .string($0.value)) }),
        ]
    } ?? .null
    let destinationValue: JSONValue = [
        "name": .string(destination.name),
        "description": optional(destination.description),
        "vendor": optional(destination.vendor),
        "vendorName": .string(destination.vendor ?? "the vendor"),
        "bucket": .string(destination.bucket),
        "bucketArn": .string(ResourceNames.bucket(destination)),
        "objectsArn": .string(ResourceNames.objects(destination)),
        "prefix": .string(destination.prefix),
        "s3Uri": .string("s3://\(destination.bucket)/\(destination.prefix)"),
        "region": optional(destination.region),
        "partition": .string(destination.partition.rawValue),
        "terraformRegion": .string(destination.region ?? defaultRegion(destination.partition)),
        "access": optional(destination.access?.rawValue),
        "actions": .array(destination.actions.map { .string($0.qualifiedName) }),
        "grantsAcl": .bool(destination.actions.contains { $0.name == "PutObjectAcl" }),
        "writes": .bool(destination.actions.contains { $0.name == "PutObject" }),
        "kmsKeyArn": optional(destination.kmsKeyArn),
        "trustedPrincipals": .array(destination.trustedPrincipals.map(JSONValue.string)),
        "externalId": optional(destination.externalId),
        "grant": .string(destination.grant.rawValue),
        "hasRole": .bool(destination.grant.hasRole),
        "hasBucketPolicy": .bool(policies.bucket != nil),
        "grantsByBucketPolicy": .bool(destination.grant.hasBucketPolicyGrant),
        "requireTls": .bool(destination.requireTls),
        "cloudFormationDescription": .string(cloudFormationDescription(destination)),
    ]
    return [
        "destination": destinationValue,
        "role": role,
        "policies": [
            "trust": policies.trust?.jsonValue ?? .null,
            "permissions": policies.permissions?.jsonValue ?? .null,
            "bucket": policies.bucket?.jsonValue ?? .null,
            "ownedBucketSids": .array(ownedBucketSids(destination.name).map(JSONValue.string)),
        ],
        "generator": ["name": "bucketbridge", "version": .string(BucketBridgeVersion.current)],
    ]
}

private func optional(_ text: String?) -> JSONValue {
    text.map(JSONValue.string) ?? .null
}

/// A stack description (at most 1,024 bytes) naming the vendor and what it may reach.
private func cloudFormationDescription(_ destination: Destination) -> String {
    let text = "bucketbridge: \(destination.vendor ?? "vendor") access to s3://\(destination.bucket)/\(destination.prefix)"
    guard text.utf8.count > 1024 else { return text }
    return "bucketbridge: \(destination.vendor ?? "vendor") access to s3://\(destination.bucket)"
}

/// The provider region when the spec names none: the partition's first commercial region.
private func defaultRegion(_ partition: Partition) -> String {
    switch partition {
    case .aws: "us-east-1"
    case .awsCN: "cn-north-1"
    case .awsUSGov: "us-gov-west-1"
    }
}
