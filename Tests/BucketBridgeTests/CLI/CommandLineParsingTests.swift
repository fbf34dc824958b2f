import Foundation
import Testing
@testable import BucketBridge

struct CommandLineParsingTests {
    @Test func renderDefaultsAndOptions() throws {
        #expect(try parseCommandLine(["render", "a.json"]).get() == .render(Pipeline(specPaths: ["a.json"]), out: "output", check: false))
        #expect(try parseCommandLine(["render", "a.json", "b.json", "--out", "o", "--templates=t", "--check"]).get()
            == .render(Pipeline(specPaths: ["a.json", "b.json"], templateOverrides: "t"), out: "o", check: true))
        #expect(try parseCommandLine(["render", "--", "--odd.json"]).get() == .render(Pipeline(specPaths: ["--odd.json"]), out: "output", check: false))
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
