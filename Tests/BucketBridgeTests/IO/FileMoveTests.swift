import Foundation
import Testing
@testable import BucketBridge

/// `FileSystem.moveIfAbsent`: the one rename of `commit`'s fast path never replaces anything.
/// (Elsewhere than Linux it moves nothing and `commit` checks first.)
#if canImport(Glibc)
struct FileMoveTests {
    @Test func movesWhenAbsentAndRefusesToReplace() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["from", "to"] { try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: false) }
        try writeFile(folder + "/from/a", "new a")
        try writeFile(folder + "/from/b", "new b")
        try writeFile(folder + "/to/b", "old b")
        let from = try #require(FileSystem.openFolder(folder + "/from")), to = try #require(FileSystem.openFolder(folder + "/to"))
        defer { close(from); close(to) }

        #expect(try FileSystem.moveIfAbsent("a", in: from, to: to, source: "from/a", target: "to/a"))
        #expect(try String(contentsOfFile: folder + "/to/a", encoding: .utf8) == "new a")
        #expect(!FileManager.default.fileExists(atPath: folder + "/from/a"))

        // An entry in the way stays, and so does the one that would have replaced it.
        #expect(try !FileSystem.moveIfAbsent("b", in: from, to: to, source: "from/b", target: "to/b"))
        #expect(try String(contentsOfFile: folder + "/to/b", encoding: .utf8) == "old b")
        #expect(try String(contentsOfFile: folder + "/from/b", encoding: .utf8) == "new b")

        // Any other failure is an error naming the source.
        #expect(throws: IOError.self) { try FileSystem.moveIfAbsent("missing", in: from, to: to, source: "from/missing", target: "to/missing") }
    }
}
#elseif canImport(Darwin)
    // macOS: `moveIfAbsent` moves nothing there.
#endif
