import Foundation
import Testing
@testable import BucketBridge

/// Reading, validating and rendering a batch of destinations at a time (issue 13): the output
/// and the diagnostics do not depend on the batch size, and nothing is written on an error
/// found in a late batch.
struct BatchTests {
    let folder: String

    init() throws {
        folder = try makeTemporaryFolder()
    }

    /// A spec of `count` destinations, one per line: destination `i` is on line `i + 2`.
    /// `replacing` gives other text for some of them.
    static func spec(count: Int, replacing: [Int: String] = [:]) -> String {
        var lines = [
            #"{"version": 1, "defaults": {"region": "eu-west-2", "trustedPrincipals": ["arn:aws:iam::280772890673:role/vendor"], "#
                + #""externalId": "ext-1234", "access": "read"}, "destinations": ["#
        ]
        for index in 0..<count {
            let grant = ["role", "role-and-bucket-policy", "bucket-policy"][index % 3]
            let line = replacing[index] ?? (#"{"name": "dest-\#(index)", "bucket": "bucket-\#(index)", "grant": "\#(grant)", "#
                + #""requireTls": \#(index % 2 == 0), "role": {"name": "Role\#(index)", "accountId": "666666666666"}}"#)
            lines.append(line + (index < count - 1 ? "," : ""))
        }
        lines.append("]}")
        return lines.joined(separator: "\n")
    }

    func write(_ text: String, as name: String = "spec.json") throws -> String {
        let path = folder + "/" + name
        try writeFile(path, text)
        return path
    }

    func render(_ specs: [String], into out: String, batchSize: Int) throws -> (Int, Diagnostics) {
        var pipeline = Pipeline(specPaths: specs)
        pipeline.batchSize = batchSize
        var diagnostics = Diagnostics()
        let count = try pipeline.render(into: out, diagnostics: &diagnostics)
        return (count, diagnostics)
    }

    @Test func outputDoesNotDependOnTheBatchSize() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try write(Self.spec(count: 23))
        let second = try write(Self.spec(count: 2).replacingOccurrences(of: "dest-", with: "other-"), as: "second.json")
        let (small, _) = try render([first, second], into: folder + "/small", batchSize: 4)
        let (whole, _) = try render([first, second], into: folder + "/whole", batchSize: 1000)
        #expect(small == 25 && whole == 25)
        let tree = try snapshotTree(folder + "/small")
        #expect(tree.keys.filter { $0.hasSuffix("/.bucketbridge-manifest") }.count == 25)
        #expect(tree == (try snapshotTree(folder + "/whole")))

        var pipeline = Pipeline(specPaths: [first, second])
        pipeline.batchSize = 5
        var diagnostics = Diagnostics()
        #expect(try pipeline.check(against: folder + "/whole", diagnostics: &diagnostics).isEmpty)
    }

    @Test func diagnosticsOfLateBatchesKeepTheirPositionsAndNothingIsWritten() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let badBucket = #"{"name": "dest-25", "bucket": "Bad_Bucket", "role": {"name": "Role25", "accountId": "666666666666"}}"#
        let reusedName = #"{"name": "dest-3", "bucket": "bucket-28", "role": {"name": "Role28", "accountId": "666666666666"}}"#
        let path = try write(Self.spec(count: 30, replacing: [25: badBucket, 28: reusedName]))
        let out = folder + "/out"
        var pipeline = Pipeline(specPaths: [path])
        pipeline.batchSize = 4
        var diagnostics = Diagnostics()
        #expect(throws: PipelineError.self) { try pipeline.render(into: out, diagnostics: &diagnostics) }
        // Six batches were rendered into the staging folder before destination 25 was read.
        #expect(!FileManager.default.fileExists(atPath: out))

