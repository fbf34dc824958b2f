import Foundation
import Testing
@testable import BucketBridge

/// `FileSystem.readWithMode`, which `render --check` reads every file with: the same bytes as a
/// plain read, and the executable bit as `isExecutable` (`lstat`) reports it.
struct FileReadTests {
    let folder: String

    init() throws {
        folder = try makeTemporaryFolder()
    }

    /// Sizes around the one-byte-more read and the 4096-byte growth step.
    @Test(arguments: [0, 1, 4095, 4096, 4097, 100_000])
    func readsEveryByte(size: Int) throws {
        let path = folder + "/file-\(size)"
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let read = try #require(try FileSystem.readWithMode(path))
        #expect(read.bytes == bytes)
        #expect(read.isExecutable == false)
        #expect(try FileSystem.read(path) == bytes)
    }

    /// The executable bit as `lstat` reports it (a symbolic link's own).
    func hasExecutableBit(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IXUSR != 0
    }

    @Test func executableBitAsLstatTellsIt() throws {
        let plain = folder + "/plain", script = folder + "/script.sh"
        try writeFile(plain, "a\n")
        try writeFile(script, "#!/bin/sh\n")
        chmod(script, 0o755)
        let link = folder + "/link-to-plain"
        symlink(plain, link)
        for path in [plain, script, link] {
            let read = try #require(try FileSystem.readWithMode(path))
            #expect(read.isExecutable == hasExecutableBit(path), "\(path)")
            #expect(read.bytes == Array(try String(contentsOfFile: path, encoding: .utf8).utf8))
        }
        #expect(try FileSystem.readWithMode(script)?.isExecutable == true)
    }

    /// Read through a folder descriptor: the same answers as by whole paths.
    @Test func relativeToAFolderAgreesWithWholePaths() throws {
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try writeFile(folder + "/sub/plain", "a\n")
        try writeFile(folder + "/sub/script.sh", "#!/bin/sh\n")
        chmod(folder + "/sub/script.sh", 0o755)
        symlink(folder + "/sub/script.sh", folder + "/sub/link-to-script")
        symlink(folder + "/nowhere", folder + "/sub/dangling")
        let descriptor = try #require(FileSystem.openFolder(folder))
        defer { close(descriptor) }
        for relative in ["sub/plain", "sub/script.sh", "sub/link-to-script", "sub/dangling", "sub/missing", "sub", "sub/plain/below"] {
            let path = folder + "/" + relative
            let byPath = try FileSystem.readWithMode(path)
            let inFolder = try FileSystem.readWithMode(path, relative: relative, in: descriptor)
            #expect(byPath?.bytes == inFolder?.bytes, "\(relative)")
            #expect(byPath?.isExecutable == inFolder?.isExecutable, "\(relative)")
            #expect((inFolder == nil) == !["sub/plain", "sub/script.sh", "sub/link-to-script"].contains(relative), "\(relative)")
        }
        #expect(FileSystem.openFolder(folder + "/sub/plain") == nil)
        #expect(FileSystem.openFolder(folder + "/missing") == nil)
    }

    @Test func noRegularFileIsNil() throws {
        #expect(try FileSystem.readWithMode(folder + "/missing") == nil)
        #expect(try FileSystem.readWithMode(folder) == nil)
        #expect(try FileSystem.readWithMode(folder + "/missing/below") == nil)
        symlink(folder + "/nowhere", folder + "/dangling")
        #expect(try FileSystem.readWithMode(folder + "/dangling") == nil)
    }
}
