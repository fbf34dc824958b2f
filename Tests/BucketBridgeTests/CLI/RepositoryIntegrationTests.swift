import Foundation
import Testing
@testable import BucketBridge

/// What README.md tells a repository to run is what the command line accepts.
struct RepositoryIntegrationTests {
    /// Each pre-commit hook's `entry` parses as a bucketbridge command line (with a spec
    /// appended, as pre-commit or the hook's `args` do), and the hooks README.md names exist.
    @Test func preCommitHooksRunRealCommands() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let ids = lines.filter { $0.hasPrefix("- id: ") }.map { String($0.dropFirst(6)) }
        #expect(ids == ["bucketbridge-validate", "bucketbridge-render-check"])
        let entries = lines.filter { $0.hasPrefix("entry: ") }.map { $0.dropFirst(7).split(separator: " ").map(String.init) }
        #expect(entries.count == ids.count)
        for entry in entries {
            #expect(entry.first == "bucketbridge")
            #expect(throws: Never.self, "\(entry)") { try parseCommandLine(Array(entry.dropFirst()) + ["spec.json"]).get() }
        }
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for id in ids { #expect(readme.contains("id: \(id)")) }
    }

    /// The command lines README.md shows in its CI and pre-commit snippets parse.
    @Test func readmeCommandLinesParse() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let commands = readme.split(separator: "\n").compactMap { line -> [String]? in
            guard let start = line.range(of: "bucketbridge render specs/") ?? line.range(of: "bucketbridge validate specs/") else { return nil }
            let words = line[start.lowerBound...].split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            return Array(words.prefix { $0 != ">" && $0 != "|" })
        }
        #expect(commands.count >= 3)
        for command in commands {
            #expect(throws: Never.self, "\(command)") { try parseCommandLine(Array(command.dropFirst())).get() }
            #expect(command.contains("--format") || command.contains("--check"), "\(command)")
        }
    }
}
