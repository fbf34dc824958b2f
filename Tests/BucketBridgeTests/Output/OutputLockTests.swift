import Foundation
import Testing

@testable import BucketBridge

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run at a time per `--out`, and what killed runs leave behind is finished and removed.
struct OutputLockTests {
    let folder: String
    let out: String
    let spec: String

    init() throws {
        folder = try makeTemporaryFolder()
        out = folder + "/out"
        spec = folder + "/s.json"
        try writeFile(spec, specJSON())
    }

    func removeFolder() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The names directly under `--out`.
    func topLevel() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    }

    /// A staging folder as a killed render leaves it: the marker, and `parts` inside.
    func deadStaging(_ name: String, marker: Bool = true, parts: [String: String] = [:]) throws -> String {
        let staging = out + "/" + name
        try FileManager.default.createDirectory(atPath: staging + "/new", withIntermediateDirectories: true)
        if marker { try writeFile(staging + "/" + StagingFolder.markerName, "") }
        for (path, text) in parts { try writeFile(staging + "/" + path, text) }
        return staging
    }

    @Test(arguments: [false, true])
    func leftoversOfAKilledRenderAreRemoved(byCheck: Bool) throws {
        defer { removeFolder() }
        #expect(run(["render", spec, "--out", out]).status == 0)
        _ = try deadStaging(".bucketbridge-staging-dead1", parts: ["new/acme/README.md": "half", "done/acme/iam/x.json": "{}"])
        _ = try deadStaging(".bucketbridge-staging-dead2")
        let result = run(["render", spec, "--out", out] + (byCheck ? ["--check"] : []))
        #expect(result.status == 0, "\(result.errors)")
        #expect(try topLevel() == ["acme"])
    }

    @Test(arguments: [false, true])
    func aLookAlikeFolderWithoutTheMarkerIsKept(byCheck: Bool) throws {
        defer { removeFolder() }
        #expect(run(["render", spec, "--out", out]).status == 0)
        let mine = try deadStaging(".bucketbridge-staging-mine", marker: false, parts: ["new/notes.txt": "mine"])
        #expect(run(["render", spec, "--out", out] + (byCheck ? ["--check"] : [])).status == 0)
        #expect(try topLevel() == [".bucketbridge-staging-mine", "acme"])
        #expect(try String(contentsOfFile: mine + "/new/notes.txt", encoding: .utf8) == "mine")
    }

    /// Killed after creating its staging folder but before marking it: the lock file it left
    /// names the folder.
    @Test func theStagingFolderNamedInALeftLockFileIsRemoved() throws {
        defer { removeFolder() }
        #expect(run(["render", spec, "--out", out]).status == 0)
        _ = try deadStaging(".bucketbridge-staging-unmarked", marker: false)
        try writeFile(out + "/" + OutputLock.fileName, "bucketbridge process 1 is using this folder\nstaging .bucketbridge-staging-unmarked\n")
        #expect(run(["render", spec, "--out", out]).status == 0)
        #expect(try topLevel() == ["acme"])
    }

    /// Killed between moving a destination folder aside and moving the new one in: the old
    /// folder, with the user's files, comes back.
    @Test(arguments: [false, true])
    func aFolderMovedAsideComesBack(byCheck: Bool) throws {
        defer { removeFolder() }
        #expect(run(["render", spec, "--out", out]).status == 0)
        try writeFile(out + "/acme/terraform/terraform.tfstate", "{\"state\": 1}")
        let before = try snapshotTree(out)
        let staging = try deadStaging(".bucketbridge-staging-dead")
        try FileManager.default.createDirectory(atPath: staging + "/old", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: out + "/acme", toPath: staging + "/old/acme")
        let result = run(["render", spec, "--out", out] + (byCheck ? ["--check"] : []))
        #expect(result.status == 0, "\(result.errors)")
        #expect(try snapshotTree(out) == before)
    }

    /// Killed after moving the new folder in, while carrying the user's files over: the rest
    /// of them follow; the old folder's generated files do not.
    @Test func theUsersFilesLeftInTheOldFolderAreCarriedOver() throws {
        defer { removeFolder() }
        #expect(run(["render", spec, "--out", out]).status == 0)
        let fresh = try snapshotTree(out)
        try writeFile(out + "/acme/terraform/terraform.tfstate", "{\"state\": 1}")
        try writeFile(out + "/acme/notes/todo.md", "mine")
        let staging = try deadStaging(".bucketbridge-staging-dead")
        try FileManager.default.createDirectory(atPath: staging + "/old", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: out + "/acme", toPath: staging + "/old/acme")
        try FileManager.default.removeItem(atPath: out + "/acme/terraform/terraform.tfstate")
        try FileManager.default.removeItem(atPath: out + "/acme/notes")
        try writeFile(staging + "/old/acme/iam/stale-policy.json", "{}")
        let manifest = staging + "/old/acme/" + DestinationOutput.manifestName
        try writeFile(manifest, try String(contentsOfFile: manifest, encoding: .utf8) + "iam/stale-policy.json\n")
        #expect(run(["render", spec, "--out", out]).status == 0)
        var expected = fresh
        expected["acme/terraform/terraform.tfstate"] = Data("{\"state\": 1}".utf8)
        expected["acme/notes/"] = Data()
        expected["acme/notes/todo.md"] = Data("mine".utf8)
        #expect(try snapshotTree(out) == expected)
    }

    @Test func aHeldLockStopsRenderAndCheckWithoutWriting() throws {
        defer { removeFolder() }
        #expect(run(["render", spec, "--out", out]).status == 0)
        try writeFile(spec, specJSON(["prefix": #""changed/""#]))
        // Another open file description: flock locks are per open file, even in one process.
        let descriptor = open(out + "/" + OutputLock.fileName, O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0 && flock(descriptor, LOCK_EX) == 0)
        let notes = "bucketbridge process 4242 is using this folder\n"
        #expect(write(descriptor, notes, notes.utf8.count) == notes.utf8.count)
        let before = try snapshotTree(out)
        for extra in [[], ["--check"]] {
            let result = run(["render", spec, "--out", out] + extra)
            #expect(result.status == 1)
            #expect(result.errors.contains("\(out): error: --out is in use by another bucketbridge process (pid 4242)"), "\(result.errors)")
            #expect(result.errors.contains("wait until it has finished"))
            #expect(try snapshotTree(out) == before)
        }
        close(descriptor)
        #expect(run(["render", spec, "--out", out]).status == 0)
        #expect(try topLevel() == ["acme"])
    }

    @Test func noLockFileStaysAfterAnyRun() throws {
        defer { removeFolder() }
        #expect(run(["render", spec, "--out", out, "--check"]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(run(["render", spec, "--out", out]).status == 0)
        #expect(run(["render", spec, "--out", out, "--check"]).status == 0)
        try FileManager.default.removeItem(atPath: out + "/acme/" + DestinationOutput.manifestName)
        #expect(run(["render", spec, "--out", out]).status == 1)
        #expect(try topLevel() == ["acme"])
    }

    /// A folder the user cannot write to: the message names `--out`, not the staging folder,
    /// and `--check` still compares. Runs the binary as `nobody` when the tests run as root.
    @Test func aReadOnlyOutNamesTheFolder() throws {
        defer {
            chmod(out, 0o755)
            removeFolder()
        }
        #expect(run(["render", spec, "--out", out]).status == 0)
        try writeFile(spec, specJSON(["prefix": #""changed/""#]))
        #expect(chmod(out, 0o555) == 0)
        func runReadOnly(_ arguments: [String]) throws -> ToolRun? {
            let binary = try builtBinary()
            if geteuid() != 0 { return try runTool(binary, arguments) }
            guard toolWorks("setpriv", ["--version"]) else { return nil }
            return try runTool("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments)
        }
        guard let render = try runReadOnly(["render", spec, "--out", out]) else {
            print("skipped: running as root without setpriv (util-linux) to drop privileges")
            return
        }
        #expect(render.status == 1)
        #expect(render.stderr.contains("\(out): error: cannot create the lock file .bucketbridge-lock in --out: Permission denied"), "\(render.stderr)")
        #expect(!render.stderr.contains(StagingFolder.namePrefix))
        let check = try #require(try runReadOnly(["render", spec, "--out", out, "--check"]))
        #expect(check.status == 1)
        #expect(check.stderr.contains("acme/iam/permissions-policy.json: error: differs"), "\(check.stderr)")
        #expect(try topLevel() == ["acme"])
    }

    /// Two renders started together into one (new) `--out`: each either renders or stops with
    /// the lock message, and the folder ends up as one render makes it, with nothing else.
    @Test func concurrentRendersNeverStepOnEachOther() throws {
        defer { removeFolder() }
        let binary = try builtBinary()
        let specs = try exampleSpecPaths()
        #expect(run(["render"] + specs + ["--out", folder + "/reference"]).status == 0)
        let reference = try snapshotTree(folder + "/reference")
        for _ in 0..<5 {
            try? FileManager.default.removeItem(atPath: out)
            let processes = try (0..<2).map { _ in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: binary)
                process.arguments = ["render"] + specs + ["--out", out]
                let errors = Pipe()
                process.standardOutput = FileHandle.nullDevice
                process.standardError = errors
                try process.run()
                return (process, errors)
            }
            for (process, errors) in processes {
                let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0 || text.contains("--out is in use by another bucketbridge process"), "\(text)")
            }
            #expect(try snapshotTree(out) == reference)
        }
    }
}
