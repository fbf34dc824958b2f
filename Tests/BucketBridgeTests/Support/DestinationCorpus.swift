@testable import BucketBridge

/// A deterministic pseudo-random generator (SplitMix64), so a generated corpus is the same on
/// every run and a failure can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A spec file of `count` varied, valid destinations: every grant, presets and explicit
/// actions of every scope and access level, prefixes or none, KMS keys, every principal kind,
/// TLS, and the three partitions.
func generatedCorpusSpec(count: Int, seed: UInt64 = 20_261_128) -> String {
    var random = SeededGenerator(seed: seed)
    let grantable = S3ActionCatalogue.all.filter { $0.scope != .unsupported }
    let regions = ["us-east-1", "eu-west-2", "ap-southeast-1", "cn-north-1", "us-gov-west-1"]
    let prefixes = ["", "", "exports/", "vendor/daily/", "a/b/c/", "x"]
    var destinations: [String] = []
    for index in 0..<count {
        let region = regions.randomElement(using: &random)!
        let partition = Partition(region: region).rawValue
        let grant = ["role", "role", "bucket-policy", "role-and-bucket-policy"].randomElement(using: &random)!
        var fields: [String] = [
            #""name": "corpus-\#(index)""#,
            #""vendor": "Vendor \#(index % 7)""#,
            #""bucket": "corpus-bucket-\#(index % 13)""#,
            #""region": "\#(region)""#,
            #""grant": "\#(grant)""#,
        ]
        let prefix = prefixes.randomElement(using: &random)!
        if !prefix.isEmpty { fields.append(#""prefix": "\#(prefix)""#) }
        if Bool.random(using: &random) {
            fields.append(#""access": "\#(["read", "write", "read-write"].randomElement(using: &random)!)""#)
        } else {
            let picked = (0..<Int.random(in: 1...5, using: &random)).map { _ in grantable.randomElement(using: &random)!.qualifiedName }
            let unique = picked.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            fields.append(#""actions": [\#(unique.map { "\"\($0)\"" }.joined(separator: ", "))]"#)
        }
        let vendorAccount = String(100_000_000_000 + index)
        let principals = [
            "arn:\(partition):iam::\(vendorAccount):role/vendor-role-\(index)",
            "arn:\(partition):iam::\(vendorAccount):user/vendor-user",
            vendorAccount,
            "arn:\(partition):sts::\(vendorAccount):assumed-role/Connector/session-\(index)",
        ]
        let trusted = principals.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))
        fields.append(#""trustedPrincipals": [\#(trusted.map { "\"\($0)\"" }.joined(separator: ", "))]"#)
        if Int.random(in: 0..<3, using: &random) == 0 {
            fields.append(#""kmsKeyArn": "arn:\#(partition):kms:\#(region):666666666666:key/1234abcd-12ab-34cd-56ef-\#(String(100_000_000_000 + index))""#)
        }
        if Bool.random(using: &random) { fields.append(#""requireTls": true"#) }
        if grant != "bucket-policy" {
            fields.append(#""externalId": "ext-\#(index)-\#(random.next() % 100_000)""#)
            fields.append(#""role": {"name": "CorpusRole\#(index)", "accountId": "666666666666"}"#)
        }
        destinations.append("{" + fields.joined(separator: ", ") + "}")
    }
    return #"{"version": 1, "destinations": [\#(destinations.joined(separator: ",\n"))]}"#
}
