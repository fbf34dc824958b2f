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

    /// With a prefix, each bucket-level action without the `s3:prefix` key is warned about at
    /// its position, and the access summary's whole-bucket note names the same actions.
    @Test func actionsThePrefixCannotLimitAreWarnedAtTheirPosition() throws {
        let destination = destinationJSON([
            "prefix": #""exports""#,
            "actions": #"["s3:ListBucket", 1️⃣"s3:ListBucketMultipartUploads", "s3:GetObject", 2️⃣"s3:GetBucketLocation", "s3:ListBucketVersions"]"#,
        ], removing: ["access"])
        let marked = MarkedText(#"{"version": 1, "destinations": [\#(destination)]}"#)
        let (destinations, diagnostics) = validate(marked.text)
        let warnings = diagnostics.sorted.filter { $0.severity == .warning }
        #expect(!diagnostics.hasErrors)
        #expect(warnings.map(\.location) == [marked.location("1️⃣"), marked.location("2️⃣")], "\(warnings.map(\.description))")
        #expect(warnings.allSatisfy { $0.rule == .wholeBucketAction })
        #expect(warnings.first?.description.contains(
            #"destinations[0].actions[1]: "s3:ListBucketMultipartUploads" cannot be limited to the prefix "exports/": it does not take the s3:prefix condition key, so it is granted on the whole bucket"#) == true)

        let validated = try #require(destinations.first)
        let summary = summarizeAccess(of: validated, policies: buildPolicies(for: validated))
        let note = try #require(summary.notes.first { $0.kind == .wholeBucketAction })
        #expect(note.phrase.segments.filter { if case .code(let text) = $0 { text.hasPrefix("s3:") } else { false } }
            == [.code("s3:ListBucketMultipartUploads"), .code("s3:GetBucketLocation")])
    }

    /// Without a prefix the whole bucket is asked for: no warning, no note.
    @Test func withoutAPrefixBucketActionsAreNotWarned() throws {
        let (destinations, diagnostics) = validate(specJSON(["actions": #"["s3:ListBucketMultipartUploads", "s3:GetBucketLocation"]"#], removing: ["access"]))
        #expect(diagnostics.isEmpty, "\(diagnostics.sorted.map(\.description))")
        let destination = try #require(destinations.first)
        #expect(!summarizeAccess(of: destination, policies: buildPolicies(for: destination)).notes.contains { $0.kind == .wholeBucketAction })
    }

    /// The presets never hold an action the prefix cannot limit.
    @Test func presetsAreLimitedByThePrefix() {
        for level in AccessLevel.allCases {
            #expect(!AccessPresets.actions(for: level).contains { $0.isBucketWide }, "\(level)")
            #expect(validate(specJSON(["access": "\"\(level.rawValue)\"", "prefix": #""p/""#])).diagnostics.isEmpty)
        }
    }
}
