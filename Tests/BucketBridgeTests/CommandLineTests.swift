import Foundation
import Testing
@testable import BucketBridge

struct CommandLineParsingTests {
    @Test func renderDefaultsAndOptions() throws {
        #expect(try parseCommandLine(["render", "a.json"]).get() == .render(specs: ["a.json"], out: "output", templates: nil, check: false))
        #expect(try parseCommandLine(["render", "a.json", "b.json", "--out", "o", "--templates=t", "--check"]).get()
            == .render(specs: ["a.json", "b.json"], out: "o", templates: "t", check: true))
        #expect(try parseCommandLine(["render", "--", "--odd.json"]).get() == .render(specs: ["--odd.json"], out: "output", templates: nil, check: false))
    }

    @Test(arguments: [
        ["render"], ["render", "a.json", "--bogus"], ["render", "a.json", "--out"], ["validate"], ["frobnicate"], [],
        ["schema", "extra"], ["external-id", "--length", "x"], ["external-id", "--length", "0"], ["external-id", "--prefix", "has space"],
        ["external-id", "--length", "1225"], ["render", "a.json", "--out", "a", "--out", "b"],
    ])
    func usageErrorsExitWithTwo(_ arguments: [String]) {
        let result = run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.errors)")
        #expect(result.output.isEmpty && result.errors.contains("error"))
    }

    @Test func helpAndVersion() {
        #expect(run(["--help"]).output.contains("bucketbridge render SPEC..."))
        #expect(run(["--version"]).output.hasPrefix("bucketbridge "))
        #expect(run(["--version"]).status == 0)
    }

    @Test func missingAndUnreadableFilesAreUsageErrors() throws {
        #expect(run(["validate", "/nonexistent/spec.json"]).status == 2)
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(run(["validate", folder]).status == 2)
        #expect(run(["render", "/nonexistent/spec.json", "--out", folder + "/out"]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }
}

struct ExternalIDTests {
    @Test func idsAreRandomAndValid() {
        var seen: Set<String> = []
        for _ in 0..<200 {
            let id = ExternalIDGenerator.generate()
            #expect(id.count == 32)
            #expect(ExternalIDRules.problems(id).isEmpty)
            #expect(id.allSatisfy { ExternalIDGenerator.alphabet.contains($0) })
            seen.insert(id)
        }
        #expect(seen.count == 200)
    }

    @Test func prefixAndLength() {
        let result = run(["external-id", "--prefix", "seq_", "--length", "10"])
        #expect(result.status == 0)
        let id = result.output.trimmingCharacters(in: .newlines)
        #expect(id.hasPrefix("seq_") && id.count == 14 && ExternalIDRules.problems(id).isEmpty)
        // The shortest valid ID has two characters.
        #expect(run(["external-id", "--length", "1"]).status == 2)
        #expect(run(["external-id", "--length", "2"]).status == 0)
    }
}

struct SchemaTests {
    @Test func schemaIsJSONAndNamesEveryField() throws {
        let result = run(["schema"])
        #expect(result.status == 0)
        let schema = try #require(parseJSONValue(result.output))
        #expect(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        guard case .object(let fields)? = schema["$defs"]?["destinationFields"]?["properties"],
            case .object(let roleFields)? = schema["$defs"]?["role"]?["properties"]
        else { throw TestFailure("schema shape") }
        #expect(fields.map(\.key) == SpecFields.destination)
        #expect(roleFields.map(\.key) == SpecFields.role)
        #expect(fields.allSatisfy { $0.value != [:] } && roleFields.allSatisfy { $0.value != [:] })
    }
}