        let column = { (line: String, value: String) in line.distance(from: line.startIndex, to: line.range(of: value)!.lowerBound) + 1 }
        let errors = errorLines(diagnostics)
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("\(path):27:\(column(badBucket, #""Bad_Bucket""#)): error: destinations[25].bucket") })
        #expect(errors.contains {
            $0.hasPrefix("\(path):30:\(column(reusedName, #""dest-3""#)): error: destinations[28].name") && $0.contains("spec.json:5:10")
        }, "\(errors)")
    }

    @Test func lateElementsReportSyntaxAndDuplicateKeysOnce() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let duplicate = #"{"name": "dest-20", "bucket": "bucket-20", "bucket": "bucket-20", "role": {"name": "Role20", "accountId": "666666666666"}}"#
        let spec = Self.spec(count: 24, replacing: [20: duplicate])
        let path = try write(spec)
        let result = run(["validate", path])
        #expect(result.status == 1)
        let lines = result.errors.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(lines.count == 1, "\(result.errors)")
        #expect(lines.first?.hasPrefix("\(path):22:") == true && lines.first?.contains("duplicate key") == true)

        // A syntax error inside a skimmed element reads as parseJSON reports it.
        let broken = try write(Self.spec(count: 24, replacing: [20: #"{"name": "dest-20",}"#]), as: "broken.json")
        var expected = Diagnostics()
        _ = parseJSON(SourceFile(name: broken, text: try String(contentsOfFile: broken, encoding: .utf8)), diagnostics: &expected)
        let brokenRun = run(["render", broken, "--out", folder + "/out"])
        #expect(brokenRun.status == 1)
        #expect(brokenRun.errors.hasPrefix(expected.sorted.map(\.description).joined(separator: "\n")))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    /// The destinations staged before the last batch move in while it renders
    /// (`OutputWriter.moveInAhead`); a failure in that batch moves them back out.
    @Test(arguments: ["a file in the way", "a template error"])
    func aFailureInTheLastBatchLeavesOutAsItWas(_ failure: String) throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try write(Self.spec(count: 10))
        let out = folder + "/out"
        var pipeline = Pipeline(specPaths: [path])
        pipeline.batchSize = 3
        // An earlier render of other destinations, and the user's file.
        _ = try render([try write(Self.spec(count: 2).replacingOccurrences(of: "dest-", with: "kept-"), as: "kept.json")], into: out, batchSize: 3)
        try writeFile(out + "/notes.txt", "mine")
        if failure == "a file in the way" {
            try writeFile(out + "/dest-9", "in the way")
        } else {
            let templates = folder + "/templates"
            try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
            try writeFile(templates + "/extra.txt", #"{% if destination.name == "dest-9" %}{{ nope }}{% endif %}ok"#)
            pipeline.templateOverrides = templates
        }
        // The lock file notes each run's staging folder: it is not part of the output.
        let tree = { try snapshotTree(out).filter { !$0.key.hasPrefix(OutputLock.fileName) } }
        let before = try tree()
        var diagnostics = Diagnostics()
        #expect(throws: PipelineError.self) { try pipeline.render(into: out, diagnostics: &diagnostics) }
        #expect(try tree() == before)
        let entries = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0 != OutputLock.fileName }.sorted()
        #expect(entries == (["kept-0", "kept-1", "notes.txt"] + (failure == "a file in the way" ? ["dest-9"] : [])).sorted())
    }

    /// Destinations already in `--out` are not moved in ahead: `commit` swaps them, carrying the
    /// user's files over.
    @Test func aRenderOverAnEarlierOneKeepsTheUsersFilesWithSmallBatches() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try write(Self.spec(count: 10))
        let out = folder + "/out"
        _ = try render([path], into: out, batchSize: 3)
        try writeFile(out + "/dest-0/notes.txt", "mine")
        try writeFile(out + "/dest-9/notes.txt", "mine too")
        let (count, _) = try render([path], into: out, batchSize: 3)
        #expect(count == 10)
        #expect(try String(contentsOfFile: out + "/dest-0/notes.txt", encoding: .utf8) == "mine")
        #expect(try String(contentsOfFile: out + "/dest-9/notes.txt", encoding: .utf8) == "mine too")
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: out)).contains { $0.hasPrefix(".bucketbridge-staging") })
    }

    @Test func validateCountsEveryBatch() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try write(Self.spec(count: Pipeline.defaultBatchSize * 2 + 3))
        let result = run(["validate", path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("ok: \(Pipeline.defaultBatchSize * 2 + 3) destinations") || result.output.contains("ok: \(Pipeline.defaultBatchSize * 2 + 3) destinations"))
    }
}

/// The merge of a batch runs on one core while the next batch is validated
/// (`parallelMap(count:alongside:)`): the diagnostics keep their order whatever the batch size.
struct BatchMergeTests {
    @Test func diagnosticsKeepTheirOrderWhateverTheBatchSize() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = { (index: Int) in #"{"name": "dest-\#(index)", "bucket": "Bad_\#(index)", "role": {"name": "Role\#(index)", "accountId": "666666666666"}}"# }
        let reused = #"{"name": "dest-1", "bucket": "bucket-17", "role": {"name": "Role17", "accountId": "666666666666"}}"#
        let first = folder + "/first.json", second = folder + "/second.json"
        try writeFile(first, BatchTests.spec(count: 20, replacing: [2: bad(2), 9: bad(9), 17: reused]))
        try writeFile(second, BatchTests.spec(count: 7, replacing: [0: bad(0)]).replacingOccurrences(of: "dest-", with: "other-")
            .replacingOccurrences(of: #""other-6""#, with: #""dest-1""#))
        func diagnostics(batchSize: Int) -> [String] {
            var pipeline = Pipeline(specPaths: [first, second])
            pipeline.batchSize = batchSize
            var diagnostics = Diagnostics()
            _ = try? pipeline.countValid(diagnostics: &diagnostics)
            return diagnostics.map(\.description)
        }
        let whole = diagnostics(batchSize: 1000)
        #expect(whole.filter { $0.contains(": error: ") }.count == 5, "\(whole)")
        for size in [1, 2, 3, 7] {
            let batched = diagnostics(batchSize: size)
            #expect(batched == whole, "batch size \(size): \(batched.count) against \(whole.count); first difference: \(zip(batched, whole).first { $0 != $1 }.map { "\($0) / \($1)" } ?? "none")")
        }
    }

    @Test func theSideTaskRunsOnceAndResultsKeepTheirOrder() {
        for count in [0, 1, 2, 5, 300] {
            let runs = SideTaskCounter()
            let results = parallelMap(count: count, alongside: { runs.add() }) { $0 * 2 }
            #expect(results == (0..<count).map { $0 * 2 })
            #expect(runs.value == 1, "count \(count)")
        }
    }
}

/// Counts calls from any thread.
private final class SideTaskCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
