import Testing
@testable import BucketBridge

struct PrincipalRuleTests {
    @Test(arguments: [
        ("arn:aws:iam::280772890673:role/sequentum-upload-qa", "arn:aws:iam::280772890673:role/sequentum-upload-qa"),
        ("arn:aws:iam::280772890673:role/path/to/role", "arn:aws:iam::280772890673:role/path/to/role"),
        ("arn:aws:iam::280772890673:user/sequentum", "arn:aws:iam::280772890673:user/sequentum"),
        ("arn:aws:iam::280772890673:root", "arn:aws:iam::280772890673:root"),
        ("280772890673", "arn:aws:iam::280772890673:root"),
        ("arn:aws:sts::134928160093:assumed-role/InfoSumImportConnector/acme-import",
         "arn:aws:sts::134928160093:assumed-role/InfoSumImportConnector/acme-import"),
    ])
    func accepts(_ text: String, _ normalised: String) throws {
        #expect(try PrincipalRules.normalise(text, partition: .aws).get() == normalised)
    }

    @Test(arguments: [
        ("*", "wildcard principal"),
        ("arn:aws:iam::*:root", "wildcards"),
        ("arn:aws:iam::280772890673:role/vendor-*", "wildcards"),
        ("role/sequentum-upload-qa", "not a full principal ARN"),
        ("sequentum-upload-qa", "not a full principal ARN"),
        ("28077289067", "not a full principal ARN"),
        ("arn:aws:iam::2807728906:role/x", "account must be 12 digits"),
        ("arn:aws:iam::280772890673:group/admins", "must be root, role/NAME or user/NAME"),
        ("arn:aws:sts::134928160093:assumed-role/InfoSumImportConnector/Your Session Name", "session name: \" \" is not allowed"),
        ("arn:aws:sts::134928160093:assumed-role/InfoSumImportConnector/x", "session name: it must be 2 to 64"),
        ("arn:aws:sts::134928160093:assumed-role/OnlyRole", "assumed-role/ROLE/SESSION"),
        ("arn:aws-cn:iam::280772890673:root", "access cannot cross partitions"),
        ("arn:aws:s3:::bucket", "only iam and sts principals"),
        ("arn:aws:iam:us-east-1:280772890673:root", "no region"),
    ])
    func rejects(_ text: String, _ reason: String) {
        switch PrincipalRules.normalise(text, partition: .aws) {
        case .success(let arn): Issue.record("accepted \(text) as \(arn)")
        case .failure(let problem): #expect(problem.message.contains(reason), "\(problem.message)")
        }
    }

    @Test func accountIdsFollowTheBucketPartition() throws {
        #expect(try PrincipalRules.normalise("280772890673", partition: .awsCN).get() == "arn:aws-cn:iam::280772890673:root")
        let (destinations, diagnostics) = validate(specJSON([
            "region": #""cn-north-1""#, "trustedPrincipals": #"["arn:aws-cn:iam::280772890673:role/v"]"#,
        ]))
        #expect(!diagnostics.hasErrors, "\(errorLines(diagnostics))")
        #expect(destinations.first?.partition == .awsCN)
    }

    @Test func emptyAndDuplicatePrincipals() {
        #expect(errorLines(validate(specJSON(["trustedPrincipals": "[]"])).diagnostics).contains { $0.contains("is empty") })
        let (destinations, diagnostics) = validate(specJSON(["trustedPrincipals": #"["280772890673", "arn:aws:iam::280772890673:root"]"#]))
        #expect(destinations.first?.trustedPrincipals == ["arn:aws:iam::280772890673:root"])
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("listed twice") })
    }
}

struct LocationRuleTests {
    @Test(arguments: [
        ("", ""), ("/", ""), ("a", "a/"), ("/a/b", "a/b/"), ("a/b/", "a/b/"), ("//a", "a/"), ("données/2024", "données/2024/"),
    ])
    func prefixNormalisation(_ input: String, _ expected: String) {
        #expect(BucketLocationRules.normalisePrefix(input) == expected)
    }

    @Test(arguments: ["a*", "a?b", "${aws:username}/", "tab\there"])
    func prefixesThatWouldChangeThePolicy(_ prefix: String) {
        #expect(!BucketLocationRules.prefixProblems(prefix).isEmpty)
    }

    @Test(arguments: [
        ("us-east-1", Partition.aws), ("eu-west-2", .aws), ("ap-southeast-1", .aws), ("cn-north-1", .awsCN),
        ("cn-northwest-1", .awsCN), ("us-gov-west-1", .awsUSGov), ("us-gov-east-1", .awsUSGov),
    ])
    func regionsSelectPartitions(_ region: String, _ partition: Partition) {
        #expect(BucketLocationRules.regionProblems(region).isEmpty)
        #expect(Partition(region: region) == partition)
    }

