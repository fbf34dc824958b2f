import Foundation
import Testing

@testable import BucketBridge

/// Specs found by fuzzing spec validation (fuzz/run spec) and its big-input probes: each took
/// time growing with the square of its size (a hang for a generated spec) before it became
/// linear. The sizes are chosen so that the quadratic versions took minutes.
struct SpecValidationFuzzRegressionTests {
    /// Validates `text`, returning the diagnostics and the seconds it took.
    func timedValidation(_ text: String) -> (diagnostics: Diagnostics, seconds: Double) {
        var result = Diagnostics()
        let elapsed = ContinuousClock().measure { result = validate(text).diagnostics }
        return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Each principal was compared with every one before it (50,000 took minutes).
    @Test func manyPrincipalsTakeLinearTime() {
        let principals = (0..<40_000).map { "\"arn:aws:iam::280772890673:role/vendor-\($0 % 30_000)\"" }
        let (diagnostics, seconds) = timedValidation(specJSON(["trustedPrincipals": "[" + principals.joined(separator: ",") + "]"]))
        #expect(!diagnostics.hasErrors)
        #expect(diagnostics.filter { $0.severity == .warning && $0.message == "is listed twice" }.count == 10_000)
        #expect(seconds < 20, "\(seconds) s")
    }

    /// Merging an object looked each key up in the keys merged so far: many tags, or many
    /// (unknown) fields in a destination, were quadratic.
    @Test func objectsWithManyKeysTakeLinearTime() {
        let tags = (0..<40_000).map { "\"tag-\($0)\": \"v\"" }.joined(separator: ",")
        let role = #"{"name": "VendorAccess", "accountId": "666666666666", "tags": {"# + tags + "}}"
        let (diagnostics, seconds) = timedValidation(specJSON(["role": role]))
        #expect(errorLines(diagnostics).contains { $0.contains("has 40000 tags: IAM allows at most 50 per role") })
        #expect(seconds < 20, "\(seconds) s")
    }

    /// Every "<" looked for the next ">": a value of many "<" was quadratic.
    @Test func valuesWithManyAngleBracketsTakeLinearTime() {
        let prefix = String(repeating: "<", count: 200_000) + ">" + String(repeating: "<A", count: 100_000)
        let (diagnostics, seconds) = timedValidation(specJSON(["prefix": "\"" + prefix + "\""]))
        #expect(errorLines(diagnostics).count == 1 && errorLines(diagnostics)[0].contains("S3 keys are at most 1024 bytes"))
        #expect(seconds < 20, "\(seconds) s")
    }

    @Test func placeholderReferencesSkipWhatCannotBeANameOnly() {
        let text = "a<<B>c<not valid><C_1>d<<>>e<D"
        #expect(placeholderReferences(in: text).map(\.name) == ["B", "C_1"])
        let twice = "<A><A>"
        #expect(placeholderReferences(in: twice).map { String(twice[$0.range]) } == ["<A>", "<A>"])
    }
}
