import Foundation
import Testing
@testable import BucketBridge

/// `bucketbridge verify`: exit codes, and every example verifying clean against its own render.
struct VerifyCommandTests {
    @Test func everyExampleVerifiesCleanAgainstItsRenderedDocuments() throws {
        let out = try renderIntoTemporaryFolder(try exampleSpecPaths())
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        var verified = 0
        for folder in try destinationFolders(in: out) {
            var arguments = ["verify"] + (try exampleSpecPaths()) + ["--destination", (folder as NSString).lastPathComponent]
            for kind in PolicyKind.allCases {
                let name = kind == .bucketPolicy ? "bucket-policy" : "\(kind.rawValue)-policy"
                let path = "\(folder)/iam/\(name).json"
                if FileManager.default.fileExists(atPath: path) { arguments += [kind.option, path] }
            }
            let result = run(arguments)
            #expect(result.status == 0, "\(folder): \(result.errors)")
            #expect(result.output.hasPrefix("ok: the documents grant exactly what destination"))
            verified += 1
        }
        #expect(verified >= 7)
    }

    @Test func theCapturedCLIOutputVerifiesClean() throws {
        // The spec is frozen beside the captured output, so that changing examples/ does not
        // turn this test of the CLI's output shapes into a test of the examples.
        let result = run([
            "verify", verifyFixtures + "/globex-curated-spec.json",
            "--trust", verifyFixtures + "/get-role-curated.json",
            "--permissions", verifyFixtures + "/get-role-policy-curated.json",
            "--bucket-policy", verifyFixtures + "/get-bucket-policy-curated.json",
        ])
        #expect(result.status == 0, "\(result.errors)")
    }

    @Test func differencesExitOne() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFile(folder + "/spec.json", specJSON())
        try writeFile(folder + "/trust.json", """
            {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::280772890673:role/vendor"},
              "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "wrong"}}}]}
            """)
        let result = run(["verify", folder + "/spec.json", "--trust", folder + "/trust.json"])
        #expect(result.status == 1)
        #expect(result.errors.contains(#"trust.json:2:80: error: Statement[0].Condition.StringEquals["sts:ExternalId"]: "wrong" missing: is the external ID in the trust policy; the vendor expects "ext-1234""#), "\(result.errors)")
        #expect(result.errors.hasSuffix("bucketbridge: 1 difference from destination acme\n"))
        #expect(result.output.isEmpty)

        let json = run(["verify", folder + "/spec.json", "--trust", folder + "/trust.json", "--format", "json"])
        #expect(json.status == 1)
        let parsed = try #require(parseJSONValue(json.output), "\(json.output)")
        guard case .array(let entries) = parsed, entries.count == 1 else { throw TestFailure("expected one diagnostic: \(json.output)") }
        #expect(entries[0]["rule"] == "BB952")
        #expect(entries[0]["value"] == "wrong")
        #expect(entries[0]["line"] == 2 && entries[0]["column"] == 80)
        #expect(entries[0]["path"] == #"Statement[0].Condition.StringEquals["sts:ExternalId"]"#)

        let help = run(["verify", "--help"])
        #expect(help.status == 0 && help.output.contains("--bucket-policy FILE"))

