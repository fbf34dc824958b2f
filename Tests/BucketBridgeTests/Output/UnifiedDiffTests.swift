import Foundation
import Testing
@testable import BucketBridge

struct UnifiedDiffTests {
    func diff(_ old: String, _ new: String, workLimit: Int = 20_000_000) -> String {
        unifiedDiff(old: Array(old.utf8), new: Array(new.utf8), oldLabel: "a", newLabel: "b", workLimit: workLimit)
    }

    @Test func smallChangesGetContextAndHunks() {
        #expect(diff("same\n", "same\n") == "")
        #expect(diff("1\n2\n3\n4\n5\n", "1\n2\nthree\n4\n5\n") == "--- a\n+++ b\n@@ -1,5 +1,5 @@\n 1\n 2\n-3\n+three\n 4\n 5\n")
        #expect(diff("", "x\ny\n") == "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n")
        #expect(diff("x\n", "") == "--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n")
        #expect(diff("x\n", "x") == "--- a\n+++ b\n@@ -1 +1 @@\n-x\n+x\n\\ No newline at end of file\n")
        let lines = (1...20).map { "\($0)\n" }
        var changed = lines
        changed[1] = "two\n"
        changed[17] = "eighteen\n"
        let text = diff(lines.joined(), changed.joined())
        #expect(text.components(separatedBy: "\n@@ ").count == 3, "\(text)")
        #expect(text.contains("@@ -1,5 +1,5 @@") && text.contains("@@ -15,6 +15,6 @@"))
    }

    /// Random edits, applied back with `patch`: the diff is always correct, minimal or not.
    @Test(.enabled(if: ExternalTool.available(.patch), ExternalTool.skipMessage(.patch)), arguments: [20_000_000, 10])
    func patchAppliesEveryDiff(workLimit: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for round in 0..<20 {
            let old = (0..<Int.random(in: 0...40, using: &generator)).map { _ in "line \(Int.random(in: 0...8, using: &generator))\n" }
            var new = old
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let position = Int.random(in: 0...new.count, using: &generator)
                if Bool.random(using: &generator) || new.isEmpty {
                    new.insert("new \(round)\n", at: position)
                } else {
                    new.remove(at: min(position, new.count - 1))
                }
            }
            let file = folder + "/file.txt"
            try writeFile(file, old.joined())
            let text = diff(old.joined(), new.joined(), workLimit: workLimit)
            guard !text.isEmpty else {
                #expect(old == new)
                continue
            }
            let result = try runProcess("patch", ["-s", file], input: text)
            #expect(result.status == 0, "\(text)\(result.errors)")
            #expect(try String(contentsOfFile: file, encoding: .utf8) == new.joined(), "\(text)")
        }
    }

    /// Past the work limit the differing middle becomes one remove-then-add hunk (how long that
    /// takes is measured by the benchmark, not here).
    @Test func hugeDifferentFilesBecomeOneHunk() {
        let old = (0..<50_000).map { "old \($0)\n" }.joined()
        let new = (0..<50_000).map { "new \($0)\n" }.joined()
        let text = diff(old, new)
        #expect(text.hasPrefix("--- a\n+++ b\n@@ -1,50000 +1,50000 @@\n-old 0\n"))
        #expect(text.components(separatedBy: "\n@@ ").count == 2)
    }
}
