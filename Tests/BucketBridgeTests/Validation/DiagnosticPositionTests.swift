import Testing
@testable import BucketBridge

/// Diagnostics land exactly where the marker stands, and a spec with many problems reports all.
struct DiagnosticPositionTests {
    /// Asserts that each marker of `marked` has an error at its position whose text contains `expected[marker]`.
    func expectErrors(_ marked: String, _ expected: KeyValuePairs<String, String>, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let text = MarkedText(marked)
        let (_, diagnostics) = validate(text.text)
        let errors = diagnostics.sorted.filter { $0.severity == .error }
        for (marker, fragment) in expected {
            let location = text.location(marker)
            #expect(
                errors.contains { $0.location == location && $0.description.contains(fragment) },
                "no error containing \(fragment) at \(location); got:\n\(errors.map(\.description).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
        }
        #expect(errors.count == expected.count, "\(errors.map(\.description))", sourceLocation: sourceLocation)
    }

    @Test func everyProblemIsReportedWithItsPosition() {
        expectErrors(
            """
            {
              "version": 1,
              "defaults": {"trustedPrincipals": [1️⃣"*"], 2️⃣"regoin": "us-east-1"},
              "destinations": [
                {
                  "name": 3️⃣"Acme_Export",
                  "bucket": 4️⃣"Example_Bucket",
                  "region": "us-east-1",
                  "access": 5️⃣"reed",
                  "externalId": 6️⃣"has space",
                  "role": {"name": 7️⃣"acme", "namePrefix": "SEA_", "maxSessionDuration": 8️⃣100}
                },
                9️⃣{"name": "b", "bucket": "ok-bucket", "access": "read", "externalId": "abc"}
              ]
            }
            """,
            [
                "1️⃣": #"defaults.trustedPrincipals[0]: "*" is not allowed"#,
                "2️⃣": #"defaults.regoin: is not a known field (did you mean "region"?)"#,
                "3️⃣": #"destinations[0].name: "Acme_Export" is not a valid destination name"#,
                "4️⃣": #"destinations[0].bucket: "Example_Bucket" is not a valid S3 bucket name"#,
                "5️⃣": #"destinations[0].access: "reed" is not one of"#,
                "6️⃣": #"destinations[0].externalId: "has space" is not a valid external ID"#,
                "7️⃣": #"destinations[0].role.name: "acme" does not start with"#,
                "8️⃣": "destinations[0].role.maxSessionDuration: 100 is out of range",
                "9️⃣": "destinations[1].role: is required for role grants",
            ])
    }

    @Test func columnsCountCharactersNotBytes() {
        expectErrors(
            #"{"version": 1, "destinations": [{"description": "Ünïcödé", "prefix": "日本語/データ", "bucket": 1️⃣"Bad_Bucket", "name": "x", "access": "read", "trustedPrincipals": ["123456789012"], "externalId": "ab", "role": {"name": "R"}}]}"#,
            ["1️⃣": "is not a valid S3 bucket name"])
    }

