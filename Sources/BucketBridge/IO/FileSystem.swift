#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An I/O failure while reading or writing files, with the path involved.
public struct IOError: Error, Sendable, CustomStringConvertible {
    /// The file or folder involved.
    public var path: String
    /// What went wrong.
    public var message: String

    public var description: String { "\(path): error: \(message)" }
}

/// Thin wrappers over POSIX file calls: no `try?`, every failure names its path. The library
/// uses these instead of Foundation, which keeps start-up fast and file handling explicit.
/// The calls made for every file pass names with `withCString`, which lends a string's own
/// bytes; passing a `String` straight to a C function copies it into a new array first.
enum FileSystem {
    /// The kind of an entry; nil when it does not exist.
    enum Kind { case file, directory, other }

    /// The kind of `path`, not following a final symbolic link unless `following` is set.
    static func kind(of path: String, following: Bool = false) -> Kind? {
        var info = stat()
        guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    static func failure(_ path: String, _ action: String) -> IOError {
        IOError(path: path, message: "cannot \(action): \(String(cString: strerror(errno)))")
    }

    /// The folder part of a `/`-separated path (`a/b/c` → `a/b`, `c` → `.`, `/c` → `/`).
    static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// Creates a directory; an existing directory is fine.
    static func makeDirectory(_ path: String) throws(IOError) {
        if mkdir(path, 0o755) != 0 && !(errno == EEXIST && kind(of: path, following: true) == .directory) {
            throw failure(path, "create the folder")
        }
    }

    /// Creates `relative`, a folder directly inside the open folder `folder` (from
    /// `openFolder`); an existing directory is fine. `path` names it in errors (built only then).
    static func makeDirectory(_ path: @autoclosure () -> String, relative: String, in folder: Int32) throws(IOError) {
        guard relative.withCString({ mkdirat(folder, $0, 0o755) }) != 0 else { return }
        var info = stat()
        if errno == EEXIST && fstatat(folder, relative, &info, 0) == 0 && info.st_mode & S_IFMT == S_IFDIR { return }
        throw failure(path(), "create the folder")
    }

    /// Creates a directory and any missing parents.
    static func makeDirectories(_ path: String) throws(IOError) {
        if mkdir(path, 0o755) == 0 { return }
        if errno == EEXIST && kind(of: path, following: true) == .directory { return }
        guard errno == ENOENT else { throw failure(path, "create the folder") }
        let parent = parent(of: path)
        if parent != path && parent != "." && parent != "/" { try makeDirectories(parent) }
        try makeDirectory(path)
    }

    /// Writes bytes to a new file.
    static func write(_ bytes: [UInt8], to path: String, executable: Bool) throws(IOError) {
        try write(bytes, to: path, relative: path, in: AT_FDCWD, executable: executable)
    }

    /// `write` to `relative`, a path inside the open folder `folder` (from `openFolder`);
    /// `path` names the file in errors (built only then).
    static func write(
        _ bytes: [UInt8], to path: @autoclosure () -> String, relative: String, in folder: Int32, executable: Bool
    ) throws(IOError) {
        try bytes.withUnsafeBufferPointer { bytes throws(IOError) in
            try write(bytes, to: path(), relative: relative, in: folder, executable: executable)
        }
    }

    /// `write` of bytes lent by their owner (a render's buffer, an array).
    static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, to path: @autoclosure () -> String, relative: String, in folder: Int32, executable: Bool
    ) throws(IOError) {
        let descriptor = relative.withCString { openat(folder, $0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, executable ? 0o755 : 0o644) }
        guard descriptor >= 0 else { throw failure(path(), "create the file") }
        var written = 0
        while written < bytes.count {
            let result = systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
            guard result > 0 else {
                close(descriptor)
                throw failure(path(), "write the file")
            }
            written += result
        }
        if executable { fchmod(descriptor, 0o755) }
        guard close(descriptor) == 0 else { throw failure(path(), "write the file") }
    }

    /// Reads a whole regular file (following symbolic links); nil when there is none.
    static func read(_ path: String) throws(IOError) -> [UInt8]? {
        try readWithMode(path)?.bytes
    }

    /// A regular file's bytes and whether it has an executable bit, as `read` and
    /// `lstat` would tell; nil when there is no regular file. One `open`, `fstat`, `read`
    /// and `close` for a file that is not a symbolic link: `render --check` reads every file
    /// of the output tree this way.
    static func readWithMode(_ path: String) throws(IOError) -> (bytes: [UInt8], isExecutable: Bool)? {
        try readWithMode(path, relative: path, in: AT_FDCWD)
    }

