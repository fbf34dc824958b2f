import Testing
@testable import BucketBridge

/// The comparison on hand-made documents: each finding kind, and variations that mean the same.
struct PolicyComparisonTests {
    /// A read-write role grant on `acme-data` under `exports/`.
    static let spec = specJSON([
        "prefix": #""exports/""#, "access": #""read-write""#,
        "trustedPrincipals": #"["arn:aws:iam::280772890673:role/vendor", "arn:aws:iam::280772890673:role/vendor-qa"]"#,
    ])

    static let trust = """
        {"Version": "2012-10-17", "Statement": [{"Sid": "VendorAssumeRole", "Effect": "Allow",
          "Principal": {"AWS": ["arn:aws:iam::280772890673:role/vendor", "arn:aws:iam::280772890673:role/vendor-qa"]},
          "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "ext-1234"}}}]}
        """

    static let permissions = """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "ListPrefix", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-data",
           "Condition": {"StringLike": {"s3:prefix": "exports/*"}}},
          {"Sid": "ObjectActions", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::acme-data/exports/*"}]}
        """

    func findings(_ text: String, _ kind: PolicyKind, spec: String = spec) throws -> [VerificationFinding] {
        let (findings, diagnostics) = try verifyFindings(text, kind: kind, spec: spec)
        #expect(!diagnostics.hasErrors, "\(errorLines(diagnostics))")
        return findings
    }

    func describe(_ findings: [VerificationFinding]) -> String {
        findings.map(\.diagnostic.description).joined(separator: "\n")
    }

    @Test func theBuiltDocumentsHaveNoFindings() throws {
        #expect(try findings(Self.trust, .trust).isEmpty)
        #expect(try findings(Self.permissions, .permissions).isEmpty)
    }

    @Test func variationsThatMeanTheSameHaveNoFindings() throws {
        // Statements and lists reordered, single strings as lists, other Sids, no Version,
        // action names in another case, a statement split in two.
        let permissions = """
            {"Statement": [
              {"Effect": "Allow", "Resource": ["arn:aws:s3:::acme-data/exports/*"], "Action": ["S3:PUTOBJECT"]},
              {"Sid": "Other", "Effect": "Allow", "Action": ["s3:getobject"], "Resource": "arn:aws:s3:::acme-data/exports/*"},
              {"Condition": {"StringLike": {"s3:prefix": ["exports/*"]}}, "Resource": ["arn:aws:s3:::acme-data"], "Action": "s3:ListBucket", "Effect": "Allow"}]}
            """
        let found = try findings(permissions, .permissions)
        #expect(found.isEmpty, "\(describe(found))")
        let trust = """
            {"Statement": {"Effect": "Allow", "Action": ["sts:assumerole"],
              "Principal": {"AWS": ["arn:aws:iam::280772890673:role/vendor-qa", "arn:aws:iam::280772890673:role/vendor"]},
              "Condition": {"StringEquals": {"sts:externalid": ["ext-1234"]}}}}
            """
        let trustFound = try findings(trust, .trust)
        #expect(trustFound.isEmpty, "\(describe(trustFound))")
    }

