import Testing
@testable import BucketBridge

/// The vendors' own example policies (shared/seeds) verified against specs that ask for less.
struct SeedPolicyTests {
    /// Cisco SEA's example permissions policy (seed 004): S3 actions on the bucket and
    /// `bucket/*` in one statement, no prefix, and `kms:Encrypt` on the key.
    static let ciscoPermissions = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "S3Access",
              "Effect": "Allow",
              "Action": [
                "s3:GetObject",
                "s3:GetObjectTagging",
                "s3:ListBucket",
                "s3:PutObject"
              ],
              "Resource": [
                "arn:aws:s3:::acme-data",
                "arn:aws:s3:::acme-data/*"
              ]
            },
            {
              "Sid": "KmsAccess",
              "Effect": "Allow",
              "Action": [
                "kms:Encrypt",
                "kms:Decrypt",
                "kms:GenerateDataKey"
              ],
              "Resource": "arn:aws:kms:us-east-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab"
            }
          ]
        }
        """

    @Test func ciscoSEAsPolicyIsBroaderThanASpecWithAPrefix() throws {
        let spec = specJSON([
            "prefix": #""sea/recordings/""#, "access": #""read-write""#,
            "kmsKeyArn": #""arn:aws:kms:us-east-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab""#,
        ])
        let (findings, diagnostics) = try verifyFindings(Self.ciscoPermissions, kind: .permissions, spec: spec)
        #expect(!diagnostics.hasErrors)
        let lines = findings.map(\.diagnostic.description)
        #expect(!findings.isEmpty && findings.allSatisfy { $0.kind == .broader }, "\(lines)")
        // Listing the whole bucket, objects outside the prefix, and the extra actions.
        #expect(findings.contains { $0.message.contains("has no s3:prefix condition") })
        #expect(findings.contains { $0.value == "arn:aws:s3:::acme-data/*" && $0.message.contains("s3:GetObject and s3:PutObject") })
        #expect(findings.contains { $0.value == "s3:GetObjectTagging" })
        #expect(findings.contains { $0.value == "kms:Encrypt" })
        // Its positions are the seed's lines.
        let tagging = try #require(findings.first { $0.value == "s3:GetObjectTagging" })
        let expected = try position(of: "\"s3:GetObjectTagging\"", in: Self.ciscoPermissions)
        #expect(tagging.origin?.location.line == expected.line && tagging.origin?.location.column == expected.column)
    }

    @Test func sequentumsExamplesAgainstTheirOwnSpecAndAPrefix() throws {
        // Seed 000's permissions and bucket policy: PutObject and PutObjectAcl on examplebucket/*.
        let permissions = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:PutObject", "s3:PutObjectAcl"],
              "Resource": "arn:aws:s3:::examplebucket/*"}]}
            """
        let base: [String: String] = [
            "bucket": #""examplebucket""#, "actions": #"["s3:PutObject", "s3:PutObjectAcl"]"#,
            "trustedPrincipals": #"["arn:aws:iam::280772890673:role/sequentum-upload-qa", "arn:aws:iam::280772890673:role/sequentum-upload-prod"]"#,
            "externalId": #""seq_p8OgYZNm_anQEaOZ8-mMn""#,
        ]
        let whole = try verifyFindings(permissions, kind: .permissions, spec: specJSON(base, removing: ["access"]))
        #expect(whole.findings.isEmpty, "\(whole.findings.map(\.diagnostic.description))")
        var prefixed = base
        prefixed["prefix"] = #""sequentum/daily/""#
        let narrow = try verifyFindings(permissions, kind: .permissions, spec: specJSON(prefixed, removing: ["access"]))
        #expect(narrow.findings.map(\.kind) == [.broader])

        // The seed's trust policy trusts only the QA role: the prod role is missing.
        let trust = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::280772890673:role/sequentum-upload-qa"}, "Action": "sts:AssumeRole",
              "Condition": {"StringEquals": {"sts:ExternalId": "seq_p8OgYZNm_anQEaOZ8-mMn"}}}]}
            """
        let trustFindings = try verifyFindings(trust, kind: .trust, spec: specJSON(base, removing: ["access"])).findings
        #expect(trustFindings.map(\.kind) == [.missing])
        #expect(trustFindings.first?.value == "arn:aws:iam::280772890673:role/sequentum-upload-prod")
    }
}
