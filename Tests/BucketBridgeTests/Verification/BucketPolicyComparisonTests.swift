import Testing
@testable import BucketBridge

/// Bucket policies: unrelated statements, Deny statements that block, the TLS deny.
struct BucketPolicyComparisonTests {
    /// A bucket-policy grant to a vendor user, TLS required.
    static let spec = specJSON([
        "grant": #""bucket-policy""#, "access": #""write""#, "prefix": #""drop/""#, "requireTls": "true",
        "trustedPrincipals": #"["arn:aws:iam::280772890673:user/vendor"]"#,
    ], removing: ["externalId", "role"])

    static let grant = """
        {"Sid": "Vendor", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::280772890673:user/vendor"},
         "Action": "s3:PutObject", "Resource": "arn:aws:s3:::acme-data/drop/*"}
        """
    static let tlsDeny = """
        {"Effect": "Deny", "Principal": "*", "Action": "s3:*",
         "Resource": ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
        """

    func findings(_ statements: [String], spec: String = spec) throws -> [VerificationFinding] {
        let text = #"{"Version": "2012-10-17", "Statement": ["# + statements.joined(separator: ",\n") + "]}"
        let (findings, diagnostics) = try verifyFindings(text, kind: .bucketPolicy, spec: spec)
        #expect(!diagnostics.hasErrors, "\(errorLines(diagnostics))")
        return findings
    }

    @Test func theTLSDenyDoesNotBlockTLSRequests() throws {
        let found = try findings([Self.grant, Self.tlsDeny])
        #expect(found.isEmpty, "\(found.map(\.diagnostic.description))")
    }

    @Test func unrelatedStatementsAreNotFindings() throws {
        let otherPrincipal = """
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:role/analytics"},
             "Action": ["s3:GetObject", "s3:DeleteObject"], "Resource": "arn:aws:s3:::acme-data/*"}
            """
        let otherDeny = """
            {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::999999999999:role/analytics"}, "Action": "s3:*", "Resource": "arn:aws:s3:::acme-data/drop/*"}
            """
        let publicElsewhere = """
            {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-data/public/*"}
            """
        let found = try findings([otherPrincipal, Self.grant, otherDeny, Self.tlsDeny, publicElsewhere])
        #expect(found.isEmpty, "\(found.map(\.diagnostic.description))")
    }

    @Test func aDenyThatHitsTheAccessBlocksIt() throws {
        let deny = """
            {"Sid": "NoUploads", "Effect": "Deny", "Principal": "*", "Action": "s3:Put*", "Resource": "arn:aws:s3:::acme-data/*"}
            """
        let found = try findings([Self.grant, Self.tlsDeny, deny])
        #expect(found.map(\.kind) == [.blocked], "\(found.map(\.diagnostic.description))")
        #expect(found.first?.value == "NoUploads")
        #expect(found.first?.uncertain == false)
        #expect(found.first?.diagnostic.severity == .error)

        let notPrincipal = """
            {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::666666666666:root"}, "Action": "s3:*", "Resource": "arn:aws:s3:::acme-data/*"}
            """
        #expect(try findings([Self.grant, Self.tlsDeny, notPrincipal]).map(\.kind) == [.blocked])
    }

    @Test func aDenyOnAKeyBucketbridgeCannotKnowMayBlock() throws {
        let deny = """
            {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::acme-data/*",
             "Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}
            """
        let found = try findings([Self.grant, Self.tlsDeny, deny])
        #expect(found.map(\.kind) == [.blocked])
        #expect(found.first?.uncertain == true)
        #expect(found.first?.diagnostic.severity == .warning)
        #expect(found.first?.message.contains("aws:SourceIp") == true)
    }

    @Test func aDenyExceptTheGranteeDoesNotBlock() throws {
        let deny = """
            {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::acme-data/*",
             "Condition": {"StringNotEquals": {"aws:PrincipalArn": "arn:aws:iam::280772890673:user/vendor"}}}
            """
        #expect(try findings([Self.grant, Self.tlsDeny, deny]).isEmpty)
    }

    @Test func aMissingTLSDenyIsBroader() throws {
        let found = try findings([Self.grant])
        #expect(found.map(\.kind) == [.broader])
        #expect(found.first?.message.contains("does not deny requests without TLS") == true)
    }

    @Test func aGrantOnTheWholeBucketIsBroader() throws {
        let wide = Self.grant.replacingOccurrences(of: "acme-data/drop/*", with: "acme-data/*")
        let found = try findings([wide, Self.tlsDeny])
        #expect(found.map(\.kind) == [.broader], "\(found.map(\.diagnostic.description))")
        #expect(found.first?.value == "arn:aws:s3:::acme-data/*")
    }

    @Test func aMissingGrantIsReported() throws {
        let found = try findings([Self.tlsDeny])
        #expect(found.map(\.kind) == [.missing])
        #expect(found.first?.message.contains("no statement of the bucket policy grants it") == true)
    }

    @Test func theRoleOfARoleGrantIsBlockedByABucketPolicyDeny() throws {
        let spec = specJSON(["access": #""read""#])
        let deny = #"{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::666666666666:role/VendorAccess"}, "Action": "s3:GetObject", "Resource": "*"}"#
        let found = try findings([deny], spec: spec)
        #expect(found.map(\.kind) == [.blocked], "\(found.map(\.diagnostic.description))")
        #expect(found.first?.message.contains("s3:GetObject on arn:aws:s3:::acme-data/*") == true)
    }

    @Test func aRoleGrantsBucketPolicyMayRepeatTheRolesPermissionsButNoMore() throws {
        let spec = specJSON(["access": #""read""#])
        let role = "arn:aws:iam::666666666666:role/VendorAccess"
        let repeated = """
            {"Effect": "Allow", "Principal": {"AWS": "\(role)"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-data/*"}
            """
        #expect(try findings([repeated], spec: spec).isEmpty)
        let everything = repeated.replacingOccurrences(of: "s3:GetObject", with: "s3:*")
        let found = try findings([everything], spec: spec)
        #expect(found.map(\.kind) == [.broader], "\(found.map(\.diagnostic.description))")
        #expect(found.first?.value == "s3:*")
    }
}

extension BucketPolicyComparisonTests {
    @Test func theCustomersOwnAccountRootDoesNotGrantTheRoleAnything() throws {
        let spec = specJSON(["access": #""read""#])
        let ownAccount = """
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::666666666666:root"}, "Action": "s3:*", "Resource": "arn:aws:s3:::acme-data/*"}
            """
        #expect(try findings([ownAccount], spec: spec).isEmpty)
        // A deny for the account reaches the role, though.
        let denied = ownAccount.replacingOccurrences(of: "\"Allow\"", with: "\"Deny\"")
        #expect(try findings([denied], spec: spec).map(\.kind) == [.blocked])
    }
}
