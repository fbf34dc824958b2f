import Foundation

/// An I/O failure while reading or writing output, with the path involved.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The file or folder involved.
    public var path: String
    /// What went wrong.
    public var message: String

    public var description: String { "\(path): error: \(message)" }
}

/// Thin wrappers over POSIX file calls: no `try?`, every failure names its path.
enum FileSystem {
    /// The kind of an entry, without following symbolic links; nil when it does not exist.
    enum Kind { case file, directory, other }

    static func kind(of path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// True when the path is a regular file with an executable bit.
    static func isExecutable(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IXUSR != 0
    }

    static func failure(_ path: String, _ action: String) -> OutputError {
        OutputError(path: path, message: "cannot \(action): \(String(cString: strerror(errno)))")
    }

    /// Creates a directory; an existing directory is fine.
    static func makeDirectory(_ path: String) throws(OutputError) {
        if mkdir(path, 0o755) != 0 && !(errno == EEXIST && kind(of: path) == .directory) {
            throw failure(path, "create the folder")
        }
    }

    /// Creates a directory and any missing parents.
    static func makeDirectories(_ path: String) throws(OutputError) {
        if kind(of: path) == .directory { return }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeDirectories(parent) }
        try makeDirectory(path)
    }

    /// Writes bytes to a new file in one call.
    static func write(_ bytes: [UInt8], to path: String, executable: Bool) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, executable ? 0o755 : 0o644)
        guard descriptor >= 0 else { throw failure(path, "create the file") }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            guard result > 0 else {
                close(descriptor)
                throw failure(path, "write the file")
            }
            written += result
        }
        if executable { fchmod(descriptor, 0o755) }
        guard close(descriptor) == 0 else { throw failure(path, "write the file") }
    }

    /// Reads a whole file; nil when it does not exist or is not a regular file.
    static func read(_ path: String) throws(OutputError) -> [UInt8]? {
        guard kind(of: path) == .file else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw failure(path, "read the file") }
        return [UInt8](data)
    }

    /// The names in a directory, sorted, without `.` and `..`.
    static func list(_ path: String) throws(OutputError) -> [String] {
        guard let directory = opendir(path) else { throw failure(path, "list the folder") }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Renames an entry (same volume), failing if the target exists as a non-empty folder.
    static func move(_ source: String, to target: String) throws(OutputError) {
        guard rename(source, target) == 0 else { throw failure(source, "move it to \(target)") }
    }

    /// Removes a file or a whole folder tree, without following symbolic links.
    static func remove(_ path: String) throws(OutputError) {
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
