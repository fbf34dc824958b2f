// The regions AWS has in the partitions bucketbridge supports: aws (commercial), aws-cn (China)
// and aws-us-gov (GovCloud).
//
// Source: botocore 1.43.11, file botocore/data/endpoints.json (the file dated 2026-05-20), the
// `regions` of its partitions `aws`, `aws-cn` and `aws-us-gov`. Not included: the isolated
// partitions (aws-iso, aws-iso-b, aws-iso-e, aws-iso-f) and the AWS European Sovereign Cloud
// (aws-eusc), whose IAM, STS and S3 ARNs bucketbridge does not write. AWSRegionsTests compares
// the table with the installed botocore's endpoints.json.
//
// When AWS opens a region, add it here (keep the table sorted) and update the source note.

/// One AWS region: its name, partition and AWS's description of it.
struct AWSRegion: Sendable, Hashable {
    /// The region code: `us-east-1`.
    let name: String
    /// The partition the region belongs to.
    let partition: Partition
    /// AWS's description: `US East (N. Virginia)`.
    let description: String

    init(_ name: String, _ partition: Partition, _ description: String) {
        self.name = name
        self.partition = partition
        self.description = description
    }
}

/// The regions AWS has, with lookup and "did you mean" suggestions.
enum AWSRegions {
    /// Every region of the supported partitions, sorted by name.
    static let all: [AWSRegion] = [
        AWSRegion("af-south-1", .aws, "Africa (Cape Town)"),
        AWSRegion("ap-east-1", .aws, "Asia Pacific (Hong Kong)"),
        AWSRegion("ap-east-2", .aws, "Asia Pacific (Taipei)"),
        AWSRegion("ap-northeast-1", .aws, "Asia Pacific (Tokyo)"),
        AWSRegion("ap-northeast-2", .aws, "Asia Pacific (Seoul)"),
        AWSRegion("ap-northeast-3", .aws, "Asia Pacific (Osaka)"),
        AWSRegion("ap-south-1", .aws, "Asia Pacific (Mumbai)"),
        AWSRegion("ap-south-2", .aws, "Asia Pacific (Hyderabad)"),
        AWSRegion("ap-southeast-1", .aws, "Asia Pacific (Singapore)"),
        AWSRegion("ap-southeast-2", .aws, "Asia Pacific (Sydney)"),
        AWSRegion("ap-southeast-3", .aws, "Asia Pacific (Jakarta)"),
        AWSRegion("ap-southeast-4", .aws, "Asia Pacific (Melbourne)"),
        AWSRegion("ap-southeast-5", .aws, "Asia Pacific (Malaysia)"),
        AWSRegion("ap-southeast-6", .aws, "Asia Pacific (New Zealand)"),
        AWSRegion("ap-southeast-7", .aws, "Asia Pacific (Thailand)"),
        AWSRegion("ca-central-1", .aws, "Canada (Central)"),
        AWSRegion("ca-west-1", .aws, "Canada West (Calgary)"),
        AWSRegion("cn-north-1", .awsCN, "China (Beijing)"),
        AWSRegion("cn-northwest-1", .awsCN, "China (Ningxia)"),
        AWSRegion("eu-central-1", .aws, "Europe (Frankfurt)"),
        AWSRegion("eu-central-2", .aws, "Europe (Zurich)"),
        AWSRegion("eu-north-1", .aws, "Europe (Stockholm)"),
        AWSRegion("eu-south-1", .aws, "Europe (Milan)"),
        AWSRegion("eu-south-2", .aws, "Europe (Spain)"),
        AWSRegion("eu-west-1", .aws, "Europe (Ireland)"),
        AWSRegion("eu-west-2", .aws, "Europe (London)"),
        AWSRegion("eu-west-3", .aws, "Europe (Paris)"),
        AWSRegion("il-central-1", .aws, "Israel (Tel Aviv)"),
        AWSRegion("me-central-1", .aws, "Middle East (UAE)"),
        AWSRegion("me-south-1", .aws, "Middle East (Bahrain)"),
        AWSRegion("mx-central-1", .aws, "Mexico (Central)"),
        AWSRegion("sa-east-1", .aws, "South America (Sao Paulo)"),
        AWSRegion("us-east-1", .aws, "US East (N. Virginia)"),
        AWSRegion("us-east-2", .aws, "US East (Ohio)"),
        AWSRegion("us-gov-east-1", .awsUSGov, "AWS GovCloud (US-East)"),
        AWSRegion("us-gov-west-1", .awsUSGov, "AWS GovCloud (US-West)"),
        AWSRegion("us-west-1", .aws, "US West (N. California)"),
        AWSRegion("us-west-2", .aws, "US West (Oregon)"),
    ]

    private static let byName: [String: AWSRegion] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The region named exactly `name` (region codes are lowercase), if AWS has it.
    static func region(named name: String) -> AWSRegion? { byName[name] }

    /// The known region closest to `text`, for a "did you mean" hint; nil when none is close.
    static func suggestion(for text: String) -> String? {
        closestMatch(to: text, in: all.map(\.name))
    }

    /// The region a partition's generated files use when the spec names none: the partition's
    /// first region, where its global services (IAM, STS) have their endpoints.
    static func defaultRegion(of partition: Partition) -> String {
        switch partition {
        case .aws: "us-east-1"
        case .awsCN: "cn-north-1"
        case .awsUSGov: "us-gov-west-1"
        }
    }
}
