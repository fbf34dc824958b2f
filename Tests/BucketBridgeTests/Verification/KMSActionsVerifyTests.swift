import Foundation
import Testing

@testable import BucketBridge

/// Cisco SEA's documented permissions policy (seed 004) asks for `kms:Encrypt` beyond what the
/// access needs: with `kmsActions` the spec says so, and `verify` finds the seed's policy equal.
struct KMSActionsVerifyTests {
    func verifySeed(kmsActions: String?) throws -> CommandResult {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let extra = kmsActions.map { #", "kmsActions": \#($0)"# } ?? ""
        try writeFile(folder + "/spec.json", """
            {"version": 1, "destinations": [{"name": "cisco-sea", "bucket": "acme-data", "region": "us-east-1",
              "actions": ["s3:ListBucket", "s3:GetObject", "s3:GetObjectTagging", "s3:PutObject"],
              "kmsKeyArn": "arn:aws:kms:us-east-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab"\(extra),
              "trustedPrincipals": ["arn:aws:iam::111122223333:role/sea-gateway"], "externalId": "sea-1234",
              "role": {"name": "SEA_ext_access_acme", "accountId": "666666666666"}}]}
            """)
        try writeFile(folder + "/permissions.json", SeedPolicyTests.ciscoPermissions)
        return run(["verify", folder + "/spec.json", "--permissions", folder + "/permissions.json"])
    }

    @Test func theSeedsPolicyMatchesOnceTheSpecAsksForKMSEncrypt() throws {
        let without = try verifySeed(kmsActions: nil)
        #expect(without.status == 1)
        #expect(without.errors.contains(#""kms:Encrypt" broader than the spec"#), "\(without.errors)")

        let with = try verifySeed(kmsActions: #"["kms:Encrypt"]"#)
        #expect(with.status == 0, "\(with.errors)")
    }
}
