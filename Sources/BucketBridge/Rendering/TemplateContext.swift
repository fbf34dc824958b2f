/// The values every template sees, built from the validated destination, its policies and
/// its access summary.
///
/// Templates print policies from `policies.*` (never re-typed), sentences about access from
/// `access.*` (the access summary, phrases printed with the `prose` filter), text the user
/// wrote from `destination.*` and `role.*`, and test only the facts in `facts.*`: every
/// decision about what the access is was made by the model. Escaping is the engine's job.
///
/// - `destination`: `name`, `description`, `vendor` (display name; `vendorAtStart` capitalised
///   to start a sentence), `bucket`, `prefix`,
///   `region`, `partition`, `bucketArn`, `objectsArn`, `s3Uri`, `kmsKeyArn`,
///   `terraformRegion` (the region, or the partition's default region
///   `AWSRegions.defaultRegion(of:)` when the spec names none), `cloudFormationDescription`.
/// - `role` (role grants, else null): `name`, `namePrefix`, `path`, `accountId`, `arn`,
///   `displayArn`, `maxSessionDuration`, `permissionsBoundary`, `policyName`, `policyType`
///   (`inline`, `managed`), `policyArn` (the managed policy's, `<account id>` when unknown),
///   `description`, `tags` (`key`/`value` list), `tagsObject`.
/// - `user` (user grants, else null): `name`, `path`, `permissionsBoundary`, `policyName`,
///   `tags`, `tagsObject`.
/// - `policies`: `trust`, `permissions`, `bucket` (documents or null), `ownedBucketSids`.
/// - `access`: the summary (`AccessSummary.jsonValue(phrases: .segments)`) plus `diagram`, the
///   Mermaid source of the access path.
/// - `placeholders`: the placeholders the destination's values still hold (see
///   `PlaceholderFormats.jsonValue`).
/// - `onboarding`: `nextSteps` (texts), `support` (a phrase with the link, or null),
///   `roleArnLabel` (or null), `launchStack` (the quick-create URL for `templateUrl`, or null).
/// - `facts`: booleans for templates' `if`s (see `TemplateFacts`).
/// - `generator`: `name`, `version`.
func templateContext(
    for destination: Destination, policies: DestinationPolicies, documentValues: PolicyValues, summary: AccessSummary,
    placeholders: PlaceholderFormats
) -> JSONValue {
    // Objects are built from their members (a dictionary literal copies its pairs once more):
    // the context of every destination is built anew.
    let role: JSONValue = destination.role.map { role in
        .object([
            .init("name", .string(role.name)),
            .init("namePrefix", .string(role.namePrefix)),
            .init("path", .string(role.path)),
            .init("accountId", optional(role.accountId)),
            .init("arn", optional(policies.roleArn)),
            .init("displayArn", .string(summary.role?.displayArn ?? ResourceNames.displayRole(destination))),
            .init("maxSessionDuration", .int(role.maxSessionDuration)),
            .init("permissionsBoundary", optional(role.permissionsBoundary)),
            .init("policyName", .string(role.policyName)),
            .init("policyType", .string(role.policyType.rawValue)),
            .init("policyArn", .string(ResourceNames.displayManagedPolicy(destination))),
            .init("description", .string(role.description)),
            .init("tags", tagList(role.tags)),
            .init("tagsObject", tagObject(role.tags)),
        ])
    } ?? .null
    let user: JSONValue = destination.user.map { user in
        .object([
            .init("name", .string(user.name)),
            .init("path", .string(user.path)),
            .init("permissionsBoundary", optional(user.permissionsBoundary)),
            .init("policyName", .string(user.policyName)),
            .init("tags", tagList(user.tags)),
            .init("tagsObject", tagObject(user.tags)),
        ])
    } ?? .null
    let destinationValue: JSONValue = .object([
        .init("name", .string(destination.name)),
        .init("description", optional(destination.description)),
        .init("vendor", .string(summary.vendor)),
        .init("vendorAtStart", .string(summary.capitalizedVendor)),
        .init("bucket", .string(destination.bucket)),
        .init("prefix", .string(destination.prefix)),
        .init("region", optional(destination.region)),
        .init("partition", .string(destination.partition.rawValue)),
        .init("bucketArn", .string(summary.location.bucketArn)),
        .init("objectsArn", .string(summary.location.objectsArn)),
        .init("s3Uri", .string(summary.location.s3Uri)),
        .init("kmsKeyArn", optional(destination.kmsKeyArn)),
        .init("terraformRegion", .string(destination.region ?? AWSRegions.defaultRegion(of: destination.partition))),
        .init("cloudFormationDescription", .string(cloudFormationDescription(destination))),
    ])
    var access = summary.jsonMembers(phrases: .segments)
    access.append(.init("diagram", .string(accessDiagram(summary).source)))
    return .object([
        .init("destination", destinationValue),
        .init("role", role),
        .init("user", user),
        .init("policies", .object([
            .init("trust", documentValues.trust),
            .init("permissions", documentValues.permissions),
            .init("bucket", documentValues.bucket),
            .init("ownedBucketSids", .array(ownedBucketSids(destination).map(JSONValue.string))),
        ])),
        .init("access", .object(access)),
        .init("placeholders", placeholders.jsonValue),
        .init("onboarding", onboardingValue(destination, summary: summary)),
        .init("facts", TemplateFacts(destination: destination, policies: policies, summary: summary, placeholders: placeholders).jsonValue),
        .init("generator", generatorValue),
    ])
}

