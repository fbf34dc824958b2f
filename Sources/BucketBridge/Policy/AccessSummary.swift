/// What one destination's policies let the vendor do, in plain words: who may do what, where,
/// under which conditions, and what they may not do.
///
/// Built once by `summarizeAccess(of:policies:)` from the policy documents — never from the
/// spec's wording — and printed by every format that speaks to a person (README.md, `explain`,
/// the diagram). Each claim carries the requests that prove it (`AccessProbe`), so a test can
/// check every sentence against the IAM JSON with an evaluator.
public struct AccessSummary: Sendable {
    /// The destination's name.
    public var destination: String
    /// The spec file the destination came from.
    public var specFile: String
    /// The vendor's display name ("the vendor" when the spec names none).
    public var vendor: String
    /// The vendor's display name with a capital first letter, to start a sentence (built once:
    /// the limits, the `who` sentence and every template's context start sentences with it).
    public var capitalizedVendor: String
    /// How the vendor reaches the bucket.
    public var route: AccessRoute
    /// Who: the vendor's principals, as the trust policy or bucket policy names them.
    public var principals: [TrustedPrincipal]
    /// The external ID the trust policy requires (role routes).
    public var externalId: String?
    /// The customer role the vendor assumes (role routes).
    public var role: RoleReference?
    /// The customer's IAM user whose access key the vendor uses (user route).
    public var user: UserReference?
    /// Where: the bucket and prefix the access is limited to.
    public var location: AccessLocation
    /// What the vendor may do, in a fixed order.
    public var capabilities: [Capability]
    /// What the vendor may not do, in a fixed order.
    public var limits: [AccessLimit]
    /// Things the customer must know that are not grants: the ACL behaviour, a KMS key a
    /// bucket policy cannot cover, a trusted session name that must match.
    public var notes: [AccessNote]
}

/// How the vendor reaches the bucket.
public enum AccessRoute: String, Sendable, CaseIterable {
    /// The vendor assumes a role in the customer's account, presenting the external ID.
    case role
    /// The bucket policy names the vendor's principals directly: no role, no external ID.
    case bucketPolicy = "bucket-policy"
    /// The vendor assumes the role; the bucket policy also grants that role.
    case roleAndBucketPolicy = "role-and-bucket-policy"
    /// The vendor signs with an access key of an IAM user in the customer's account.
    case user

    /// True when the vendor assumes a role.
    public var assumesRole: Bool { self == .role || self == .roleAndBucketPolicy }
    /// True when an identity policy of the customer's (role or user) grants the access.
    public var grantsByIdentityPolicy: Bool { self != .bucketPolicy }
}

/// The customer-side IAM user of a user route.
public struct UserReference: Sendable {
    /// The user's name.
    public var name: String
}

/// The customer-side role of a role route.
public struct RoleReference: Sendable {
    /// The role's name.
    public var name: String
    /// The full ARN when the account id is known.
    public var arn: String?
    /// The ARN with `<account id>` standing for an unknown account id.
    public var displayArn: String
}

/// The bucket and prefix the access is limited to, as the policies' resources name them.
public struct AccessLocation: Sendable {
    /// The bucket name.
    public var bucket: String
    /// The key prefix, with a trailing `/`; empty for the whole bucket.
    public var prefix: String
    /// The bucket's region, when the spec gives it.
    public var region: String?
    /// `arn:P:s3:::BUCKET`.
    public var bucketArn: String
    /// `arn:P:s3:::BUCKET/PREFIX*`.
    public var objectsArn: String

    /// `s3://BUCKET/PREFIX`.
    public var s3Uri: String

    /// The location of `bucket` and `prefix`; its `s3Uri` is built here, once for every format
    /// that prints it.
    init(bucket: String, prefix: String, region: String?, bucketArn: String, objectsArn: String) {
        self.bucket = bucket
        self.prefix = prefix
        self.region = region
        self.bucketArn = bucketArn
        self.objectsArn = objectsArn
        s3Uri = concatenated("s3://", bucket, "/", prefix)
    }
}

