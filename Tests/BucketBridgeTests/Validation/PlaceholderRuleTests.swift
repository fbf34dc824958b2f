import Testing

@testable import BucketBridge

/// Placeholders (`<NAME>`): where they may stand, that the text around them is still
/// validated, and that every problem lands on its value.
struct PlaceholderRuleTests {
    /// A one-destination spec declaring `names`, with `fields` (JSON members) overriding the defaults.
    func spec(declaring names: [String], _ fields: [String: String], removing removed: Set<String> = []) -> String {
        let declared = names.map { "\"\($0)\": \"the \($0.lowercased())\"" }.joined(separator: ", ")
        return "{\"version\": 1, \"placeholders\": {\(declared)}, \"destinations\": [" + destinationJSON(fields, removing: removed) + "]}"
    }

    @Test func everyFieldTheContractNamesTakesAPlaceholder() throws {
        let text = spec(
            declaring: ["BUCKET", "FOLDER", "ACCOUNT", "KEY_ID", "VENDOR_ROLE", "SESSION", "EXTERNAL_ID", "ROLE", "OWNER"],
            [
                "bucket": #""acme-<BUCKET>""#, "prefix": #""exports/<FOLDER>/""#,
                "kmsKeyArn": #""arn:aws:kms:us-east-1:<ACCOUNT>:key/<KEY_ID>""#,
                "trustedPrincipals": #"["<VENDOR_ROLE>", "arn:aws:sts::134928160093:assumed-role/Connector/<SESSION>"]"#,
                "externalId": #""ext-<EXTERNAL_ID>""#,
                "role": #"{"name": "Vendor<ROLE>", "accountId": "<ACCOUNT>", "tags": {"owner": "<OWNER>"}}"#,
            ])
        let result = validate(text)
        #expect(errorLines(result.diagnostics).isEmpty, "\(errorLines(result.diagnostics))")
        let destination = try #require(result.destinations.first)
        #expect(PlaceholderText.display(destination.bucket) == "acme-<BUCKET>")
        #expect(PlaceholderText.display(destination.prefix) == "exports/<FOLDER>/")
        #expect(destination.trustedPrincipals.map(PlaceholderText.display) == [
            "<VENDOR_ROLE>", "arn:aws:sts::134928160093:assumed-role/Connector/<SESSION>",
        ])
        #expect(Set(destination.placeholders.map(\.name)) == ["BUCKET", "FOLDER", "ACCOUNT", "KEY_ID", "VENDOR_ROLE", "SESSION", "EXTERNAL_ID", "ROLE", "OWNER"])
        let account = try #require(destination.placeholders.first { $0.name == "ACCOUNT" })
        #expect(account.fields == [.kmsAccount, .accountId])
        #expect(account.rule.pattern == "^[0-9]{12}$")
        // The IAM JSON keeps <NAME>.
        let trust = encodeJSON(try #require(buildPolicies(for: destination).trust).jsonValue)
        #expect(trust.contains("\"<VENDOR_ROLE>\"") && trust.contains("\"ext-<EXTERNAL_ID>\""))
    }

    @Test func undeclaredAndMisnamedPlaceholdersAreErrorsAtTheirValue() {
        let marked = MarkedText(
            """
            {"version": 1, "placeholders": {1️⃣"bucket-name": "x", "UNUSED": 2️⃣"x\\ny"},
             "destinations": [{"name": "a", "bucket": 3️⃣"<BUCKET>", "region": "us-east-1", "access": "read",
              "trustedPrincipals": ["arn:aws:iam::280772890673:role/vendor"], "externalId": 4️⃣"<EXTERNAL_ID>",
              "role": {"name": "R"}}]}
            """)
        let diagnostics = validate(marked.text).diagnostics.sorted.filter { $0.severity == .error }
        #expect(diagnostics.map(\.location) == ["1️⃣", "2️⃣", "3️⃣", "4️⃣"].map { marked.location($0) })
        #expect(diagnostics.map(\.rule) == [.placeholderName, .placeholderDescription, .undeclaredPlaceholder, .undeclaredPlaceholder])
        #expect(diagnostics[0].hint == "did you mean \"BUCKET_NAME\"?")
        #expect(diagnostics[2].message == "uses the placeholder <BUCKET>, which the spec does not declare")
    }

    @Test func theTextAroundAPlaceholderIsStillValidated() {
        let marked = MarkedText(
            """
            {"version": 1, "placeholders": {"B": "x", "K": "x", "R": "x", "A": "x", "P": "x"},
             "destinations": [{"name": "a", "bucket": 1️⃣"Acme_<B>", "region": "us-east-1", "access": "read",
              "kmsKeyArn": 2️⃣"arn:aws:kms:<R>:123456789012:key/<K>",
              "trustedPrincipals": [3️⃣"arn:<P>:iam::123456789012:role/x", 4️⃣"arn:aws:iam::<A>:role/bad name"],
              "externalId": "ok-id", "role": {"name": "R", "accountId": 5️⃣"1234<A>"}}]}
            """)
        let diagnostics = validate(marked.text).diagnostics.sorted.filter { $0.severity == .error }
        #expect(diagnostics.map(\.location) == ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣"].map { marked.location($0) })
        #expect(diagnostics.map(\.rule) == [.bucketName, .placeholderPosition, .placeholderPosition, .principal, .accountId])
        #expect(diagnostics[0].value == .string("Acme_<B>"))
    }

    @Test func anUnusedDeclarationIsAWarning() {
        let result = validate(spec(declaring: ["NEVER"], [:]))
        #expect(!result.diagnostics.hasErrors)
        #expect(result.diagnostics.contains { $0.rule == .unusedPlaceholder && $0.severity == .warning })
    }

    @Test func aRoleNameStartingWithAPlaceholderDefersThePrefixCheck() {
        let deferred = validate(spec(declaring: ["NAME"], ["role": #"{"name": "<NAME>", "namePrefix": "SEA_ext_access_"}"#]))
        #expect(errorLines(deferred.diagnostics).isEmpty, "\(errorLines(deferred.diagnostics))")
        let wrong = validate(spec(declaring: ["NAME"], ["role": #"{"name": "Other<NAME>", "namePrefix": "SEA_ext_access_"}"#]))
        #expect(wrong.diagnostics.contains { $0.rule == .missingNamePrefix })
    }

    /// The reader keeps U+E000 and U+E001 as they are (the fuzzer found a spec holding them);
    /// every field refuses them, so no user text can pass for a placeholder in any format.
    @Test(arguments: [
        ["prefix": "\"a\u{E000}X\u{E001}/\""],
        ["description": "\"d \u{E000}BUCKET\u{E001}\""],
        ["vendor": "\"V\u{E000}X\u{E001}\""],
        ["tags": "{\"k\": \"\u{E000}Y\u{E001}\"}"],
        ["bucket": "\"b\u{E000}\""],
    ])
    func reservedCharactersAreRefused(_ fields: [String: String]) {
        let result = validate(specJSON(fields))
        #expect(result.diagnostics.contains { $0.severity == .error && ($0.path?.description ?? "").contains(fields.keys.first!) }, "\(fields): \(errorLines(result.diagnostics))")
    }

    /// A U+E000 or U+E001 the user typed is named as such, not shown as a placeholder's `<`;
    /// a placeholder token still reads `<NAME>`.
    @Test func aTypedReservedCharacterIsNamedInTheMessage() {
        #expect(quotedForDiagnostic("bad \u{E000} here") == #""bad \ue000 here""#)
        #expect(quotedForDiagnostic("a\u{E001}\u{E000}") == #""a\ue001\ue000""#)
        #expect(quotedForDiagnostic("x" + PlaceholderText.token("NAME") + "\u{E000}\n") == #""x<NAME>\ue000\n""#)
        let result = validate(specJSON(["description": "\"bad \u{E000} here\""]))
        let lines = errorLines(result.diagnostics)
        #expect(lines.contains { $0.contains(#"description: "bad \ue000 here" is not a valid role description: "\ue000" is not allowed"#) }, "\(lines)")
    }

    @Test func setValuesAreValidatedAsIfWrittenInAndNamedInTheMessage() throws {
        let folder = try makeTemporaryFolder()
        let path = folder + "/spec.json"
        try writeFile(path, spec(declaring: ["BUCKET"], ["bucket": #""<BUCKET>""#]))
        let bad = run(["validate", path, "--set", "BUCKET=Bad_Bucket"])
        #expect(bad.status == 1)
        #expect(bad.errors.contains("destinations[0].bucket: \"Bad_Bucket\" (with --set BUCKET) is not a valid S3 bucket name"), "\(bad.errors)")
        #expect(run(["validate", path, "--set", "BUCKET=good-bucket"]).status == 0)
        let undeclared = run(["validate", path, "--set", "OTHER=x"])
        #expect(undeclared.status == 2)
        #expect(undeclared.errors.contains("--set OTHER: no spec declares the placeholder OTHER"), "\(undeclared.errors)")
        #expect(run(["validate", path, "--set", "BUCKET"]).status == 2)
        #expect(run(["validate", path, "--set", "BUCKET=a-b-c", "--set", "BUCKET=d-e-f"]).status == 2)
    }
}
