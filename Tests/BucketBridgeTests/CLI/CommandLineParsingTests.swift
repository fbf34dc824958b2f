import Foundation
import Testing
@testable import BucketBridge

struct CommandLineParsingTests {
    @Test func renderDefaultsAndOptions() throws {
        #expect(try parseCommandLine(["render", "a.json"]).get() == .render(RenderArguments(specs: ["a.json"])))
        var expected = RenderArguments(specs: ["a.json", "b.json"])
        expected.out = "o"
        expected.templates = "t"
        expected.check = true
        expected.format = .github
        #expect(try parseCommandLine(["render", "a.json", "b.json", "--out", "o", "--templates=t", "--check", "--format", "github"]).get()
            == .render(expected))
        #expect(try parseCommandLine(["render", "--", "--odd.json"]).get() == .render(RenderArguments(specs: ["--odd.json"])))
        var validate = ValidateArguments(specs: ["a.json"])
        validate.format = .sarif
        #expect(try parseCommandLine(["validate", "--format=sarif", "a.json"]).get() == .validate(validate))
        #expect(try parseCommandLine(["completions", "zsh"]).get() == .completions(.zsh))
        #expect(try parseCommandLine(["external-id", "--prefix", "-x"]).get() == .externalID(prefix: "-x", length: 32))
    }

    @Test(arguments: [
        ["render"], ["render", "a.json", "--bogus"], ["render", "a.json", "--out"], ["validate"], ["frobnicate"], [],
        ["schema", "extra"], ["external-id", "--length", "x"], ["external-id", "--length", "0"], ["external-id", "--prefix", "has space"],
        ["external-id", "--length", "1225"], ["render", "a.json", "--out", "a", "--out", "b"], ["--version", "extra"],
        ["render", "a.json", "--check=yes"], ["render", "a.json", "--format", "xml"], ["completions"], ["completions", "tcsh"],
        ["completions", "bash", "zsh"], ["help", "frobnicate"], ["validate", "a.json", "./a.json"], ["validate", "a.json", "--out", "o"],
    ])
    func usageErrorsExitWithTwo(_ arguments: [String]) {
        let result = run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.errors)")
        #expect(result.output.isEmpty && result.errors.contains("error"))
    }

    @Test(arguments: [
        (["render", "a.json", "--outt", "x"], "unknown option \"--outt\" for render (did you mean \"--out\"?)"),
        (["render", "a.json", "--format", "jsn"], "--format: \"jsn\" is not one of text, json, github, sarif (did you mean \"json\"?)"),
        (["rendr", "a.json"], "unknown command \"rendr\" (did you mean \"render\"?)"),
        (["--verison"], "unknown option \"--verison\" (did you mean \"--version\"?)"),
        (["--version", "extra"], "unexpected argument \"extra\": --version takes no further arguments"),
        (["schema", "x"], "unexpected argument \"x\": schema takes no further arguments"),
        (["completions", "bsh"], "SHELL: \"bsh\" is not one of bash, zsh, fish (did you mean \"bash\"?)"),
        (["external-id", "--length", "5000"], "--length 5000: the external ID would be 5000 characters long, and STS allows at most 1224: use --length 1224 or less"),
        (["external-id", "--length", "1224", "--prefix", "seq_"], "use --length 1220 or less with --prefix \"seq_\""),
        (["validate", "a.json", "b.json", "./a.json"], "\"./a.json\" is named more than once: name each spec file once"),
        (["render", "a.json", "--out"], "--out needs a value: --out DIR"),
    ])
    func usageErrorsNameWhatWasTyped(_ arguments: [String], _ message: String) {
        let result = run(arguments)
        #expect(result.status == 2)
        #expect(result.errors.contains(message), "\(result.errors)")
    }

    @Test func everyCommandAnswersHelp() {
        for command in CommandCatalogue.commands {
            for arguments in [[command.name, "--help"], [command.name, "-h"], ["help", command.name], [command.name, "x", "--bogus", "--help"]] {
                let result = run(arguments)
                #expect(result.status == 0, "\(arguments)")
                #expect(result.errors.isEmpty)
                #expect(result.output.hasPrefix("Usage: bucketbridge \(command.name)"), "\(arguments): \(result.output)")
                for option in command.options { #expect(result.output.contains(option.usage), "\(command.name): \(option.name)") }
                #expect(!result.output.contains("(repeatable) (repeatable)"), "\(command.name): \(result.output)")
            }
        }
        let overview = run(["--help"])
        #expect(overview.status == 0)
        for command in CommandCatalogue.commands { #expect(overview.output.contains(usageLine(of: command))) }
        #expect(overview.output.contains("bucketbridge render SPEC... [--out DIR] [--templates DIR] [--check] [--format text|json|github|sarif]"))
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