        try writeFile(folder + "/invalid-spec.json", specJSON(["bucket": #""Example_Bucket""#]))
        let invalidSpec = run(["verify", folder + "/invalid-spec.json", "--trust", folder + "/trust.json"])
        #expect(invalidSpec.status == 1)
        #expect(invalidSpec.errors.contains("is not a valid S3 bucket name"), "\(invalidSpec.errors)")

        try writeFile(folder + "/broken.json", "{\"Statement\": [}")
        let broken = run(["verify", folder + "/spec.json", "--trust", folder + "/broken.json"])
        #expect(broken.status == 1)
        #expect(broken.errors.contains("broken.json:1:16: error: invalid JSON"), "\(broken.errors)")
    }

    @Test func usageErrorsExitTwo() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFile(folder + "/spec.json", specJSON())
        try writeFile(folder + "/two.json", #"{"version": 1, "destinations": ["# + destinationJSON() + ", "
            + destinationJSON(["name": #""second""#]) + "]}")
        try writeFile(folder + "/policy.json", #"{"Statement": []}"#)
        let bucketGrant = specJSON(["grant": #""bucket-policy""#], removing: ["externalId", "role"])
        try writeFile(folder + "/bucket-grant.json", bucketGrant)
        let cases: [([String], String)] = [
            (["verify", folder + "/spec.json"], "verify needs at least one document"),
            (["verify", "--trust", folder + "/policy.json"], "verify needs at least one SPEC"),
            (["verify", folder + "/spec.json", "--trust", folder + "/missing.json"], "missing.json: no such file"),
            (["verify", folder + "/spec.json", "--destination", "acmee", "--trust", folder + "/policy.json"], "did you mean \"acme\"?"),
            (["verify", folder + "/two.json", "--trust", folder + "/policy.json"], "choose one with --destination"),
            (["verify", folder + "/bucket-grant.json", "--trust", folder + "/policy.json"], "has no trust policy"),
            (["verify", folder + "/spec.json", "--trust", folder + "/policy.json", "--trust", folder + "/policy.json"], "more than once"),
        ]
        for (arguments, message) in cases {
            let result = run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.errors.contains(message), "\(arguments): \(result.errors)")
        }
    }

    @Test func placeholdersMustBeSetAndThenTheSeedsPolicyDiffersOnlyInKMSEncrypt() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Cisco SEA's documentation page as a spec with placeholders (as examples/docs has it).
        let spec = folder + "/cisco-sea.json"
        try writeFile(spec, """
            {"version": 1,
             "placeholders": {"SEA_GATEWAY_ROLE": "the SEA gateway role", "EXTERNAL_ID": "the external ID", "BUCKET": "the bucket",
                              "ACCOUNT_ID": "your account", "KEY_ID": "the KMS key id", "ROLE_SUFFIX": "the role name's end"},
             "destinations": [{"name": "cisco-sea-docs", "bucket": "<BUCKET>", "region": "us-west-2",
               "actions": ["s3:ListBucket", "s3:GetObject", "s3:GetObjectTagging", "s3:PutObject"],
               "kmsKeyArn": "arn:aws:kms:us-west-2:<ACCOUNT_ID>:key/<KEY_ID>", "trustedPrincipals": ["<SEA_GATEWAY_ROLE>"],
               "externalId": "<EXTERNAL_ID>",
               "role": {"name": "SEA_ext_access_<ROLE_SUFFIX>", "namePrefix": "SEA_ext_access_", "accountId": "<ACCOUNT_ID>"}}]}
            """)
        let seedPolicy = SeedPolicyTests.ciscoPermissions.replacingOccurrences(of: "us-east-1", with: "us-west-2")
        try writeFile(folder + "/permissions.json", seedPolicy)
        let unset = run(["verify", spec, "--permissions", folder + "/permissions.json"])
        #expect(unset.status == 2)
        #expect(unset.errors.contains("set BUCKET, SEA_GATEWAY_ROLE, EXTERNAL_ID, ACCOUNT_ID, KEY_ID and ROLE_SUFFIX with --set NAME=VALUE"), "\(unset.errors)")

        let settings = [
            "SEA_GATEWAY_ROLE=arn:aws:iam::111122223333:role/sea-gateway", "EXTERNAL_ID=sea-1234", "BUCKET=acme-data",
            "ACCOUNT_ID=666666666666", "KEY_ID=1234abcd-12ab-34cd-56ef-1234567890ab", "ROLE_SUFFIX=acme",
        ].flatMap { ["--set", $0] }
        let result = run(["verify", spec, "--permissions", folder + "/permissions.json"] + settings)
        // The seed's statement lists every S3 action on the bucket and on bucket/*: S3 only
        // authorises each action against one of the two, so that grants exactly the spec's
        // access. Only the KMS statement's kms:Encrypt is more than the access needs.
        #expect(result.status == 1)
        let findings = result.errors.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(findings.count == 1, "\(result.errors)")
        #expect(findings.first?.contains(#"Statement[1].Action[0]: "kms:Encrypt" broader than the spec"#) == true, "\(result.errors)")
    }
}