    @Test(arguments: ["US-EAST-1", "us-east", "useast1", "us-iso-east-1", "us-east-1a", ""])
    func invalidRegions(_ region: String) {
        #expect(!BucketLocationRules.regionProblems(region).isEmpty)
    }

    @Test func kmsKeys() {
        let key = "arn:aws:kms:us-east-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        #expect(BucketLocationRules.kmsKeyProblems(key, partition: .aws, region: "us-east-1").problems.isEmpty)
        #expect(BucketLocationRules.kmsKeyProblems(key, partition: .aws, region: nil).problems.isEmpty)
        let mrk = "arn:aws:kms:us-east-1:666666666666:key/mrk-1234abcd12ab34cd56ef1234567890ab"
        #expect(BucketLocationRules.kmsKeyProblems(mrk, partition: .aws, region: "us-east-1").problems.isEmpty)
        #expect(BucketLocationRules.kmsKeyProblems(key, partition: .aws, region: "eu-west-1").problems.contains { $0.contains("bucket's region") })
        #expect(BucketLocationRules.kmsKeyProblems(key, partition: .awsCN, region: nil).problems.contains { $0.contains("partition") })
        #expect(BucketLocationRules.kmsKeyProblems("arn:aws:kms:us-east-1:666666666666:alias/aws/s3", partition: .aws, region: nil)
            .problems.first?.contains("alias") == true)
        #expect(!BucketLocationRules.kmsKeyProblems("arn:aws:kms:us-east-1:666666666666:key/nothex", partition: .aws, region: nil).problems.isEmpty)
    }
}

struct ActionRuleTests {
    @Test func presets() {
        #expect(AccessPresets.actions(for: .read).map(\.qualifiedName) == ["s3:ListBucket", "s3:GetObject"])
        #expect(AccessPresets.actions(for: .write).map(\.qualifiedName) == ["s3:PutObject"])
        #expect(AccessPresets.actions(for: .readWrite).map(\.qualifiedName) == ["s3:ListBucket", "s3:GetObject", "s3:PutObject"])
    }

    @Test func explicitActionsAreCheckedOneByOne() {
        let (_, diagnostics) = validate(specJSON(
            ["actions": #"["s3:GetObjct", "s3:*", "s3:Get*", "kms:Decrypt", "s3:ListAllMyBuckets", "GetObject"]"#],
            removing: ["access"]))
        let lines = errorLines(diagnostics)
        #expect(lines.contains { $0.contains(#"actions[0]: "s3:GetObjct" is not a known S3 action (did you mean "s3:GetObject""#) })
        #expect(lines.contains { $0.contains(#"actions[1]: "s3:*" is not allowed: wildcards"#) })
        #expect(lines.contains { $0.contains(#"actions[2]: "s3:Get*" is not allowed: wildcards"#) })
        #expect(lines.contains { $0.contains(#"actions[3]: "kms:Decrypt" is not an S3 action"#) && $0.contains("kmsKeyArn") })
        #expect(lines.contains { $0.contains(#"actions[4]: "s3:ListAllMyBuckets" cannot be limited to one bucket"#) })
        #expect(lines.contains { $0.contains(#"actions[5]: "GetObject" is not an S3 action"#) })
    }

    @Test func accessXorActions() {
        let both = validate(specJSON(["actions": #"["s3:GetObject"]"#])).diagnostics
        #expect(errorLines(both).contains { $0.contains("is set together with \"actions\"") })
        let neither = validate(specJSON(removing: ["access"])).diagnostics
        #expect(errorLines(neither).contains { $0.contains("destinations[0].access: is required") })
        let typo = validate(specJSON(["access": #""reed""#])).diagnostics
        #expect(errorLines(typo).contains { $0.contains(#""reed" is not one of "read", "write" or "read-write" (did you mean "read"?)"#) })
    }

    @Test func aDestinationsActionsReplaceTheDefaultAccess() {
        let spec = #"{"version": 1, "defaults": {"access": "read-write"}, "destinations": [\#(destinationJSON(["actions": #"["s3:PutObject"]"#], removing: ["access"]))]}"#
        let (destinations, diagnostics) = validate(spec)
        #expect(!diagnostics.hasErrors, "\(errorLines(diagnostics))")
        #expect(destinations.first?.actions.map(\.qualifiedName) == ["s3:PutObject"])
    }

    @Test func permissionsManagementActionsAreWarned() {
        let (destinations, diagnostics) = validate(specJSON(["actions": #"["s3:PutObject", "s3:PutObjectAcl"]"#], removing: ["access"]))
        #expect(destinations.count == 1)
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("permissions-management") })
    }
}