/// The `generator` object: the same for every destination.
private let generatorValue: JSONValue = ["name": "bucketbridge", "version": .string(BucketBridgeVersion.current)]

/// Tags as a list of `key`/`value` objects.
private func tagList(_ tags: [(key: String, value: String)]) -> JSONValue {
    .array(tags.map { .object([.init("key", .string($0.key)), .init("value", .string($0.value))]) })
}

/// Tags as one object, a member per tag.
private func tagObject(_ tags: [(key: String, value: String)]) -> JSONValue {
    .object(tags.map { JSONValue.Member($0.key, .string($0.value)) })
}

/// The JSON values of a destination's policy documents (`PolicyDocument.jsonValue`), null for
/// the documents it has not, by their names under `policies`.
struct PolicyValues {
    var trust: JSONValue = .null
    var permissions: JSONValue = .null
    var bucket: JSONValue = .null

    init() {}

    /// The values of every document of `policies` (a render builds them while it encodes the IAM files).
    init(_ policies: DestinationPolicies) {
        for (_, name, document) in iamDocuments(policies) { self[name] = document.jsonValue }
    }

    /// The value of the document named `name` (`trust`, `permissions` or `bucket`).
    subscript(name: String) -> JSONValue {
        get { name == "trust" ? trust : name == "permissions" ? permissions : bucket }
        set {
            switch name {
            case "trust": trust = newValue
            case "permissions": permissions = newValue
            default: bucket = newValue
            }
        }
    }
}

/// The facts templates test, each computed once by the model.
struct TemplateFacts {
    /// The grant creates a role (trust and permissions policies).
    var hasRole: Bool
    /// The grant creates an IAM user holding the permissions policy.
    var hasUser: Bool
    /// The role's permissions policy is a customer-managed policy attached to it.
    var managedPolicy: Bool
    /// The render writes bucket-policy statements (a grant or the TLS deny).
    var hasBucketPolicy: Bool
    /// The bucket policy names the role: the role must exist before the policy is saved.
    var bucketPolicyNamesRole: Bool
    /// The bucket policy names the vendor's principals directly.
    var bucketPolicyNamesVendor: Bool
    /// The permissions include the bucket's KMS key.
    var usesKMSKey: Bool
    /// The bucket has a KMS key the grant cannot cover (a bucket-policy grant).
    var needsKeyPolicy: Bool
    /// Listing is granted only under a prefix: clients must send it.
    var listsUnderPrefixOnly: Bool
    /// The bucket names no KMS key, but the access reads or writes objects: if the bucket turns
    /// out to use SSE-KMS, the grant lacks the key permissions.
    var keyUnknown: Bool
    /// The vendor may set object ACLs.
    var setsObjectACLs: Bool
    /// The role has a path other than `/` (the console cannot set one).
    var roleHasCustomPath: Bool
    /// The role's maximum session duration is not IAM's default of 3600 seconds.
    var roleHasCustomSessionDuration: Bool
    /// Some values are placeholders the customer fills in.
    var hasPlaceholders: Bool
    /// A placeholder stands for the customer's account id (each format finds it itself).
    var usesAccountPlaceholder: Bool
    /// Placeholders other than the account id: the formats ask for their values.
    var asksForValues: Bool
    /// The external ID is a placeholder the vendor fills in once it knows the role's ARN.
    var externalIdLater: Bool
    /// The customer makes the external ID (`onboarding.externalIdIssuedBy: customer`).
    var customerMakesExternalId: Bool
    /// The external ID is still to be chosen by the customer (a placeholder).
    var customerChoosesExternalId: Bool