/// A request a claim stands for: the summary says it is allowed (capabilities) or denied
/// (limits), and an evaluator can check that against the named document.
public struct AccessProbe: Sendable, Hashable {
    /// Which of the destination's documents decides the request.
    public enum Document: String, Sendable {
        case trust, permissions, bucket
    }

    /// The document the request is evaluated against.
    public var document: Document
    /// The calling principal (resource and trust policies), or nil for an identity policy.
    public var principal: String?
    /// The action, such as `s3:GetObject`.
    public var action: String
    /// The resource ARN; nil for actions without one (`sts:AssumeRole` in a trust policy).
    public var resource: String?
    /// Condition keys of the request, such as `s3:prefix` or `sts:ExternalId`.
    public var context: [String: String]
}

/// One thing the vendor may do.
public struct Capability: Sendable {
    /// The group of actions, in plain words.
    public var kind: CapabilityKind
    /// The actions granted, as the policy writes them.
    public var actions: [String]
    /// The resources they are granted on.
    public var resources: [String]
    /// The sentence: "upload objects under `s3://bucket/prefix/`".
    public var phrase: Phrase
    /// Requests the policies must allow for the phrase to be true.
    public var probes: [AccessProbe]
}

/// The groups in which actions are described, in the order they are listed.
public enum CapabilityKind: String, Sendable, CaseIterable {
    case listKeys = "list-keys"
    case readObjects = "read-objects"
    case writeObjects = "write-objects"
    case deleteObjects = "delete-objects"
    case readObjectTags = "read-object-tags"
    case changeObjectTags = "change-object-tags"
    case readObjectACLs = "read-object-acls"
    case changeObjectACLs = "change-object-acls"
    case multipartUploads = "multipart-uploads"
    case listMultipartUploads = "list-multipart-uploads"
    case restoreObjects = "restore-objects"
    case otherObjectActions = "other-object-actions"
    case readBucketSettings = "read-bucket-settings"
    case changeBucketSettings = "change-bucket-settings"
    case changeBucketPermissions = "change-bucket-permissions"
    case useKMSKey = "use-kms-key"
}

/// One thing the vendor may not do, with the requests that show it.
public struct AccessLimit: Sendable {
    /// What is denied, as a stable id.
    public var kind: AccessLimitKind
    /// The sentence, to follow "may not": "list the keys in the bucket".
    public var phrase: Phrase
    /// Requests the policies must deny (explicitly or implicitly) for the phrase to be true.
    public var probes: [AccessProbe]
}

/// The limits the summary states, in the order they are listed.
public enum AccessLimitKind: String, Sendable, CaseIterable {
    case listKeys = "list-keys"
    case readObjects = "read-objects"
    case writeObjects = "write-objects"
    case deleteObjects = "delete-objects"
    case outsidePrefix = "outside-prefix"
    case listOutsidePrefix = "list-outside-prefix"
    case otherBuckets = "other-buckets"
    case otherKMSKeys = "other-kms-keys"
    case changePermissions = "change-permissions"
    case otherServices = "other-services"
    case withoutExternalId = "without-external-id"
    case otherPrincipals = "other-principals"
    case withoutTLS = "without-tls"
}

/// Something the customer must know beyond the grants.
public struct AccessNote: Sendable {
    /// What the note is about, as a stable id.
    public var kind: AccessNoteKind
    /// The note's text.
    public var phrase: Phrase
}

/// The notes the summary can carry.
public enum AccessNoteKind: String, Sendable, CaseIterable {
    /// `s3:PutObjectAcl` and buckets with ACLs disabled.
    case objectACLs = "object-acls"
    /// A bucket-policy grant on an SSE-KMS bucket: the key's own policy must allow the vendor.
    case kmsKeyPolicyNeeded = "kms-key-policy-needed"
    /// A trusted STS session: the session name must match the vendor's exactly.
    case sessionName = "session-name"
    /// An action that cannot be limited to the prefix is granted on the whole bucket.
    case wholeBucketAction = "whole-bucket-action"
}
