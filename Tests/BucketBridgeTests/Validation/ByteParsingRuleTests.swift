import Testing
@testable import BucketBridge

/// The byte-level readers of ARNs and KMS key ids accept exactly what the earlier readers
/// (split into parts, checked scalar by scalar) accepted: each case is compared with a copy
/// of those readers.
struct ByteParsingRuleTests {
    /// The earlier ARN reader: split at the first five colon bytes.
    private func referenceARN(_ text: String) -> [String]? {
        guard text.hasPrefix("arn:") else { return nil }
        let parts = text.utf8.split(separator: UInt8(ascii: ":"), maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return nil }
        return parts.dropFirst().map { String(decoding: $0, as: UTF8.self) }
    }

    /// The earlier key-id check: a UUID of lowercase hex groups 8-4-4-4-12, or `mrk-` and 32 of them.
    private func referenceIsKeyID(_ id: String) -> Bool {
        let isHex = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) }
        if id.hasPrefix("mrk-") {
            let rest = id.dropFirst(4)
            return rest.utf8.count == 32 && rest.unicodeScalars.allSatisfy(isHex)
        }
        let groups = id.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.utf8.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.unicodeScalars.allSatisfy(isHex) }
    }

    static let arns = [
        "arn:aws:iam::123456789012:role/a", "arn:aws:iam::123456789012:role/a:b:c", "arn:aws:s3:::bucket/key",
        "arn:", "arn:aws", "arn:aws:iam:", "arn:aws:iam::123", "arn:aws:iam::123:", "arn:::::", "arn::::::::",
        "ARN:aws:iam::1:root", "arn:aws:iam::1:root", "arn:aws-cn:sts::1:assumed-role/r/s", "arn:äws:ïam:ü:1:ß/ø",
        "arn:aws:iam::日本:role/データ", "arn:aws:iam::1:role/\u{0}", "arn:\u{301}aws:iam::1:root", "arn:aws:\u{301}iam::1:root", "xarn:aws:iam::1:root",
    ]

    @Test(arguments: arns)
    func arnsSplitAsBefore(_ text: String) {
        let arn = ARN(text)
        let expected = referenceARN(text)
        #expect((arn.map { [$0.partition, $0.service, $0.region, $0.account, $0.resource] }) == expected)
    }

    static let keyIDs = [
        "1234abcd-12ab-34cd-56ef-1234567890ab", "1234ABCD-12ab-34cd-56ef-1234567890ab", "1234abcd-12ab-34cd-56ef-1234567890a",
        "1234abcd-12ab-34cd-56ef-1234567890abc", "-1234abcd-12ab-34cd-56ef-1234567890ab", "1234abcd-12ab-34cd-56ef-1234567890ab-",
        "1234abcd12ab-34cd-56ef-1234567890ab-", "1234abcd-12ab-34cd-56ef-12345678-0ab", "1234abcg-12ab-34cd-56ef-1234567890ab",
        "1234abcd-12ab-34cd-56ef-1234567890a١", "1234abcd-12ab-34cd-56ef-1234567890ａ", "mrk-1234abcd12ab34cd56ef1234567890ab",
        "mrk-1234abcd12ab34cd56ef1234567890a", "mrk-1234abcd12ab34cd56ef1234567890abc", "mrk-1234ABCD12ab34cd56ef1234567890ab",
        "mrk-1234abcd12ab34cd56ef1234567890é", "mrk-", "", "nothex", "1234abcd-12ab-34cd-56ef-1234567890a\u{301}",
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
    ]

    @Test(arguments: keyIDs)
    func keyIDsCheckedAsBefore(_ id: String) {
        let arn = "arn:aws:kms:us-east-1:666666666666:key/" + id
        let accepted = BucketLocationRules.kmsKeyProblems(arn, partition: .aws, region: nil).problems.isEmpty
        #expect(accepted == referenceIsKeyID(id))
    }
}
