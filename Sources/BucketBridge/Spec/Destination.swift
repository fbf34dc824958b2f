/// A destination that passed validation: every value checked, normalised and resolved.
///
/// The policy model is built from this type alone. Values of the fields that allow
/// placeholders (bucket, prefix, KMS key, principals, external ID, role and user names,
/// account id, tag values) may hold placeholder tokens (`PlaceholderText`).
public struct Destination: Sendable {
    /// Output folder name, unique in the run.
    public var name: String
    /// The user's description, if any.
    public var description: String?
    /// Display name of the vendor being granted access.
    public var vendor: String?
    /// S3 general purpose bucket name.
    public var bucket: String
    /// The placeholders the destination's values still hold (see `PlaceholderText`), in the
    /// order they were read.
    public var placeholders: [PlaceholderUse]
    /// Normalised key prefix: no leading `/`, a trailing `/`; empty for the whole bucket.
    public var prefix: String
    /// AWS region of the bucket, when given.
    public var region: String?
    /// The partition the bucket lives in.
    public var partition: Partition
    /// The access preset, when the spec used one instead of explicit actions.
    public var access: AccessLevel?
    /// The S3 actions granted, deduplicated, in the order given (presets in canonical order).
    public var actions: [S3Action]
    /// The bucket's SSE-KMS key, when it has one.
    public var kmsKeyArn: String?
    /// The vendor's principals as full ARNs (bare account ids become `:root` ARNs).
    public var trustedPrincipals: [String]
    /// The vendor-issued external ID (role grants).
    public var externalId: String?
    /// How access is granted.
    public var grant: Grant
    /// Whether the bucket policy denies requests without TLS.
    public var requireTls: Bool
    /// The customer role (role grants only).
    public var role: RoleSettings?
    /// The customer-side IAM user (`grant: "user"` only).
    public var user: UserSettings?
    /// What the customer's README says beyond the policies.
    public var onboarding: Onboarding
    /// The spec file this destination came from, as the user named it.
    public var specFile: String
    /// Where the destination is written in its spec file (for diagnostics about the whole destination).
    public var location: SourceLocation
    /// The destination's path in its spec file (`destinations[2]`).
    public var path: FieldPath
}

/// The customer-side IAM role of a role grant.
public struct RoleSettings: Sendable {
    /// The full role name (it already starts with any required prefix).
    public var name: String
    /// The prefix the vendor requires, or empty.
    public var namePrefix: String
    /// IAM path, `/` by default.
    public var path: String
    /// The customer's account id, when known.
    public var accountId: String?
    /// Maximum session duration in seconds.
    public var maxSessionDuration: Int
    /// Permissions boundary policy ARN, when set.
    public var permissionsBoundary: String?
    /// Name of the inline permissions policy.
    public var policyName: String
    /// Whether the permissions policy is inline or a customer-managed policy attached to the role.
    public var policyType: PolicyType
    /// The role description (IAM description rules hold).
    public var description: String
    /// Tags in the order given, `defaults` first.
    public var tags: [(key: String, value: String)]
}

/// The customer-side IAM user of a `user` grant: it holds the permissions policy inline, and
/// the vendor uses an access key the customer creates for it (never in any artifact).
public struct UserSettings: Sendable {
    /// The user name (placeholders allowed).
    public var name: String
    /// IAM path, `/` by default.
    public var path: String
    /// Permissions boundary policy ARN, when set.
    public var permissionsBoundary: String?
    /// Name of the inline permissions policy: the destination's name.
    public var policyName: String
    /// Tags in the order given, `defaults` first.
    public var tags: [(key: String, value: String)]
}

/// How the permissions policy is attached to the role.
public enum PolicyType: String, Sendable, CaseIterable {
    /// An inline policy of the role (`put-role-policy`).
    case inline
    /// A customer-managed policy named `policyName`, attached to the role.
    case managed
}

/// The `access` presets.
public enum AccessLevel: String, Sendable, CaseIterable {
    case read
    case write
    case readWrite = "read-write"
}

/// How the vendor is granted access.
public enum Grant: String, Sendable, CaseIterable {
    /// A customer role the vendor assumes with an external ID.
    case role
    /// No role: the bucket policy names the vendor's principals.
    case bucketPolicy = "bucket-policy"
    /// The role, plus a bucket policy granting that role.
    case roleAndBucketPolicy = "role-and-bucket-policy"
    /// An IAM user in the customer's account holds the permissions; the vendor uses its access
    /// key (Cisco SEA's "Access Credential" route). No trust policy, no external ID.
    case user

    /// True when the grant creates a customer role.
    public var hasRole: Bool { self == .role || self == .roleAndBucketPolicy }
    /// True when the grant writes S3 statements into the bucket policy.
    public var hasBucketPolicyGrant: Bool { self == .bucketPolicy || self == .roleAndBucketPolicy }
    /// True when an identity of the customer's (a role or a user) holds a permissions policy.
    public var hasPermissionsPolicy: Bool { self != .bucketPolicy }
    /// True when the vendor names its principals (in a trust or bucket policy).
    public var trustsVendorPrincipals: Bool { self != .user }
}

/// An AWS partition, chosen by region.
public enum Partition: String, Sendable {
    case aws
    case awsCN = "aws-cn"
    case awsUSGov = "aws-us-gov"

    /// The partition of a region: `cn-*` → `aws-cn`, `us-gov-*` → `aws-us-gov`, else `aws`.
    public init(region: String?) {
        guard let region else {
            self = .aws
            return
        }
        if region.hasPrefix("cn-") {
            self = .awsCN
        } else if region.hasPrefix("us-gov-") {
            self = .awsUSGov
        } else {
            self = .aws
        }
    }
}
