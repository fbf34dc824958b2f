import Testing
@testable import BucketBridge

/// Reading the AWS CLI's output (captured from the real CLI against moto) and bad input.
struct PolicyFileTests {
    static let sequentumSpec = specJSON([
        "bucket": #""acme-data""#, "prefix": #""sequentum/daily/""#, "actions": #"["s3:PutObject", "s3:PutObjectAcl"]"#,
        "trustedPrincipals": #"["arn:aws:iam::280772890673:role/sequentum-upload-qa", "arn:aws:iam::280772890673:role/sequentum-upload-prod"]"#,
        "externalId": #""seq_p8OgYZNm_anQEaOZ8-mMn""#,
    ], removing: ["access"])

    @Test(arguments: [
        ("get-role.json", PolicyKind.trust), ("get-role-url-encoded.json", .trust),
        ("get-role-policy.json", .permissions), ("get-policy-version.json", .permissions),
    ])
    func cliOutputIsRead(file: String, kind: PolicyKind) throws {
        let text = try fixtureText(file)
        let (findings, diagnostics) = try verifyFindings(text, kind: kind, spec: Self.sequentumSpec, file: file)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(findings.isEmpty, "\(findings.map(\.diagnostic.description))")
    }

    @Test func aFindingInGetRoleOutputPointsIntoTheFile() throws {
        let text = try fixtureText("get-role.json").replacingOccurrences(of: "sequentum-upload-prod", with: "sequentum-upload-dev")
        let (findings, _) = try verifyFindings(text, kind: .trust, spec: Self.sequentumSpec, file: "get-role.json")
        let other = try #require(findings.first { $0.kind == .broader })
        #expect(other.origin?.path.description == "Role.AssumeRolePolicyDocument.Statement[0].Principal.AWS[1]")
        let expected = try position(of: "\"arn:aws:iam::280772890673:role/sequentum-upload-dev\"", in: text)
        #expect(other.origin?.location == SourceLocation(file: "get-role.json", line: expected.line, column: expected.column))
    }

    @Test func aFindingInsideTheBucketPolicyStringPointsIntoTheString() throws {
        let spec = specJSON([
            "grant": #""bucket-policy""#, "bucket": #""acme-sequentum-drop""#, "actions": #"["s3:PutObject", "s3:PutObjectAcl"]"#,
            "trustedPrincipals": #"["arn:aws:iam::280772890673:user/sequentum-new"]"#, "requireTls": "true",
        ], removing: ["access", "externalId", "role"])
        let text = try fixtureText("get-bucket-policy.json")
        let (findings, diagnostics) = try verifyFindings(text, kind: .bucketPolicy, spec: spec, file: "get-bucket-policy.json")
        #expect(!diagnostics.hasErrors)
        // The policy's own statement names another user: its grant is missing, and the
        // statement (it carries no Sid of this destination) is another principal's.
        let missing = try #require(findings.first { $0.kind == .missing })
        #expect(missing.value?.contains("sequentum-new") == true)
        // Grant the old user in the spec, and change an action inside the string instead.
        let tampered = text.replacingOccurrences(of: #"\"s3:PutObjectAcl\"\n"#, with: #"\"s3:DeleteObject\"\n"#)
        #expect(tampered != text)
        let oldSpec = spec.replacingOccurrences(of: "sequentum-new", with: "sequentum")
        let second = try verifyFindings(tampered, kind: .bucketPolicy, spec: oldSpec, file: "get-bucket-policy.json").findings
        let extra = try #require(second.first { $0.kind == .broader })
        #expect(extra.value == "s3:DeleteObject")
        #expect(extra.origin?.path.description == "Policy.Statement[0].Action[1]")
        let expected = try position(of: #"\"s3:DeleteObject\""#, in: tampered)
        #expect(extra.origin?.location == SourceLocation(file: "get-bucket-policy.json", line: expected.line, column: expected.column))
        #expect(second.contains { $0.kind == .missing && $0.value == "s3:PutObjectAcl" })
    }

    @Test func aFindingInURLEncodedTextPointsAtTheEncodedCharacters() throws {
        let text = try fixtureText("get-role-url-encoded.json").replacingOccurrences(of: "seq_p8OgYZNm_anQEaOZ8-mMn", with: "seq_WRONG")
        let (findings, _) = try verifyFindings(text, kind: .trust, spec: Self.sequentumSpec, file: "encoded.json")
        let wrong = try #require(findings.first)
        #expect(wrong.value == "seq_WRONG")
        // The value's opening quote is `%22` right before the text.
        let expected = try position(of: "%22seq_WRONG", in: text)
        #expect(wrong.origin?.location.line == expected.line && wrong.origin?.location.column == expected.column)
    }

    @Test func theWrongCommandsOutputIsADiagnostic() throws {
        let text = try fixtureText("get-role.json")
        let (findings, diagnostics) = try verifyFindings(text, kind: .permissions, spec: Self.sequentumSpec)
        #expect(findings.isEmpty)
        #expect(errorLines(diagnostics) == [
            "policy.json:1:1: error: \"aws iam get-role\" output holds the trust policy, but --permissions needs the permissions policy"
        ])
    }

    @Test(arguments: [
        ("{\"Statement\": [", "invalid JSON"),
        ("[1, 2]", "not a policy document"),
        ("{\"Statement\": 3}", "must be a statement object"),
        ("{\"Statement\": [{\"Action\": \"s3:GetObject\"}]}", "has no Effect"),
        ("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": 7}]}", "must be a string"),
        ("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"x\", \"NotAction\": \"y\"}]}", "set together"),
        ("{\"Policy\": \"{\\\"Statement\\\": [\"}", "not a readable policy document"),
        ("{\"Policy\": {\"PolicyName\": \"x\"}}", "aws iam get-policy-version"),
        ("{\"Hello\": 1}", "neither a policy document"),
        ("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}", "has no Principal or NotPrincipal"),
        ("\"%7B%22Statement%22%3A%20%5B%5D%7D\"", ""),
    ])
    func badInputIsADiagnosticNotACrash(text: String, expected: String) throws {
        let (_, diagnostics) = try verifyFindings(text, kind: .bucketPolicy, spec: Self.sequentumSpec)
        if expected.isEmpty {
            #expect(!diagnostics.hasErrors, "\(errorLines(diagnostics))")
        } else {
            #expect(errorLines(diagnostics).contains { $0.contains(expected) }, "\(errorLines(diagnostics))")
            #expect(diagnostics.allSatisfy { $0.location?.line ?? 0 >= 1 })
        }
    }
}