    /// The facts of one destination. Its values are borrowed: an initialiser's arguments are
    /// otherwise passed owned, and the destination and its summary were copied for every call.
    init(
        destination: borrowing Destination, policies: borrowing DestinationPolicies, summary: borrowing AccessSummary,
        placeholders: borrowing PlaceholderFormats
    ) {
        hasRole = policies.trust != nil
        hasUser = destination.user != nil
        managedPolicy = destination.role?.policyType == .managed
        hasBucketPolicy = policies.bucket != nil
        bucketPolicyNamesRole = summary.route == .roleAndBucketPolicy
        bucketPolicyNamesVendor = summary.route == .bucketPolicy
        usesKMSKey = summary.usesKMSKey
        needsKeyPolicy = summary.notes.contains { $0.kind == .kmsKeyPolicyNeeded }
        listsUnderPrefixOnly = summary.listsUnderPrefixOnly
        keyUnknown = destination.kmsKeyArn == nil && !kmsActions(for: destination.actions).isEmpty
        setsObjectACLs = summary.capabilities.contains { $0.kind == .changeObjectACLs }
        roleHasCustomPath = (destination.role?.path ?? "/") != "/"
        roleHasCustomSessionDuration = (destination.role?.maxSessionDuration ?? 3600) != 3600
        hasPlaceholders = !placeholders.uses.isEmpty
        usesAccountPlaceholder = placeholders.uses.contains(where: placeholders.isAccount)
        asksForValues = placeholders.uses.contains { !placeholders.isAccount($0) }
        let externalIdIsPlaceholder = destination.externalId.map(PlaceholderText.contains) ?? false
        customerMakesExternalId = hasRole && destination.onboarding.externalIdIssuedBy == .customer
        externalIdLater = externalIdIsPlaceholder && !customerMakesExternalId
        customerChoosesExternalId = externalIdIsPlaceholder && customerMakesExternalId
    }

    var jsonValue: JSONValue {
        .object([
            .init("hasRole", .bool(hasRole)), .init("hasUser", .bool(hasUser)), .init("managedPolicy", .bool(managedPolicy)),
            .init("hasBucketPolicy", .bool(hasBucketPolicy)), .init("bucketPolicyNamesRole", .bool(bucketPolicyNamesRole)),
            .init("bucketPolicyNamesVendor", .bool(bucketPolicyNamesVendor)), .init("usesKMSKey", .bool(usesKMSKey)),
            .init("needsKeyPolicy", .bool(needsKeyPolicy)), .init("listsUnderPrefixOnly", .bool(listsUnderPrefixOnly)),
            .init("keyUnknown", .bool(keyUnknown)), .init("setsObjectACLs", .bool(setsObjectACLs)),
            .init("roleHasCustomPath", .bool(roleHasCustomPath)),
            .init("roleHasCustomSessionDuration", .bool(roleHasCustomSessionDuration)),
            .init("hasPlaceholders", .bool(hasPlaceholders)), .init("usesAccountPlaceholder", .bool(usesAccountPlaceholder)),
            .init("asksForValues", .bool(asksForValues)), .init("externalIdLater", .bool(externalIdLater)),
            .init("customerMakesExternalId", .bool(customerMakesExternalId)),
            .init("customerChoosesExternalId", .bool(customerChoosesExternalId)),
        ])
    }
}

/// The onboarding texts and links README.md prints.
private func onboardingValue(_ destination: Destination, summary: AccessSummary) -> JSONValue {
    let onboarding = destination.onboarding
    let launchStack = onboarding.templateUrl.map {
        launchStackURL(
            templateURL: $0, region: destination.region ?? AWSRegions.defaultRegion(of: destination.partition), partition: destination.partition,
            stackName: "bucketbridge-" + destination.name)
    }
    return .object([
        .init("nextSteps", .array(onboarding.nextSteps.map(JSONValue.string))),
        .init("support", onboarding.support.map { Phrase([.link($0.text, url: $0.link)]).jsonValue } ?? .null),
        .init("roleArnLabel", optional(onboarding.roleArnLabel)),
        .init("launchStack", launchStack.map { Phrase([.link("Launch Stack", url: $0)]).jsonValue } ?? .null),
    ])
}

private func optional(_ text: String?) -> JSONValue {
    text.map(JSONValue.string) ?? .null
}

/// A stack description (at most 1,024 bytes) naming the vendor and what it may reach.
private func cloudFormationDescription(_ destination: Destination) -> String {
    // A template's Description is a plain string: placeholders show as <NAME>.
    let bucket = PlaceholderText.display(destination.bucket), prefix = PlaceholderText.display(destination.prefix)
    let vendor = destination.vendor ?? "vendor"
    let text = concatenated("bucketbridge: ", vendor, " access to s3://", bucket, "/", prefix)
    guard text.utf8.count > 1024 else { return text }
    return concatenated("bucketbridge: ", vendor, " access to s3://", bucket)
}
