import Foundation
@testable import BucketBridge

/// Runs text through the pipeline up to validation: parse, decode, validate.
func validate(_ text: String, file: String = "spec.json") -> (destinations: [Destination], diagnostics: Diagnostics) {
    validate([(file, text)])
}

/// Validates several spec files as one run.
func validate(_ files: [(name: String, text: String)]) -> (destinations: [Destination], diagnostics: Diagnostics) {
    var diagnostics = Diagnostics()
    var documents: [SpecDocument] = []
    for (name, text) in files {
        let source = SourceFile(name: name, text: text)
        if let root = parseJSON(source, diagnostics: &diagnostics), let document = decodeSpec(root, diagnostics: &diagnostics) {
            documents.append(document)
        }
    }
    let destinations = validateSpecs(documents, diagnostics: &diagnostics)
    return (destinations, diagnostics)
}

/// A valid role-grant destination as JSON members; tests override single fields.
func destinationJSON(_ overrides: [String: String] = [:], removing removed: Set<String> = []) -> String {
    var fields: [(String, String)] = [
        ("name", #""acme""#),
        ("bucket", #""acme-data""#),
        ("region", #""us-east-1""#),
        ("access", #""read""#),
        ("trustedPrincipals", #"["arn:aws:iam::280772890673:role/vendor"]"#),
        ("externalId", #""ext-1234""#),
        ("role", #"{"name": "VendorAccess", "accountId": "666666666666"}"#),
    ]
    for (key, value) in overrides {
        if let index = fields.firstIndex(where: { $0.0 == key }) {
            fields[index].1 = value
        } else {
            fields.append((key, value))
        }
    }
    let members = fields.filter { !removed.contains($0.0) }.map { "\"\($0.0)\": \($0.1)" }
    return "{" + members.joined(separator: ", ") + "}"
}

/// A whole spec holding one destination built by `destinationJSON`.
func specJSON(_ overrides: [String: String] = [:], removing removed: Set<String> = []) -> String {
    #"{"version": 1, "destinations": ["# + destinationJSON(overrides, removing: removed) + "]}"
}

/// The error messages of a run, as printed lines.
func errorLines(_ diagnostics: Diagnostics) -> [String] {
    diagnostics.sorted.filter { $0.severity == .error }.map(\.description)
}

/// The repository's root folder, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The example specs shipped in `examples/`.
func exampleSpecPaths() throws -> [String] {
    let folder = repositoryRoot.appendingPathComponent("examples")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0).path }
}
