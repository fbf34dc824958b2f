import Foundation
import Testing
@testable import BucketBridge

/// The completion scripts run in the real shells: bash completes as a user would see, zsh and
/// fish at least parse them (and fish completes too).
struct CompletionTests {
    /// What bash offers after typing `words` (the last one being completed).
    static func bashCompletions(_ words: [String], in folder: String) throws -> [String] {
        let script = folder + "/bucketbridge.bash"
        try writeFile(script, run(["completions", "bash"]).output)
        let array = words.map { shellQuote($0)! }.joined(separator: " ")
        let program = """
            source \(shellQuote(script)!)
            complete -p bucketbridge >/dev/null || exit 3
            COMP_WORDS=(\(array)); COMP_CWORD=\(words.count - 1)
            _bucketbridge
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try runProcess("bash", ["--norc", "-c", program], directory: folder)
        #expect(result.status == 0, "\(result.errors)")
        return result.output.split(separator: "\n").map(String.init).sorted()
    }

    @Test(.enabled(if: ExternalTool.available(.bash), ExternalTool.skipMessage(.bash)))
    func bashCompletesCommandsOptionsAndValues() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFile(folder + "/acme.json", "{}")
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        #expect(try Self.bashCompletions(["bucketbridge", "re"], in: folder) == ["render"])
        #expect(try Self.bashCompletions(["bucketbridge", ""], in: folder)
            == (CommandCatalogue.commands.map(\.name) + topLevelWords).sorted())
        #expect(try Self.bashCompletions(["bucketbridge", "render", "--f"], in: folder) == ["--format"])
        #expect(try Self.bashCompletions(["bucketbridge", "render", "--format", ""], in: folder) == ["github", "json", "sarif", "text"])
        #expect(try Self.bashCompletions(["bucketbridge", "render", "--out", ""], in: folder) == ["out"])
        #expect(try Self.bashCompletions(["bucketbridge", "render", "ac"], in: folder) == ["acme.json"])
        #expect(try Self.bashCompletions(["bucketbridge", "validate", "--"], in: folder) == ["--format", "--help", "--set"])
        #expect(try Self.bashCompletions(["bucketbridge", "completions", ""], in: folder) == ["bash", "fish", "zsh"])
        #expect(try Self.bashCompletions(["bucketbridge", "help", "ext"], in: folder) == ["external-id"])
    }

    @Test(.enabled(if: ExternalTool.available(.zsh), ExternalTool.skipMessage(.zsh)))
    func zshScriptParses() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = run(["completions", "zsh"]).output
        #expect(script.hasPrefix("#compdef bucketbridge\n"))
        try writeFile(folder + "/_bucketbridge", script)
        let syntax = try runProcess("zsh", ["-n", folder + "/_bucketbridge"])
        #expect(syntax.status == 0, "\(syntax.errors)")
        // Loaded the way users load it: compinit, then the function from fpath.
        let load = try runProcess("zsh", ["-f", "-c", "fpath=(\(folder) $fpath); autoload -Uz compinit; compinit -u -D; autoload -Uz _bucketbridge; whence -w _bucketbridge"])
        #expect(load.status == 0 && load.output.contains("_bucketbridge: function"), "\(load.output)\(load.errors)")
    }

    @Test(.enabled(if: ExternalTool.available(.fish), ExternalTool.skipMessage(.fish)))
    func fishScriptParsesAndCompletes() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFile(folder + "/bucketbridge.fish", run(["completions", "fish"]).output)
        let syntax = try runProcess("fish", ["-n", folder + "/bucketbridge.fish"])
        #expect(syntax.status == 0, "\(syntax.errors)")
        func complete(_ line: String) throws -> [String] {
            let result = try runProcess("fish", ["--no-config", "-c", "source \(folder)/bucketbridge.fish; complete -C \(shellQuote(line)!)"])
            #expect(result.status == 0, "\(result.errors)")
            return result.output.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }.sorted()
        }
        #expect(try complete("bucketbridge rend") == ["render"])
        #expect(try complete("bucketbridge render --form") == ["--format"])
        #expect(try complete("bucketbridge validate --format ") == ["github", "json", "sarif", "text"])
        #expect(try complete("bucketbridge completions ") == ["bash", "fish", "zsh"])
    }

    @Test func everyOptionOfTheModelIsInEveryScript() {
        for shell in Shell.allCases {
            let script = run(["completions", shell.rawValue]).output
            for command in CommandCatalogue.commands {
                #expect(script.contains(command.name), "\(shell): \(command.name)")
                for option in command.options {
                    let name = shell == .fish ? "-l " + option.name.dropFirst(2) : option.name
                    #expect(script.contains(name), "\(shell): \(command.name) \(option.name)")
                }
            }
        }
    }
}
