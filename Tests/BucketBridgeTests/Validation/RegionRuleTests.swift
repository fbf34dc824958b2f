import Foundation
import Testing

@testable import BucketBridge

/// The regions of the commercial, China and GovCloud partitions in the installed botocore's
/// `data/endpoints.json`, by partition name, or why they cannot be read.
private let botocoreRegions: Result<[String: [String]], TestFailure> = {
    let script = """
        import json, os, botocore
        with open(os.path.join(os.path.dirname(botocore.__file__), "data", "endpoints.json")) as f:
            data = json.load(f)
        wanted = ("aws", "aws-cn", "aws-us-gov")
        print(json.dumps({p["partition"]: sorted(p["regions"]) for p in data["partitions"] if p["partition"] in wanted}))
        """
    guard let found = try? runProcess(python3Interpreter, ["-c", script]), found.status == 0,
        let regions = try? JSONSerialization.jsonObject(with: Data(found.output.utf8)) as? [String: [String]]
    else { return .failure(TestFailure("python3 cannot import botocore (pip install botocore)")) }
    return .success(regions)
}()

/// True when botocore is installed, or under CI (where the test must not skip).
private let botocoreAvailable = ExternalTool.isCI || (try? botocoreRegions.get()) != nil

struct RegionRuleTests {
    /// Every region botocore knows in the three partitions is accepted and selects its
    /// partition; the table holds nothing botocore does not know. A newer botocore with a new
    /// region fails here: add the region to `AWSRegions`.
    @Test(.enabled(if: botocoreAvailable, "needs python3 with botocore (pip install botocore)"))
    func theRegionsAreBotocores() throws {
        let reference = try botocoreRegions.get()
        #expect(Set(reference.keys) == ["aws", "aws-cn", "aws-us-gov"])
        var all: Set<String> = []
        for (partition, regions) in reference {
            #expect(regions.count >= (partition == "aws" ? 30 : 2))
            for region in regions {
                all.insert(region)
                #expect(BucketLocationRules.regionProblems(region).problems.isEmpty, "\(region)")
                #expect(AWSRegions.region(named: region)?.partition.rawValue == partition, "\(region)")
                #expect(Partition(region: region).rawValue == partition, "\(region)")
                let (destinations, diagnostics) = validate(specJSON(["region": "\"\(region)\"", "trustedPrincipals": #"["280772890673"]"#]))
                #expect(destinations.first?.region == region, "\(region): \(errorLines(diagnostics))")
            }
        }
        #expect(Set(AWSRegions.all.map(\.name)) == all)
    }

    @Test func theTableIsSortedAndAgreesWithThePartitionRules() {
        #expect(AWSRegions.all.map(\.name) == AWSRegions.all.map(\.name).sorted())
        for region in AWSRegions.all {
            #expect(Partition(region: region.name) == region.partition, "\(region.name)")
            #expect(!region.description.isEmpty)
        }
        for partition in [Partition.aws, .awsCN, .awsUSGov] {
            #expect(AWSRegions.region(named: AWSRegions.defaultRegion(of: partition))?.partition == partition)
        }
    }

    @Test(arguments: [
        ("us-eats-1", "us-east-1"), ("US-EAST-1", "us-east-1"), ("eu-west-5", "eu-west-1"), ("euwest2", "eu-west-2"),
        ("cn-nrth-1", "cn-north-1"), ("us-gov-wst-1", "us-gov-west-1"), ("ap-southeast-9", "ap-southeast-1"),
    ])
    func typosGetTheClosestRegion(_ typo: String, _ expected: String) {
        // An account id as principal: it takes the partition of whatever region is set.
        let destination = destinationJSON(["region": "1️⃣\"\(typo)\"", "trustedPrincipals": #"["280772890673"]"#])
        let marked = MarkedText(#"{"version": 1, "destinations": [\#(destination)]}"#)
        let errors = validate(marked.text).diagnostics.sorted.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.description))")
        let error = errors.first
        #expect(error?.location == marked.location("1️⃣"))
        #expect(error?.description.contains(#"destinations[0].region: "\#(typo)" is not a valid AWS region: AWS has no such region"#) == true)
        #expect(error?.hint == #"did you mean "\#(expected)"?"#, "\(error?.description ?? "")")
    }

    @Test(arguments: [
        ("us-iso-east-1", "isolated partitions"), ("us-isob-east-1", "isolated partitions"), ("eusc-de-east-1", "European Sovereign Cloud"),
        ("mars-north-1", "AWS has no such region"), ("", "AWS has no such region"),
    ])
    func unsupportedPartitionsAreNamed(_ region: String, _ fragment: String) {
        let errors = errorLines(validate(specJSON(["region": "\"\(region)\""])).diagnostics)
        #expect(errors.count == 1 && errors[0].contains(fragment), "\(errors)")
    }

    /// A KMS key in a region AWS does not have is reported even without a bucket region.
    @Test func aKMSKeyInAnUnknownRegionIsAnError() {
        let key = #""arn:aws:kms:us-eats-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab""#
        let errors = errorLines(validate(specJSON(["kmsKeyArn": key], removing: ["region"])).diagnostics)
        #expect(errors.contains { $0.contains(#"the region "us-eats-1" is not a region AWS has"#) }, "\(errors)")
    }

    /// Without a region: a warning at the destination (the field is missing), the spec stays
    /// valid, and the provider region falls back to the partition's default.
    @Test func aMissingRegionIsAWarningAtTheDestination() {
        let marked = MarkedText(#"{"version": 1, "destinations": [1️⃣\#(destinationJSON(removing: ["region"]))]}"#)
        let (destinations, diagnostics) = validate(marked.text)
        #expect(!diagnostics.hasErrors, "\(errorLines(diagnostics))")
        let warnings = diagnostics.sorted.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.location == marked.location("1️⃣"))
        #expect(warnings.first?.rule == .missingRegion)
        #expect(warnings.first?.description.contains("destinations[0].region: is not set: the generated files fall back to us-east-1") == true)
        #expect(destinations.first?.region == nil)
        #expect(destinations.first?.partition == .aws)
    }

    /// A region in `defaults` counts; only destinations that end up without one are warned.
    @Test func aRegionFromDefaultsCounts() {
        let spec = #"{"version": 1, "defaults": {"region": "eu-west-2"}, "destinations": [\#(destinationJSON(removing: ["region"]))]}"#
        let (destinations, diagnostics) = validate(spec)
        #expect(diagnostics.isEmpty, "\(diagnostics.sorted.map(\.description))")
        #expect(destinations.first?.region == "eu-west-2")
    }
}
