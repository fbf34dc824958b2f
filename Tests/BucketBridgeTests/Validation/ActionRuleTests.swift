import Testing
@testable import BucketBridge

struct ActionRuleTests {
    @Test func presets() {
        #expect(AccessPresets.actions(for: .read).map(\.qualifiedName) == ["s3:ListBucket", "s3:GetObject"])
        #expect(AccessPresets.actions(for: .write).map(\.qualifiedName) == ["s3:PutObject"])
        #expect(AccessPresets.actions(for: .readWrite).map(\.qualifiedName) == ["s3:ListBucket", "s3:GetObject", "s3:PutObject"])
    }

    @Test func explicitActionsAreCheckedOneByOne() {
        let (_, diagnostics) = validate(specJSON(
            ["actions": #"["s3:GetObjct", "s3:*", "s3:Get*", "kms:Decrypt", "s3:ListAllMyBuckets", "GetObject"]"#],
            removing: ["access"]))
        let lines = errorLines(diagnostics)
        #expect(lines.contains { $0.contains(#"actions[0]: "s3:GetObjct" is not a known S3 action (did you mean "s3:GetObject""#) })
        #expect(lines.contains { $0.contains(#"actions[1]: "s3:*" is not allowed: wildcards"#) })
        #expect(lines.contains { $0.contains(#"actions[2]: "s3:Get*" is not allowed: wildcards"#) })
        #expect(lines.contains { $0.contains(#"actions[3]: "kms:Decrypt" is not an S3 action"#) && $0.contains("kmsKeyArn") })
        #expect(lines.contains { $0.contains(#"actions[4]: "s3:ListAllMyBuckets" cannot be limited to one bucket"#) })
        #expect(lines.contains { $0.contains(#"actions[5]: "GetObject" is not an S3 action"#) })
    }

    @Test func accessXorActions() {
        let both = validate(specJSON(["actions": #"["s3:GetObject"]"#])).diagnostics
        #expect(errorLines(both).contains { $0.contains("is set together with \"actions\"") })
        let neither = validate(specJSON(removing: ["access"])).diagnostics
        #expect(errorLines(neither).contains { $0.contains("destinations[0].access: is required") })
        let typo = validate(specJSON(["access": #""reed""#])).diagnostics
        #expect(errorLines(typo).contains { $0.contains(#""reed" is not one of "read", "write" or "read-write" (did you mean "read"?)"#) })
    }

    @Test func aDestinationsActionsReplaceTheDefaultAccess() {
        let spec = #"{"version": 1, "defaults": {"access": "read-write"}, "destinations": [\#(destinationJSON(["actions": #"["s3:PutObject"]"#], removing: ["access"]))]}"#
        let (destinations, diagnostics) = validate(spec)
        #expect(!diagnostics.hasErrors, "\(errorLines(diagnostics))")
        #expect(destinations.first?.actions.map(\.qualifiedName) == ["s3:PutObject"])
    }

    @Test func permissionsManagementActionsAreWarned() {
        let (destinations, diagnostics) = validate(specJSON(["actions": #"["s3:PutObject", "s3:PutObjectAcl"]"#], removing: ["access"]))
        #expect(destinations.count == 1)
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("permissions-management") })
    }
}