    /// `readWithMode` of `relative`, a path inside the open folder `folder` (a descriptor from
    /// `openFolder`, or `AT_FDCWD`): the kernel walks only the path inside it. `path` names the
    /// file in errors.
    static func readWithMode(
        _ path: @autoclosure () -> String, relative: String, in folder: Int32
    ) throws(IOError) -> (bytes: [UInt8], isExecutable: Bool)? {
        var descriptor = relative.withCString { openat(folder, $0, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) }
        // A symbolic link: read its target; its executable bit is the link's own (as `lstat`).
        let isLink = descriptor < 0 && errno == ELOOP
        if isLink { descriptor = openat(folder, relative, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw failure(path(), "read the file")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(path(), "read the file") }
        guard info.st_mode & S_IFMT == S_IFREG else { return nil }
        let bytes = try readToEnd(descriptor, sizeHint: Int(info.st_size), path: path)
        if isLink {
            var link = stat()
            return (bytes, fstatat(folder, relative, &link, AT_SYMLINK_NOFOLLOW) == 0 && link.st_mode & S_IXUSR != 0)
        }
        return (bytes, info.st_mode & S_IXUSR != 0)
    }

    /// A descriptor of the folder `path` for `readWithMode(_:relative:in:)`, nil when it cannot
    /// be opened (the caller then reads by whole paths, which report the reason). Close it.
    static func openFolder(_ path: String) -> Int32? {
        openFolder(path, in: AT_FDCWD)
    }

    /// `openFolder` of `relative`, a path inside the open folder `folder`.
    static func openFolder(_ relative: String, in folder: Int32) -> Int32? {
        let descriptor = relative.withCString { openat(folder, $0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        return descriptor >= 0 ? descriptor : nil
    }

    /// Reads an open regular file to its end. Asks for one byte more than `sizeHint` (the size
    /// `fstat` reported): a read of a regular file that returns less than it asked for has
    /// reached the end, so a file that did not grow takes one `read`.
    private static func readToEnd(_ descriptor: Int32, sizeHint: Int, path: () -> String) throws(IOError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: sizeHint + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let asked = bytes.count - filled
            let result = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + filled, asked)
            }
            guard result >= 0 else { throw failure(path(), "read the file") }
            filled += result
            if result < asked { break }
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// The names in a directory, sorted, without `.` and `..`.
    static func list(_ path: String) throws(IOError) -> [String] {
        guard let directory = opendir(path) else { throw failure(path, "list the folder") }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The canonical absolute path with symbolic links resolved; nil when it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Renames an entry (same volume).
    static func move(_ source: String, to target: String) throws(IOError) {
        guard rename(source, target) == 0 else { throw failure(source, "move it to \(target)") }
    }

    /// `move` of `name` in the open folder `sourceFolder` to `name` in the open folder
    /// `targetFolder`: the kernel walks no paths. `source` and `target` name them in errors.
    static func move(
        _ name: String, in sourceFolder: Int32, to targetFolder: Int32,
        source: @autoclosure () -> String, target: @autoclosure () -> String
    ) throws(IOError) {
        guard name.withCString({ renameat(sourceFolder, $0, targetFolder, $0) }) == 0 else { throw failure(source(), "move it to \(target())") }
    }

    /// `move` of `name` between open folders unless `targetFolder` already has an entry of that
    /// name: true when moved. False when there is one, and also when the system cannot refuse to
    /// replace in the same call (then the caller checks with `exists` and moves as before).
    /// On Linux one `renameat2(RENAME_NOREPLACE)` does both the check and the move.
    static func moveIfAbsent(
        _ name: String, in sourceFolder: Int32, to targetFolder: Int32,
        source: @autoclosure () -> String, target: @autoclosure () -> String
    ) throws(IOError) -> Bool {
        #if canImport(Glibc)
            let result = name.withCString { renameat2(sourceFolder, $0, targetFolder, $0, UInt32(RENAME_NOREPLACE)) }
            if result == 0 { return true }
            // EEXIST: there is one. EINVAL, ENOSYS: the volume or kernel cannot refuse to replace
            // (ENOSYS: a kernel before 3.15).
            if errno == EEXIST || errno == EINVAL || errno == ENOSYS { return false }
            throw failure(source(), "move it to \(target())")
        #elseif canImport(Darwin)
            return false
        #endif
    }

    /// True when `name` exists in the open folder `folder` (as `kind(of:) != nil`: a final
    /// symbolic link is not followed).
    static func exists(_ name: String, in folder: Int32) -> Bool {
        var info = stat()
        return name.withCString { fstatat(folder, $0, &info, AT_SYMLINK_NOFOLLOW) } == 0
    }

    /// Removes a folder when it is empty; anything in it keeps it (and is kept).
    static func removeEmptyFolder(_ path: String) {
        _ = rmdir(path)
    }

    /// Removes a file or a whole folder tree, without following symbolic links.
    static func remove(_ path: String) throws(IOError) {
        switch kind(of: path) {
        case nil:
            return
        case .directory:
            for name in try list(path) { try remove(path + "/" + name) }
            guard rmdir(path) == 0 else { throw failure(path, "remove the folder") }
        default:
            guard unlink(path) == 0 else { throw failure(path, "remove the file") }
        }
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
    private let systemRead = Darwin.read
#endif
