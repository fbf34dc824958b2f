import Foundation
@testable import BucketBridge

/// The one destination of a spec, validated (the test fails on any error).
func onlyDestination(_ spec: String) throws -> Destination {
    let (destinations, diagnostics) = validate(spec)
    guard !diagnostics.hasErrors, destinations.count == 1 else { throw TestFailure("invalid spec: \(errorLines(diagnostics))") }
    return destinations[0]
}

/// Reads `text` as a FILE of `verify` for `kind` and compares it with the spec's destination.
func verifyFindings(
    _ text: String, kind: PolicyKind, spec: String, file: String = "policy.json"
) throws -> (findings: [VerificationFinding], diagnostics: Diagnostics) {
    let destination = try onlyDestination(spec)
    var diagnostics = Diagnostics()
    let source = SourceFile(name: file, text: text)
    guard let observed = readPolicyFile(source, kind: kind, partition: destination.partition, diagnostics: &diagnostics) else {
        return ([], diagnostics)
    }
    return (comparePolicy(observed, with: destination), diagnostics)
}

/// The folder of the AWS CLI output fixtures.
let verifyFixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures/verify").path

/// A fixture's text.
func fixtureText(_ name: String) throws -> String {
    try String(contentsOfFile: verifyFixtures + "/" + name, encoding: .utf8)
}

/// The 1-based line and column (in Unicode scalars) of the first `needle` in `text`, after `after`.
func position(of needle: String, in text: String, after: String? = nil) throws -> (line: Int, column: Int) {
    var searchStart = text.startIndex
    if let after, let found = text.range(of: after) { searchStart = found.upperBound }
    guard let range = text.range(of: needle, range: searchStart..<text.endIndex) else { throw TestFailure("\(needle) not in text") }
    let before = text[..<range.lowerBound]
    let line = before.filter { $0 == "\n" }.count + 1
    let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
    return (line, text[lineStart..<range.lowerBound].unicodeScalars.count + 1)
}