    @Test func accountIDAndRootARNAreTheSamePrincipal() throws {
        let spec = specJSON(["trustedPrincipals": #"["280772890673"]"#])
        let trust = """
            {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "280772890673"}, "Action": "sts:AssumeRole",
              "Condition": {"StringEquals": {"sts:ExternalId": "ext-1234"}}}]}
            """
        #expect(try findings(trust, .trust, spec: spec).isEmpty)
        let rootARN = trust.replacingOccurrences(of: "\"280772890673\"", with: "\"arn:aws:iam::280772890673:root\"")
        #expect(try findings(rootARN, .trust, spec: spec).isEmpty)
    }

    @Test func aMissingPrincipalIsReported() throws {
        let trust = Self.trust.replacingOccurrences(of: ", \"arn:aws:iam::280772890673:role/vendor-qa\"", with: "")
        let found = try findings(trust, .trust)
        #expect(found.count == 1, "\(describe(found))")
        #expect(found.first?.kind == .missing)
        #expect(found.first?.value == "arn:aws:iam::280772890673:role/vendor-qa")
        #expect(found.first?.origin?.path.description == "Statement[0].Principal")
    }

    @Test func aWrongExternalIDIsReportedAtItsValue() throws {
        let trust = Self.trust.replacingOccurrences(of: "\"ext-1234\"", with: "\"ext-9999\"")
        let found = try findings(trust, .trust)
        #expect(found.count == 1, "\(describe(found))")
        let finding = try #require(found.first)
        #expect(finding.kind == .missing)
        #expect(finding.value == "ext-9999")
        #expect(finding.message.contains("is the external ID in the trust policy; the vendor expects \"ext-1234\""))
        #expect(finding.origin?.path.description == #"Statement[0].Condition.StringEquals["sts:ExternalId"]"#)
        let expected = try position(of: "\"ext-9999\"", in: trust)
        #expect(finding.origin?.location.line == expected.line && finding.origin?.location.column == expected.column)
    }

    @Test func aMissingActionIsReported() throws {
        let permissions = Self.permissions.replacingOccurrences(of: "[\"s3:GetObject\", \"s3:PutObject\"]", with: "\"s3:GetObject\"")
        let found = try findings(permissions, .permissions)
        #expect(found.map(\.kind) == [.missing], "\(describe(found))")
        #expect(found.first?.value == "s3:PutObject")
    }

    @Test func aMissingResourceIsReported() throws {
        let permissions = Self.permissions.replacingOccurrences(of: "acme-data/exports/*", with: "acme-data/exports/daily/*")
        let found = try findings(permissions, .permissions)
        #expect(found.map(\.kind) == [.missing], "\(describe(found))")
        #expect(found.first?.value == "arn:aws:s3:::acme-data/exports/*")
        #expect(found.first?.message.contains("allows s3:GetObject and s3:PutObject") == true)
        #expect(found.first?.origin?.path.description == "Statement[1].Resource")
    }

    @Test func aMissingOrDifferentPrefixConditionIsReported() throws {
        let other = Self.permissions.replacingOccurrences(of: "\"exports/*\"", with: "\"imports/*\"")
        let found = try findings(other, .permissions)
        #expect(found.map(\.kind) == [.missing], "\(describe(found))")
        #expect(found.first?.value == "imports/*")
        #expect(found.first?.message.contains("the vendor lists under \"exports/*\"") == true)

        let noPrefixSpec = specJSON(["access": #""read""#])
        let limited = """
            {"Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::acme-data",
              "Condition": {"StringLike": {"s3:prefix": "exports/*"}}},
             {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-data/*"}]}
            """
        let limitedFound = try findings(limited, .permissions, spec: noPrefixSpec)
        #expect(limitedFound.map(\.kind) == [.missing], "\(describe(limitedFound))")
    }

    @Test func anExtraPrincipalIsBroader() throws {
        let trust = Self.trust.replacingOccurrences(of: "role/vendor-qa\"", with: "role/vendor-qa\", \"arn:aws:iam::999999999999:root\"")
        let found = try findings(trust, .trust)
        #expect(found.map(\.kind) == [.broader], "\(describe(found))")
        #expect(found.first?.value == "arn:aws:iam::999999999999:root")
        let everyone = Self.trust.replacingOccurrences(of: "\"arn:aws:iam::280772890673:role/vendor\", ", with: "\"*\", ")
        #expect(try findings(everyone, .trust).contains { $0.kind == .broader && $0.message.contains("grants everyone") })
    }

    @Test func aTrustWithoutTheExternalIDIsBroader() throws {
        let trust = Self.trust.replacingOccurrences(of: ", \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"ext-1234\"}}", with: "")
        let found = try findings(trust, .trust)
        #expect(found.map(\.kind) == [.broader], "\(describe(found))")
        #expect(found.first?.message.contains("has no sts:ExternalId condition") == true)
    }

    @Test func wildcardActionsAndResourcesAreBroader() throws {
        let allS3 = Self.permissions.replacingOccurrences(of: "[\"s3:GetObject\", \"s3:PutObject\"]", with: "\"s3:*\"")
        let found = try findings(allS3, .permissions)
        #expect(found.map(\.kind) == [.broader], "\(describe(found))")
        #expect(found.first?.value == "s3:*")
        #expect(found.first?.message.contains("S3 actions the spec does not") == true)

        let everywhere = Self.permissions.replacingOccurrences(of: "\"arn:aws:s3:::acme-data/exports/*\"", with: "\"*\"")
        let everywhereFound = try findings(everywhere, .permissions)
        #expect(everywhereFound.map(\.kind) == [.broader], "\(describe(everywhereFound))")
        #expect(everywhereFound.first?.value == "*")

        let notAction = #"{"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}"#
        #expect(try findings(notAction, .permissions).contains { $0.kind == .broader && $0.message.contains("NotAction") })
    }

    @Test func listingWithoutThePrefixConditionIsBroader() throws {
        let permissions = Self.permissions.replacingOccurrences(of: "{\"StringLike\": {\"s3:prefix\": \"exports/*\"}}", with: "{}")
        #expect(permissions != Self.permissions)
        let found = try findings(permissions, .permissions)
        #expect(found.map(\.kind) == [.broader], "\(describe(found))")
        #expect(found.first?.message.contains("has no s3:prefix condition") == true)
        let wider = Self.permissions.replacingOccurrences(of: "\"exports/*\"", with: "\"*\"")
        #expect(try findings(wider, .permissions).map(\.kind) == [.broader])
    }

    @Test func aDeletedPrincipalIsReported() throws {
        let trust = Self.trust.replacingOccurrences(of: "\"arn:aws:iam::280772890673:role/vendor\"", with: "\"AROARZPUZDIKCEYDYVJJM\"")
        let found = try findings(trust, .trust)
        let deleted = try #require(found.first { $0.kind == .deletedPrincipal })
        #expect(deleted.value == "AROARZPUZDIKCEYDYVJJM")
        #expect(deleted.message.contains("deleted role's unique id") && deleted.message.contains("run the setup again"))
        #expect(found.contains { $0.kind == .missing && $0.value == "arn:aws:iam::280772890673:role/vendor" })
    }
}
