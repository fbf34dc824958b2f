import Foundation
import Testing
@testable import BucketBridge

/// `--format`: the same diagnostics in text, JSON, GitHub workflow commands and SARIF, each
/// parsed back and compared field by field.
struct DiagnosticFormatTests {
    /// A spec with four errors (one with a 300-character value, one without a value) and a
    /// warning, in a folder whose name needs escaping.
    static func invalidSpec() throws -> (folder: String, spec: String) {
        let folder = try makeTemporaryFolder()
        let spec = folder + "/acme, inc.json"
        try writeFile(spec, specJSON([
            "bucket": #""Example_Bucket""#,
            "externalId": "\"" + String(repeating: "x", count: 299) + " \"",
            "actions": #"["s3:GetObject", "s3:GetObject"]"#, "role": #"{"name": "R", "maxSessionDuration": 3600.5}"#,
        ], removing: ["access", "name"]))
        return (folder, spec)
    }

    @Test func jsonCarriesEveryFieldAndTheRawValue() throws {
        let (folder, spec) = try Self.invalidSpec()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = run(["validate", spec, "--format", "json"])
        #expect(result.status == 1)
        let parsed = try #require(parseJSONValue(result.output), "\(result.output)")
        guard case .array(let entries) = parsed else { throw TestFailure("not an array") }
        let byPath = Dictionary(entries.map { ($0["path"]?.stringValue ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let bucket = try #require(byPath["destinations[0].bucket"])
        #expect(bucket["severity"] == "error" && bucket["rule"] == "BB104" && bucket["file"] == .string(spec))
        #expect(bucket["line"] == 1 && bucket["value"] == "Example_Bucket" && bucket["hint"] == .null)
        #expect(bucket["message"]?.stringValue?.hasPrefix("is not a valid S3 bucket name") == true)
        let externalId = try #require(byPath["destinations[0].externalId"])
        #expect(externalId["value"] == .string(String(repeating: "x", count: 299) + " "))
        #expect(byPath["destinations[0].role.maxSessionDuration"]?["value"] == .number("3600.5"))
        let duplicate = try #require(byPath["destinations[0].actions[1]"])
        #expect(duplicate["severity"] == "warning" && duplicate["rule"] == "BB206")
        // Keys in a fixed order; `value` is absent when there is none.
        let missing = try #require(entries.first { $0["value"] == nil })
        guard case .object(let members) = missing else { throw TestFailure("not an object") }
        #expect(members.map(\.key) == ["severity", "rule", "file", "line", "column", "path", "message", "hint"])
        #expect(result.errors.contains("bucketbridge: 4 errors"))
    }

    @Test func textShortensLongValuesWithTheirLength() throws {
        let (folder, spec) = try Self.invalidSpec()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = run(["validate", spec])
        #expect(result.output.isEmpty)
        let line = try #require(result.errors.split(separator: "\n").first { $0.contains("externalId") })
        #expect(line.contains("\"" + String(repeating: "x", count: 80) + "…\" (300 characters) is not a valid external ID"), "\(line)")
        #expect(!line.contains(String(repeating: "x", count: 81)))
    }

    @Test func githubWorkflowCommandsAreEscaped() throws {
        let (folder, spec) = try Self.invalidSpec()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = run(["validate", spec, "--format", "github"])
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        let escapedFile = spec.replacingOccurrences(of: ",", with: "%2C")
        let bucket = try #require(lines.first { $0.contains("destinations[0].bucket") })
        #expect(bucket.hasPrefix("::error file=\(escapedFile),line=1,col="), "\(bucket)")
        #expect(bucket.contains(",title=BB104 bucket-name::destinations[0].bucket: \"Example_Bucket\" is not a valid S3 bucket name"))
        #expect(lines.contains { $0.hasPrefix("::warning file=") })
        let diagnostic = Diagnostic(.error, .jsonSyntax, at: SourceLocation(file: "a:b,c%.json", line: 2, column: 3), "100% wrong\r\nnext")
        #expect(diagnostic.workflowCommand == "::error file=a%3Ab%2Cc%25.json,line=2,col=3,title=BB001 json-syntax::100%25 wrong%0D%0Anext")
    }

    @Test func sarifHasRulesLevelsAndRegions() throws {
        let (folder, spec) = try Self.invalidSpec()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = run(["validate", spec, "--format", "sarif"])
        let log = try #require(parseJSONValue(result.output))
        #expect(log["version"] == "2.1.0" && log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json")
        guard case .array(let runs)? = log["runs"], let run = runs.first,
            case .array(let rules)? = run["tool"]?["driver"]?["rules"], case .array(let results)? = run["results"]
        else { throw TestFailure("SARIF shape") }
        #expect(run["tool"]?["driver"]?["name"] == "bucketbridge")
        #expect(results.count == 5)
        for sarifResult in results {
            guard case .int(let index)? = sarifResult["ruleIndex"] else { throw TestFailure("ruleIndex") }
            #expect(rules[index]["id"] == sarifResult["ruleId"])
            #expect(DiagnosticRule.all.contains { .string($0.id) == sarifResult["ruleId"] })
            let location = sarifResult["locations"]?[0]?["physicalLocation"]
            #expect(location?["artifactLocation"]?["uri"] == .string("file://" + spec.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: ",", with: "%2C")))
            #expect(location?["region"]?["startLine"] == 1)
            #expect(sarifResult["message"]?["text"]?.stringValue?.isEmpty == false)
        }
        #expect(results.filter { $0["level"] == "error" }.count == 4 && results.filter { $0["level"] == "warning" }.count == 1)
        let relative = SourceLocation(file: "specs/ä b.json", line: 3, column: 4).sarifLocation
        #expect(relative["physicalLocation"]?["artifactLocation"] == ["uri": "specs/%C3%A4%20b.json", "uriBaseId": "%SRCROOT%"])
    }

    @Test func everyFormatReportsTheSameDiagnostics() throws {
        let (folder, spec) = try Self.invalidSpec()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = run(["validate", spec]).errors.split(separator: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") }
        let json = try #require(parseJSONValue(run(["validate", spec, "--format", "json"]).output))
        let github = run(["validate", spec, "--format", "github"]).output.split(separator: "\n")
        let sarif = try #require(parseJSONValue(run(["validate", spec, "--format", "sarif"]).output))
        guard case .array(let entries) = json, case .array(let results)? = sarif["runs"]?[0]?["results"] else { throw TestFailure("shape") }
        #expect(Set([text.count, entries.count, github.count, results.count]) == [5])
        for (index, entry) in entries.enumerated() {
            let position = "\(entry["line"]!.description),col=\(entry["column"]!.description)"
            #expect(github[index].contains("line=" + position))
            #expect(text[index].contains(":\(entry["line"]!.description):\(entry["column"]!.description): "))
            #expect(results[index]["region"] == nil && results[index]["locations"]?[0]?["physicalLocation"]?["region"]?["startColumn"] == entry["column"])
        }
    }

    @Test func machineFormatsOwnStdoutEvenWhenAllIsWell() throws {
        let specs = try exampleSpecPaths()
        let json = run(["validate"] + specs + ["--format", "json"])
        #expect(json.status == 0 && parseJSONValue(json.output) != nil)
        #expect(json.errors.hasPrefix("ok: "))
        let sarif = run(["validate"] + specs + ["--format", "sarif"])
        let results = parseJSONValue(sarif.output)?["runs"]?[0]?["results"]
        #expect(sarif.status == 0 && results != nil)
        let github = run(["validate"] + specs + ["--format", "github"]).output.split(separator: "\n")
        #expect(github.allSatisfy { $0.hasPrefix("::warning file=") })
        let clean = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: clean) }
        try writeFile(clean + "/spec.json", specJSON())
        #expect(parseJSONValue(run(["validate", clean + "/spec.json", "--format", "sarif"]).output)?["runs"]?[0]?["results"] == [])
        #expect(run(["validate", clean + "/spec.json", "--format", "json"]).output == "[]\n")
    }

    @Test func ruleIdsAreUniqueAndListedInTheReadme() throws {
        let ids = DiagnosticRule.all.map(\.id)
        #expect(Set(ids).count == ids.count && Set(DiagnosticRule.all.map(\.name)).count == ids.count)
        #expect(ids == ids.sorted())
        #expect(ids.allSatisfy { $0.wholeMatch(of: /BB[0-9]{3}/) != nil })
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for rule in DiagnosticRule.all {
            #expect(readme.contains("| `\(rule.id)` | `\(rule.name)` |"), "README.md lacks \(rule.id)")
        }
    }
}

extension JSONValue {
    /// The text of a string value.
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The element at `index` of an array value.
    subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The value as compact JSON.
    var description: String { encodeCompactJSON(self) }
}
