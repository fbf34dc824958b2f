/// What one example destination grants, written out by hand from the values in
/// `examples/*.json` (with the file's `defaults` merged by reading it, and the prefix as the
/// policies must spell it), so that the policy tests compare the policies with literals
/// rather than with the formulas the code under test uses.
struct ExampleGrant {
    /// The destination's `name`.
    var name: String
    /// The bucket's ARN, `arn:aws:s3:::BUCKET`.
    var bucketArn: String
    /// The key prefix, normalised (`infosum/imports/`), or empty for the whole bucket.
    var prefix = ""
    /// List actions, on the bucket ARN, limited to the prefix by `s3:prefix`.
    var listActions: [String] = []
    /// Other bucket-level actions, on the bucket ARN.
    var bucketActions: [String] = []
    /// Object actions, on keys under the prefix.
    var objectActions: [String] = []
    /// The vendor's `trustedPrincipals`.
    var vendorPrincipals: [String]
    /// The external ID the trust policy requires; nil without a role.
    var externalId: String?
    /// The role's full ARN, when the spec gives the role's account; nil otherwise.
    var roleArn: String?
    /// Whom the bucket policy's Allow statements name: the role (`role-and-bucket-policy`),
    /// the vendor's principals (`bucket-policy`), or nobody.
    var bucketPolicyGrantees: [String] = []
    /// The first part of every bucket-policy `Sid`: `BucketBridge` + the name in CamelCase.
    var sidStem: String
    /// Whether the bucket policy denies requests without TLS.
    var requireTls = false
    /// The bucket's KMS key.
    var kmsKeyArn: String?
    /// The KMS actions the permissions policy allows on that key.
    var kmsActions: [String] = []

    /// True for destinations with a role (and so a trust and a permissions policy).
    var hasRole: Bool { externalId != nil }

    /// The bucket's name, read off its ARN.
    var bucket: String { String(bucketArn.dropFirst("arn:aws:s3:::".count)) }

    /// Every S3 action granted.
    var s3Actions: [String] { listActions + bucketActions + objectActions }
}

/// Every destination of `examples/*.json`.
let exampleGrants: [ExampleGrant] = [
    // examples/cisco-sea.json
    ExampleGrant(
        name: "acme-cisco-sea-recordings", bucketArn: "arn:aws:s3:::acme-sea-recordings",
        listActions: ["s3:ListBucket"], objectActions: ["s3:GetObject", "s3:PutObject"],
        vendorPrincipals: ["arn:aws:iam::111122223333:role/sea-gateway"], externalId: "sea-acme-7f3e9c2a41b84d0f",
        roleArn: "arn:aws:iam::666666666666:role/SEA_ext_access_acme_recordings", sidStem: "BucketBridgeAcmeCiscoSeaRecordings",
        kmsKeyArn: "arn:aws:kms:us-west-2:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        kmsActions: ["kms:Decrypt", "kms:GenerateDataKey"]),
    // examples/infosum-import.json: "prefix": "/infosum/imports"
    ExampleGrant(
        name: "acme-infosum-import", bucketArn: "arn:aws:s3:::acme-clean-room", prefix: "infosum/imports/",
        listActions: ["s3:ListBucket"], objectActions: ["s3:GetObject"],
        vendorPrincipals: ["arn:aws:sts::134928160093:assumed-role/InfoSumImportConnector/acme-import"],
        externalId: "d68b1db43ed52e7e0297dbaca2bad20f40d4faaf92b5349891f08fddde530e23",
        sidStem: "BucketBridgeAcmeInfosumImport"),
    // examples/multi-destination.json, with its defaults (requireTls, role path and account)
    ExampleGrant(
        name: "globex-raw-events", bucketArn: "arn:aws:s3:::globex-raw-events", prefix: "northwind/incoming/",
        objectActions: ["s3:PutObject"],
        vendorPrincipals: ["arn:aws:iam::210987654321:role/northwind-etl-prod"], externalId: "nw-etl_4sT9q2LxVb7KcE1m",
        roleArn: "arn:aws:iam::444455556666:role/vendors/NorthwindEtlWriter", sidStem: "BucketBridgeGlobexRawEvents",
        requireTls: true),
    ExampleGrant(
        name: "globex-curated", bucketArn: "arn:aws:s3:::globex-curated", prefix: "tables/",
        listActions: ["s3:ListBucket"], objectActions: ["s3:GetObject"],
        vendorPrincipals: ["arn:aws:iam::210987654321:role/northwind-etl-prod"], externalId: "nw-etl_4sT9q2LxVb7KcE1m",
        roleArn: "arn:aws:iam::444455556666:role/vendors/NorthwindEtlReader",
        bucketPolicyGrantees: ["arn:aws:iam::444455556666:role/vendors/NorthwindEtlReader"], sidStem: "BucketBridgeGlobexCurated",
        requireTls: true, kmsKeyArn: "arn:aws:kms:us-east-1:444455556666:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
        kmsActions: ["kms:Decrypt"]),
    ExampleGrant(
        name: "globex-archive", bucketArn: "arn:aws:s3:::globex-archive",
        listActions: ["s3:ListBucket"], objectActions: ["s3:GetObject", "s3:PutObject"],
        vendorPrincipals: ["arn:aws:iam::210987654321:role/northwind-etl-prod"], externalId: "nw-etl_4sT9q2LxVb7KcE1m",
        roleArn: "arn:aws:iam::444455556666:role/vendors/NorthwindEtlArchive", sidStem: "BucketBridgeGlobexArchive",
        kmsKeyArn: "arn:aws:kms:us-east-1:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab",
        kmsActions: ["kms:Decrypt", "kms:GenerateDataKey"]),
    // examples/sequentum-bucket-policy.json
    ExampleGrant(
        name: "acme-sequentum-bucket-policy", bucketArn: "arn:aws:s3:::acme-sequentum-drop",
        objectActions: ["s3:PutObject", "s3:PutObjectAcl"],
        vendorPrincipals: ["arn:aws:iam::280772890673:user/sequentum"],
        bucketPolicyGrantees: ["arn:aws:iam::280772890673:user/sequentum"], sidStem: "AllowSequentum",
        requireTls: true),
    // examples/sequentum-cloud.json
    ExampleGrant(
        name: "acme-sequentum-daily", bucketArn: "arn:aws:s3:::acme-data", prefix: "sequentum/daily/",
        objectActions: ["s3:PutObject", "s3:PutObjectAcl"],
        vendorPrincipals: ["arn:aws:iam::280772890673:role/sequentum-upload-qa", "arn:aws:iam::280772890673:role/sequentum-upload-prod"],
        externalId: "seq_p8OgYZNm_anQEaOZ8-mMn", roleArn: "arn:aws:iam::666666666666:role/SequentumS3Access",
        sidStem: "BucketBridgeAcmeSequentumDaily"),
]
