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

struct ExternalIDRuleTests {
    @Test func lengthBoundaries() {
        #expect(ExternalIDRules.problems("ab").isEmpty)
        #expect(!ExternalIDRules.problems("a").isEmpty)
        #expect(ExternalIDRules.problems(String(repeating: "x", count: 1224)).isEmpty)
        #expect(!ExternalIDRules.problems(String(repeating: "x", count: 1225)).isEmpty)
    }

    @Test func characters() {
        #expect(ExternalIDRules.problems("seq_p8OgYZNm_anQEaOZ8-mMn").isEmpty)
        #expect(ExternalIDRules.problems("a+=,.@:/-_Z9").isEmpty)
        #expect(ExternalIDRules.problems("has space").first?.contains("\" \" is not allowed") == true)
        #expect(!ExternalIDRules.problems("ünïcode").isEmpty)
    }

    @Test func requiredForRoleGrantsOnly() {
        let (_, roleRun) = validate(specJSON(removing: ["externalId"]))
        #expect(errorLines(roleRun).contains { $0.contains("destinations[0].externalId: is required for role grants") })
        let (destinations, bucketRun) = validate(specJSON(["grant": #""bucket-policy""#], removing: ["externalId", "role"]))
        #expect(!bucketRun.hasErrors, "\(errorLines(bucketRun))")
        #expect(destinations.first?.externalId == nil)
    }
}

struct RoleRuleTests {
    @Test func roleNameLength() {
        #expect(IAMNameRules.nameProblems(String(repeating: "r", count: 64)).isEmpty)
        #expect(!IAMNameRules.nameProblems(String(repeating: "r", count: 65)).isEmpty)
        #expect(!IAMNameRules.nameProblems("").isEmpty)
        #expect(IAMNameRules.nameProblems("a+=,.@_-Z").isEmpty)
        #expect(!IAMNameRules.nameProblems("role/name").isEmpty)
    }

    @Test func namePrefixIsEnforced() {
        let role = #"{"name": "acme", "namePrefix": "SEA_ext_access_"}"#
        let (_, diagnostics) = validate(specJSON(["role": role]))
        let line = errorLines(diagnostics).first { $0.contains("role.name") }
        #expect(line?.contains(#"does not start with the vendor's required prefix "SEA_ext_access_""#) == true)
        #expect(line?.contains(#"did you mean "SEA_ext_access_acme"?"#) == true)
        let (ok, okDiagnostics) = validate(specJSON(["role": #"{"name": "SEA_ext_access_acme", "namePrefix": "SEA_ext_access_"}"#]))
        #expect(!okDiagnostics.hasErrors && ok.first?.role?.name == "SEA_ext_access_acme")
    }

    @Test func paths() {
        #expect(IAMNameRules.pathProblems("/").isEmpty)
        #expect(IAMNameRules.pathProblems("/vendors/acme/").isEmpty)
        #expect(!IAMNameRules.pathProblems("vendors/").isEmpty)
        #expect(!IAMNameRules.pathProblems("/vendors").isEmpty)
        #expect(!IAMNameRules.pathProblems("/with space/").isEmpty)
        #expect(IAMNameRules.pathProblems("/" + String(repeating: "p", count: 510) + "/").isEmpty)
        #expect(!IAMNameRules.pathProblems("/" + String(repeating: "p", count: 511) + "/").isEmpty)
    }

    @Test(arguments: [(3599, false), (3600, true), (43200, true), (43201, false)])
    func sessionDuration(_ seconds: Int, _ valid: Bool) {
        let (_, diagnostics) = validate(specJSON(["role": #"{"name": "R", "maxSessionDuration": \#(seconds)}"#]))
        #expect(diagnostics.hasErrors == !valid, "\(errorLines(diagnostics))")
    }

    @Test func sessionDurationMustBeWhole() {
        let (_, diagnostics) = validate(specJSON(["role": #"{"name": "R", "maxSessionDuration": 3600.5}"#]))
        #expect(errorLines(diagnostics).contains { $0.contains("role.maxSessionDuration: 3600.5 must be a whole number") })
    }

    @Test func descriptionLengthAndCharacters() {
        #expect(RoleRules.descriptionProblems(String(repeating: "d", count: 1000)).isEmpty)
        #expect(!RoleRules.descriptionProblems(String(repeating: "d", count: 1001)).isEmpty)
        #expect(RoleRules.descriptionProblems("quotes \" ' \\ $(x) `y` ${z} %{w} # : é\tline\nbreak").isEmpty)
        #expect(RoleRules.descriptionProblems("emoji 🚀").first?.contains("\"🚀\" is not allowed") == true)
    }

    @Test func permissionsBoundary() {
        #expect(RoleRules.boundaryProblems("arn:aws:iam::666666666666:policy/boundary", partition: .aws).isEmpty)
        #expect(RoleRules.boundaryProblems("arn:aws:iam::aws:policy/PowerUserAccess", partition: .aws).isEmpty)
        #expect(!RoleRules.boundaryProblems("arn:aws:iam::666666666666:role/boundary", partition: .aws).isEmpty)
        #expect(!RoleRules.boundaryProblems("arn:aws-cn:iam::666666666666:policy/b", partition: .aws).isEmpty)
    }

    @Test func policyName() {
        let (_, ok) = validate(specJSON(["role": #"{"name": "R", "policyName": "\#(String(repeating: "p", count: 128))"}"#]))
        #expect(!ok.hasErrors)
        let (_, bad) = validate(specJSON(["role": #"{"name": "R", "policyName": "\#(String(repeating: "p", count: 129))"}"#]))
        #expect(errorLines(bad).contains { $0.contains("role.policyName") && $0.contains("1 to 128 characters") })
    }

    @Test func accountIdRequiredForRoleAndBucketPolicy() {
        let (_, diagnostics) = validate(specJSON(["grant": #""role-and-bucket-policy""#, "role": #"{"name": "R"}"#]))
        #expect(errorLines(diagnostics).contains { $0.contains("role.accountId: is required for grant \"role-and-bucket-policy\"") })
        let (_, badAccount) = validate(specJSON(["role": #"{"name": "R", "accountId": "12345"}"#]))
        #expect(errorLines(badAccount).contains { $0.contains(#"role.accountId: "12345" is not an AWS account id"#) })
    }
}

struct TagRuleTests {
    @Test func keyAndValueLimits() {
        #expect(TagRules.keyProblems(String(repeating: "k", count: 128)).isEmpty)
        #expect(!TagRules.keyProblems(String(repeating: "k", count: 129)).isEmpty)
        #expect(!TagRules.keyProblems("").isEmpty)
        #expect(TagRules.valueProblems("").isEmpty)
        #expect(TagRules.valueProblems(String(repeating: "v", count: 256)).isEmpty)
        #expect(!TagRules.valueProblems(String(repeating: "v", count: 257)).isEmpty)
        #expect(TagRules.valueProblems("Ünïcödé 名前 a: b/c=d+e-f@g_h.i").isEmpty)
        #expect(!TagRules.valueProblems("a\"b").isEmpty)
        #expect(TagRules.keyProblems("AWS:owner").contains { $0.contains("reserved") })
    }

    @Test func atMostFiftyTags() {
        func spec(_ count: Int) -> String {
            let tags = (0..<count).map { #""k\#($0)": "v""# }.joined(separator: ", ")
            return specJSON(["role": #"{"name": "R", "tags": {\#(tags)}}"#])
        }
        #expect(!validate(spec(50)).diagnostics.hasErrors)
        #expect(errorLines(validate(spec(51)).diagnostics).contains { $0.contains("has 51 tags") })
    }

    @Test func keysAreUniqueIgnoringCase() {
        let (_, diagnostics) = validate(specJSON(["role": #"{"name": "R", "tags": {"Owner": "a", "owner": "b"}}"#]))
        #expect(errorLines(diagnostics).contains { $0.contains("IAM tag keys are unique regardless of case") })
    }

    @Test func defaultsMergeKeyByKey() {
        let spec = #"""
            {"version": 1,
             "defaults": {"role": {"name": "D", "tags": {"owner": "defaults", "team": "data"}}},
             "destinations": [\#(destinationJSON(["role": #"{"tags": {"owner": "mine"}}"#]))]}
            """#
        let (destinations, diagnostics) = validate(spec)
        #expect(!diagnostics.hasErrors, "\(errorLines(diagnostics))")
        let role = destinations.first?.role
        #expect(role?.name == "D")
        #expect(role?.tags.map { "\($0.key)=\($0.value)" } == ["owner=mine", "team=data"])
    }
}
