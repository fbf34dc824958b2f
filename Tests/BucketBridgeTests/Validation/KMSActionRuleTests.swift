import Testing

@testable import BucketBridge

/// `kmsActions`: only real `kms:` actions that act on a key, on a destination with a key.
struct KMSActionRuleTests {
    static let key = #""arn:aws:kms:us-east-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab""#

    /// Asserts the diagnostics of `severity` land at the markers, each containing its fragment.
    func expect(
        _ severity: Severity, _ marked: MarkedText, _ expected: KeyValuePairs<String, String>,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let found = validate(marked.text).diagnostics.sorted.filter { $0.severity == severity }
        for (marker, fragment) in expected {
            #expect(found.contains { $0.location == marked.location(marker) && $0.description.contains(fragment) },
                "no \(severity) containing \(fragment) at \(marked.location(marker)); got:\n\(found.map(\.description).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
        }
        #expect(found.count == expected.count, "\(found.map(\.description))", sourceLocation: sourceLocation)
    }

    func marked(_ kmsActions: String, access: String = "read", key: String? = key) -> MarkedText {
        var fields = ["kmsActions": kmsActions, "access": "\"\(access)\""]
        if let key { fields["kmsKeyArn"] = key }
        return MarkedText(#"{"version": 1, "destinations": [\#(destinationJSON(fields))]}"#)
    }

    @Test func everyBadEntryIsReportedAtItsPosition() {
        expect(.error, marked(#"[1️⃣"kms:Encrpyt", 2️⃣"kms:*", 3️⃣"kms:Generate*", 4️⃣"s3:GetObject", 5️⃣"Encrypt", 6️⃣"kms:CreateKey", 7️⃣"kms:ListAliases", "kms:Encrypt"]"#), [
            "1️⃣": #"destinations[0].kmsActions[0]: "kms:Encrpyt" is not a known KMS action (did you mean "kms:Encrypt"?)"#,
            "2️⃣": #"kmsActions[1]: "kms:*" is not allowed: wildcards grant more than asked for; list each KMS action"#,
            "3️⃣": #"kmsActions[2]: "kms:Generate*" is not allowed: wildcards"#,
            "4️⃣": #"kmsActions[3]: "s3:GetObject" is not a KMS action: kmsActions lists actions written as kms:Name (S3 actions belong in "actions")"#,
            "5️⃣": #"kmsActions[4]: "Encrypt" is not a KMS action"#,
            "6️⃣": #"kmsActions[5]: "kms:CreateKey" cannot be limited to one key: the action does not act on a KMS key"#,
            "7️⃣": #"kmsActions[6]: "kms:ListAliases" cannot be limited to one key"#,
        ])
    }

    @Test func withoutAKeyTheListIsAnError() {
        expect(.error, marked(#"1️⃣["kms:Encrypt"]"#, key: nil), [
            "1️⃣": #"destinations[0].kmsActions: [...] needs "kmsKeyArn": the actions are granted on the bucket's KMS key only"#
        ])
        #expect(!validate(marked("[]", key: nil).text).diagnostics.hasErrors, "an empty list asks for nothing")
    }

    @Test func wrongTypesAreReported() {
        expect(.error, marked(#"1️⃣"kms:Encrypt""#), ["1️⃣": "kmsActions: \"kms:Encrypt\" must be an array of strings"])
        expect(.error, marked(#"["kms:Encrypt", 1️⃣7]"#), ["1️⃣": "kmsActions[1]: 7 must be a string"])
    }

    /// Needed actions and repeats are warnings: the destination stays valid and grants each once.
    @Test func neededAndRepeatedActionsAreWarnings() throws {
        let text = marked(#"[1️⃣"kms:Decrypt", "kms:Encrypt", 2️⃣"KMS:encrypt", 3️⃣"kms:GenerateDataKey"]"#, access: "read")
        expect(.warning, text, [
            "1️⃣": #"kmsActions[0]: "kms:Decrypt" is granted anyway: the S3 access needs it on the key"#,
            "2️⃣": #"kmsActions[2]: "KMS:encrypt" is listed twice"#,
        ])
        let destination = try #require(validate(text.text).destinations.first)
        #expect(destination.extraKMSActions == ["kms:Encrypt", "kms:GenerateDataKey"])
    }

    @Test func permissionsManagementActionsAreWarned() throws {
        let text = marked(#"[1️⃣"kms:CreateGrant", 2️⃣"kms:PutKeyPolicy"]"#)
        expect(.warning, text, [
            "1️⃣": #""kms:CreateGrant" is a permissions-management action: it lets the vendor change who may use the key"#,
            "2️⃣": #""kms:PutKeyPolicy" is a permissions-management action"#,
        ])
    }

    /// Every action of the catalogue that acts on a key is accepted; every other one is not.
    @Test func exactlyTheKeyActionsAreAccepted() {
        for action in KMSActionCatalogue.all {
            let (destinations, diagnostics) = validate(marked("[\"\(action.qualifiedName)\"]", access: "write").text)
            #expect(destinations.isEmpty != action.actsOnKey, "\(action): \(errorLines(diagnostics))")
        }
    }

    /// A `kms:` action in `actions` points to `kmsActions`.
    @Test func aKMSActionInActionsPointsToKMSActions() {
        let errors = errorLines(validate(specJSON(["actions": #"["kms:Encrypt"]"#], removing: ["access"])).diagnostics)
        #expect(errors.count == 1 && errors[0].contains(#"list further ones the vendor requires in "kmsActions""#), "\(errors)")
    }
}