    @Test func syntaxErrorsNameTheirPosition() {
        expectErrors("{\"version\": 1,\n  \"destinations\": [1️⃣}\n", ["1️⃣": #"invalid JSON: unexpected character "}", expected a value"#])
        expectErrors("{\"version\": 1 1️⃣\"destinations\": []}", ["1️⃣": #"missing "," between object members"#])
        expectErrors("{\"version\": 1 1️⃣]", ["1️⃣": #"unexpected character "]", expected "," or "}""#])
        expectErrors("{\"version\": 1, \"destinations\": [1️⃣\"unterminated]}", ["1️⃣": "unterminated string"])
        expectErrors("{\"version\": 1️⃣01}", ["1️⃣": "leading zeros are not allowed"])
        expectErrors("1️⃣", ["1️⃣": "unexpected end of file"])
    }

    @Test func syntaxErrorsNameTheMistake() {
        expectErrors("{\"version\": 1, \"destinations\": [1, 21️⃣,]}", ["1️⃣": #"trailing comma before "]": remove the "," after the last element"#])
        expectErrors("{\"version\": 11️⃣,\n}", ["1️⃣": #"trailing comma before "}": remove the "," after the last member"#])
        expectErrors("{1️⃣'version': 1}", ["1️⃣": "must be in double quotes (\"...\"), not single quotes"])
        expectErrors("{1️⃣version: 1}", ["1️⃣": "object keys must be in double quotes"])
        expectErrors("{\"version\": 1️⃣True}", ["1️⃣": #""True" is not a JSON value"#])
        expectErrors("{\"a\": 1, 1️⃣// note\n}", ["1️⃣": "comments are not allowed in JSON"])
        expectErrors("{\"a\": [1 1️⃣2]}", ["1️⃣": #"missing "," between array elements"#])
        expectErrors("{\"a\": 1️⃣“x”}", ["1️⃣": "typographic quote"])
        expectErrors("{\"a\": 1}1️⃣}", ["1️⃣": #"unexpected character "}" after the end of the JSON value"#])
    }

    @Test func yamlGetsAHintThatSpecsAreJSON() {
        var diagnostics = Diagnostics()
        _ = parseJSON(SourceFile(name: "spec.json", text: "version: 1\ndestinations:\n  - name: x\n"), diagnostics: &diagnostics)
        #expect(diagnostics.sorted.map(\.description) == [
            #"spec.json:1:1: error: invalid JSON: "version" is not a JSON value: strings must be in double quotes, and the only bare words are true, false and null (specs are JSON, not YAML: write the file as a JSON object ({ "version": 1, "destinations": [...] }); `bucketbridge schema` prints its JSON Schema)"#
        ])
        for text in ["# acme\nversion: 1\n", "---\nversion: 1\n", "- a\n"] {
            diagnostics = Diagnostics()
            _ = parseJSON(SourceFile(name: "spec.json", text: text), diagnostics: &diagnostics)
            #expect(diagnostics.sorted.first?.hint?.hasPrefix("specs are JSON, not YAML") == true, "\(text)")
        }
        diagnostics = Diagnostics()
        _ = parseJSON(SourceFile(name: "spec.json", text: "{\"a\": 1,}"), diagnostics: &diagnostics)
        #expect(diagnostics.sorted.allSatisfy { $0.hint == nil })
    }

    @Test func duplicateKeysAreErrors() {
        expectErrors(
            #"{"version": 1, "destinations": [{"name": "a", 1️⃣"name": "b", "bucket": "abc", "access": "read", "trustedPrincipals": ["123456789012"], "grant": "bucket-policy"}]}"#,
            ["1️⃣": "destinations[0].name: duplicate key: already set at line 1, column 34"])
    }

    @Test func unknownFieldsGetAHint() {
        expectErrors(
            #"{"version": 1, "destinations": [{"name": "a", 1️⃣"buckt": "abc", 2️⃣"bucket": "abc", "access": "read", "trustedPrincipals": ["123456789012"], "grant": "bucket-policy", "role": {3️⃣"nmae": "x"}, 4️⃣"zzzzzzzz": 1}]}"#,
            [
                "1️⃣": #"destinations[0].buckt: is not a known field (did you mean "bucket"?)"#,
                "3️⃣": #"destinations[0].role.nmae: is not a known field (did you mean "name"?)"#,
                "4️⃣": "destinations[0].zzzzzzzz: is not a known field",
            ])
    }

    @Test func namesAreUniqueAcrossFiles() {
        let first = specJSON()
        let second = MarkedText(#"{"version": 1, "destinations": [{"name": 1️⃣"acme", "bucket": "abc", "access": "read", "trustedPrincipals": ["123456789012"], "grant": "bucket-policy"}]}"#)
        let (_, diagnostics) = validate([("a.json", first), ("b.json", second.text)])
        let errors = diagnostics.sorted.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location == second.location("1️⃣", file: "b.json"))
        #expect(errors.first?.description.contains("the same destination name is used at a.json:1:") == true)
    }

    @Test func typesAreChecked() {
        expectErrors(
            #"{"version": 1, "destinations": [{"name": 1️⃣5, "bucket": "abc", "access": "read", "requireTls": 2️⃣"yes", "trustedPrincipals": 3️⃣"123456789012", "grant": "bucket-policy"}]}"#,
            ["1️⃣": "must be a string", "2️⃣": "must be true or false", "3️⃣": "must be an array of strings"])
    }

    @Test func versionAndDestinationsAreRequired() {
        expectErrors("1️⃣{}", ["1️⃣": "version: is required", "1️⃣": "destinations: is required"])
        expectErrors(#"{"version": 1️⃣2, "destinations": 2️⃣[]}"#, ["1️⃣": "2 is not a supported version", "2️⃣": "is empty"])
    }
}
