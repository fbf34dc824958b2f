import Foundation
import Testing

@testable import BucketBridge

/// `sidPrefix` and `kmsActions` in the rendered IAM JSON, parsed back, and in the words of the
/// access summary.
struct VendorRequirementsTests {
    static let key = "arn:aws:kms:us-west-2:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab"

    func destination(_ fields: [String: String], removing removed: Set<String> = []) throws -> Destination {
        let (destinations, diagnostics) = validate(specJSON(fields, removing: removed))
        #expect(!diagnostics.hasErrors, "\(errorLines(diagnostics))")
        return try #require(destinations.first)
    }

    /// The rendered IAM JSON files of a destination, parsed back, by path.
    func renderedDocuments(_ destination: Destination) throws -> [String: JSONValue] {
        var documents: [String: JSONValue] = [:]
        for file in renderIAMJSON(buildPolicies(for: destination)) {
            documents[file.path] = try #require(parseJSONValue(String(decoding: file.contents, as: UTF8.self)))
        }
        return documents
    }

    func statements(_ document: JSONValue?) -> [JSONValue] {
        guard case .array(let statements)? = document?["Statement"] else { return [] }
        return statements
    }

    func strings(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let text)?: [text]
        case .array(let elements)?: elements.compactMap { if case .string(let text) = $0 { text } else { nil } }
        default: []
        }
    }

    /// Sequentum's bucket-policy route (seed 002) with `sidPrefix: "AllowSequentum"`: every
    /// bucket-policy Sid, the TLS deny's included, starts with the prefix.
    @Test func sidPrefixNamesEveryBucketPolicyStatement() throws {
        let sequentum = try destination([
            "name": #""acme-sequentum""#, "grant": #""bucket-policy""#, "requireTls": "true", "sidPrefix": #""AllowSequentum""#,
            "actions": #"["s3:PutObjectAcl", "s3:PutObject", "s3:ListBucket", "s3:GetBucketLocation"]"#,
            "trustedPrincipals": #"["arn:aws:iam::280772890673:user/sequentum"]"#,
        ], removing: ["access", "externalId", "role"])
        let bucketPolicy = try #require(try renderedDocuments(sequentum)[IAMFile.bucket])
        let sids = statements(bucketPolicy).map { strings($0["Sid"]).first ?? "" }
        #expect(sids == ["AllowSequentumListPrefix", "AllowSequentumBucketActions", "AllowSequentumObjectActions", "AllowSequentumDenyInsecureTransport"])
        let objects = try #require(statements(bucketPolicy).first { $0["Sid"] == "AllowSequentumObjectActions" })
        #expect(Set(strings(objects["Action"])) == ["s3:PutObject", "s3:PutObjectAcl"])
        #expect(strings(objects["Principal"]?["AWS"]) == ["arn:aws:iam::280772890673:user/sequentum"])
        #expect(evaluate(bucketPolicy, Request(principal: "arn:aws:iam::280772890673:user/sequentum", action: "s3:PutObject", resource: "arn:aws:s3:::acme-data/x.csv")) == .allow)

        // setup.sh replaces the prefixed Sids and those an earlier render wrote under the default stem.
        let owned = ownedBucketSids(sequentum)
        #expect(owned.filter { $0.hasPrefix("AllowSequentum") }.count == StatementID.bucketPolicyStatements.count)
        #expect(owned.filter { $0.hasPrefix("BucketBridgeAcmeSequentum") }.count == StatementID.bucketPolicyStatements.count)
        #expect(Set(sids).isSubset(of: Set(owned)))
    }

    /// Without a prefix the Sids keep the default stem, and only those are owned.
    @Test func withoutSidPrefixTheDefaultStemStays() throws {
        let plain = try destination(["name": #""acme-export""#, "grant": #""bucket-policy""#], removing: ["externalId", "role"])
        let sids = statements(try renderedDocuments(plain)[IAMFile.bucket]).map { strings($0["Sid"]).first ?? "" }
        #expect(sids == ["BucketBridgeAcmeExportListPrefix", "BucketBridgeAcmeExportObjectActions"])
        #expect(ownedBucketSids(plain) == StatementID.bucketPolicyStatements.map { "BucketBridgeAcmeExport" + $0 })
    }

    /// The role's bucket-policy statements and the permissions policy: only the bucket policy's
    /// Sids change.
    @Test func sidPrefixLeavesTheRolesPoliciesAlone() throws {
        let both = try destination(["grant": #""role-and-bucket-policy""#, "sidPrefix": #""Vendor1""#])
        let documents = try renderedDocuments(both)
        #expect(statements(documents[IAMFile.bucket]).allSatisfy { strings($0["Sid"]).first?.hasPrefix("Vendor1") == true })
        #expect(statements(documents[IAMFile.permissions]).map { strings($0["Sid"]).first ?? "" } == ["ListPrefix", "ObjectActions"])
        #expect(statements(documents[IAMFile.trust]).map { strings($0["Sid"]).first ?? "" } == ["VendorAssumeRole"])
    }

    /// Cisco SEA asks for `kms:Encrypt`: the KMS statement holds what the access needs, then
    /// that, on the key only.
    @Test func kmsActionsJoinTheKMSStatementOnTheKeyOnly() throws {
        let sea = try destination([
            "vendor": #""Cisco SEA""#, "region": #""us-west-2""#, "access": #""read-write""#, "kmsKeyArn": "\"\(Self.key)\"", "kmsActions": #"["kms:Encrypt"]"#,
        ])
        #expect(sea.extraKMSActions == ["kms:Encrypt"])
        let permissions = try #require(try renderedDocuments(sea)[IAMFile.permissions])
        let kms = try #require(statements(permissions).first { $0["Sid"] == "KmsKeyUse" })
        #expect(strings(kms["Action"]) == ["kms:Decrypt", "kms:GenerateDataKey", "kms:Encrypt"])
        #expect(strings(kms["Resource"]) == [Self.key])
        let otherKey = "arn:aws:kms:us-west-2:666666666666:key/ffffffff-ffff-ffff-ffff-ffffffffffff"
        for action in ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"] {
            #expect(evaluate(permissions, Request(action: action, resource: Self.key)) == .allow, "\(action)")
            #expect(evaluate(permissions, Request(action: action, resource: otherKey)) == .implicitDeny, "\(action)")
        }
        for action in ["kms:ReEncryptFrom", "kms:ScheduleKeyDeletion", "kms:CreateGrant"] {
            #expect(evaluate(permissions, Request(action: action, resource: Self.key)) == .implicitDeny, "\(action)")
        }

        let summary = summarizeAccess(of: sea, policies: buildPolicies(for: sea))
        let capability = try #require(summary.capabilities.first { $0.kind == .useKMSKey })
        #expect(capability.phrase.plainText
            == "use the KMS key \(Self.key) for kms:Decrypt and kms:GenerateDataKey (what the S3 access needs) and kms:Encrypt (which Cisco SEA asks for) only")
        #expect(capability.phrase.segments.contains(.code("kms:Encrypt")))
        #expect(capability.probes.contains { $0.action == "kms:Encrypt" && $0.resource == Self.key })
        let otherKeys = try #require(summary.limits.first { $0.kind == .otherKMSKeys })
        #expect(otherKeys.probes.contains { $0.action == "kms:Encrypt" })
    }

    /// Only extra actions: the statement holds them alone, and the sentence says who asked.
    @Test func kmsActionsWithoutNeededOnes() throws {
        let listOnly = try destination([
            "actions": #"["s3:ListBucket"]"#, "kmsKeyArn": #""arn:aws:kms:us-east-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab""#,
            "kmsActions": #"["kms:DescribeKey"]"#,
        ], removing: ["access"])
        let permissions = try #require(try renderedDocuments(listOnly)[IAMFile.permissions])
        #expect(strings(statements(permissions).first { $0["Sid"] == "KmsKeyUse" }?["Action"]) == ["kms:DescribeKey"])
        let capability = summarizeAccess(of: listOnly, policies: buildPolicies(for: listOnly)).capabilities.first { $0.kind == .useKMSKey }
        #expect(capability?.phrase.plainText.hasSuffix("for kms:DescribeKey (which the vendor asks for) only") == true, "\(capability?.phrase.plainText ?? "")")
    }

    /// Without `kmsActions` the sentence is the one it always was.
    @Test func withoutKMSActionsTheSentenceIsUnchanged() throws {
        let reader = try destination(["kmsKeyArn": #""arn:aws:kms:us-east-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab""#])
        let capability = summarizeAccess(of: reader, policies: buildPolicies(for: reader)).capabilities.first { $0.kind == .useKMSKey }
        #expect(capability?.phrase.plainText == "use the KMS key arn:aws:kms:us-east-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab for kms:Decrypt only")
    }

    /// The bucket-policy route cannot grant a key: its note asks the key policy for the extra
    /// actions too, saying which the access needs and which the vendor asked for.
    @Test func theKeyPolicyNoteNamesTheVendorsActions() throws {
        let direct = try destination([
            "vendor": #""Cisco SEA""#, "grant": #""bucket-policy""#, "access": #""write""#,
            "kmsKeyArn": #""arn:aws:kms:us-east-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab""#, "kmsActions": #"["kms:Encrypt"]"#,
        ], removing: ["externalId", "role"])
        let policies = buildPolicies(for: direct)
        #expect(policies.permissions == nil)
        #expect(!statements(policies.bucket?.jsonValue).flatMap { strings($0["Action"]) }.contains { $0.hasPrefix("kms:") })
        let note = try #require(summarizeAccess(of: direct, policies: policies).notes.first { $0.kind == .kmsKeyPolicyNeeded })
        #expect(note.phrase.plainText.contains(
            "once the key's own policy allows the principals above kms:Decrypt and kms:GenerateDataKey (what the S3 access needs) and kms:Encrypt (which Cisco SEA asks for), and nothing else, and Cisco SEA's own IAM policies allow the same on the key."),
            "\(note.phrase.plainText)")
    }
}
