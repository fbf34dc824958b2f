import Testing
@testable import BucketBridge

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
        #expect(BucketLocationRules.regionProblems(region).problems.isEmpty)
        #expect(Partition(region: region) == partition)
    }

    @Test(arguments: ["US-EAST-1", "us-east", "useast1", "us-iso-east-1", "us-east-1a", "", "us-east-9", "eu-west-4", "eusc-de-east-1"])
    func invalidRegions(_ region: String) {
        #expect(!BucketLocationRules.regionProblems(region).problems.isEmpty)
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
