import Testing
@testable import BucketBridge

/// Each rule family at its boundaries: the last valid value and the first invalid one.
struct BucketNameRuleTests {
    @Test(arguments: ["abc", "a-b", "my.bucket.name", "0bucket9", String(repeating: "a", count: 63)])
    func acceptsValidNames(_ name: String) {
        #expect(BucketNameRules.problems(name).isEmpty)
    }

    @Test(arguments: [
        ("ab", "3 to 63 characters long, not 2"),
        (String(repeating: "a", count: 64), "3 to 63 characters long, not 64"),
        ("Example_Bucket", "uppercase letters and \"_\" are not allowed"),
        ("-abc", "begin and end with a letter or digit"),
        ("abc-", "begin and end with a letter or digit"),
        ("a..b", "two adjacent periods"),
        ("192.168.5.4", "formatted as an IP address"),
        ("xn--bucket", "prefix \"xn--\" is reserved"),
        ("sthree-bucket", "prefix \"sthree-\" is reserved"),
        ("amzn-s3-demo-bucket", "prefix \"amzn-s3-demo-\" is reserved"),
        ("bucket-s3alias", "suffix \"-s3alias\" is reserved"),
        ("bucket--ol-s3", "suffix \"--ol-s3\" is reserved"),
        ("bucket.mrap", "suffix \".mrap\" is reserved"),
        ("bucket--x-s3", "suffix \"--x-s3\" is reserved"),
        ("bucket--table-s3", "suffix \"--table-s3\" is reserved"),
        ("my bucket", "\" \" is not allowed"),
    ])
    func rejectsInvalidNames(_ name: String, _ reason: String) {
        let problems = BucketNameRules.problems(name)
        #expect(problems.contains { $0.contains(reason) }, "\(problems)")
    }

    @Test func bucketNameErrorMatchesTheContractExample() {
        let (_, diagnostics) = validate(specJSON(["bucket": #""Example_Bucket""#]))
        #expect(errorLines(diagnostics).contains {
            $0.hasSuffix(#"error: destinations[0].bucket: "Example_Bucket" is not a valid S3 bucket name: uppercase letters and "_" are not allowed"#)
        }, "\(errorLines(diagnostics))")
    }

    @Test func dottedNamesAreValidButWarned() {
        let (destinations, diagnostics) = validate(specJSON(["bucket": #""acme.data""#]))
        #expect(destinations.count == 1)
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("Transfer Acceleration") })
    }
}
