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
        case .failure(let problem): #expect(problem.message.text.contains(reason), "\(problem.message.text)")
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
