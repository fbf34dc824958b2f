import Foundation
import Testing

@testable import BucketBridge

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A render killed with SIGKILL at any moment leaves nothing that the next render does not
/// finish or remove: afterwards `--out` holds exactly what a render makes, plus the user's files.
struct RenderKillTests {
    /// A spec of `count` destinations. The two variants differ in the files' contents and in
    /// which files there are (`requireTls` adds a bucket policy), so a half-done swap shows.
    func spec(count: Int, variant: Int) -> String {
        let destinations = (0..<count).map { index in
            destinationJSON([
                "name": "\"dest-\(String(format: "%04d", index))\"",
                "prefix": "\"v\(variant)/\(index)/\"",
                "requireTls": variant == 0 ? "false" : "true",
            ])
        }
        return #"{"version": 1, "destinations": ["# + destinations.joined(separator: ",\n") + "]}\n"
    }

    /// A scratch folder in memory (tmpfs) where there is one: this test is about what a kill
    /// leaves, not about the disk, and 10 renders of 2,000 folders on a busy disk take minutes.
    func scratchFolder() throws -> String {
        let shared = "/dev/shm"
        guard FileManager.default.isWritableFile(atPath: shared) else { return try makeTemporaryFolder() }
        let path = shared + "/bucketbridge-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func killedRendersLeaveNothingBehind() throws {
        let binary = try builtBinary()
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let specs = [folder + "/v0.json", folder + "/v1.json"]
        for (variant, path) in specs.enumerated() { try writeFile(path, spec(count: 2_000, variant: variant)) }
        // Templates that render to nothing, so produce no file: a debug build renders the real
        // ones too slowly for ten trials. The IAM JSON files and the manifest are written as always.
        let templates = folder + "/templates"
        for path in EmbeddedTemplates.files.keys { try writeFile(templates + "/" + path, "") }
        let out = folder + "/out"
        func arguments(_ spec: String) -> [String] { ["render", spec, "--out", out, "--templates", templates] }

        let clock = ContinuousClock()
        let started = clock.now
        let first = try runTool(binary, arguments(specs[0]))
        let duration = clock.now - started
        #expect(first.status == 0, "\(first.stderr)")
        var expected = try snapshotTree(out)
        let userFiles = ["dest-0000/terraform.tfstate": "{\"serial\": 1}", "dest-1999/notes.md": "mine"]
        for (path, text) in userFiles {
            try writeFile(out + "/" + path, text)
            expected[path] = Data(text.utf8)
        }

        var killedWhileRunning = 0
        for trial in 0..<10 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments(specs[(trial + 1) % 2])
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let delay = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            usleep(UInt32(Double.random(in: 0...delay) * 1_000_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedWhileRunning += 1
            }
            process.waitUntilExit()
        }

        let next = try runTool(binary, arguments(specs[0]))
        #expect(next.status == 0, "\(next.stderr)")
        let tree = try snapshotTree(out)
        let hidden = Set(tree.keys.map { $0.prefix { $0 != "/" } }.filter { $0.hasPrefix(".") }).sorted()
        #expect(hidden.count == 0, "left in --out: \(hidden)")
        let differing = Set(tree.keys).symmetricDifference(expected.keys).union(expected.keys.filter { tree[$0] != expected[$0] })
        #expect(differing.count == 0, "\(differing.count) paths differ from a render, such as \(differing.sorted().prefix(5))")
        #expect(killedWhileRunning >= 5, "only \(killedWhileRunning) of 10 renders were still running when killed")
    }
}
