#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on a lock file, held until `releaseAndRemove` or until the process
/// dies: the kernel drops a dead process's locks, so a killed run never leaves a lock held.
///
/// The file is removed when the lock is released, so that it does not linger in a folder
/// users commit. Removing a locked file has a known race: a second process may have opened
/// the file just before it was removed, and takes the lock on the removed file once the first
/// lets go — while a third creates a new file at the path and locks that one too. `acquire`
/// therefore checks, once it holds the lock, that the file at the path is still the file it
/// locked (same device and inode), and starts over when it is not. A holder removes the file
/// only while still holding the lock, so the file at the path is always the one whose lock
/// counts, and at most one process holds it.
struct FileLock {
    /// Why the lock could not be taken.
    enum Failure: Error {
        /// Another process holds it; the lock file's contents, as that process wrote them.
        case held(contents: [UInt8])
        /// The lock file cannot be created or locked: what failed, the system's reason, and
        /// whether it was for lack of permission (a read-only folder).
        case failed(action: String, reason: String, denied: Bool)
    }

    /// The lock file's path.
    let path: String
    private let descriptor: Int32

    /// Takes the lock on the file at `path`, creating it when needed, without waiting.
    static func acquire(_ path: String) throws(Failure) -> FileLock {
        for _ in 0..<100 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                let denied = errno == EACCES || errno == EPERM || errno == EROFS
                throw .failed(action: "create", reason: String(cString: strerror(errno)), denied: denied)
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let failure: Failure =
                    errno == EWOULDBLOCK
                    ? .held(contents: readAll(descriptor) ?? [])
                    : .failed(action: "lock", reason: String(cString: strerror(errno)), denied: false)
                close(descriptor)
                throw failure
            }
            if isLinked(descriptor, at: path) { return FileLock(path: path, descriptor: descriptor) }
            // The previous holder removed the file we locked: lock the one at the path now.
            close(descriptor)
        }
        throw .failed(action: "lock", reason: "it keeps being replaced", denied: false)
    }

    /// True when `path` names the file open as `descriptor`.
    private static func isLinked(_ descriptor: Int32, at path: String) -> Bool {
        var opened = stat()
        var linked = stat()
        return fstat(descriptor, &opened) == 0 && stat(path, &linked) == 0
            && opened.st_dev == linked.st_dev && opened.st_ino == linked.st_ino
    }

    /// The lock file's contents.
    func contents() throws(IOError) -> [UInt8] {
        guard let bytes = Self.readAll(descriptor) else { throw FileSystem.failure(path, "read the lock file") }
        return bytes
    }

    /// Replaces the lock file's contents (the holder's notes for whoever finds it after a kill).
    func replaceContents(_ bytes: [UInt8]) throws(IOError) {
        guard ftruncate(descriptor, 0) == 0 else { throw FileSystem.failure(path, "write the lock file") }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                pwrite(descriptor, buffer.baseAddress! + written, buffer.count - written, off_t(written))
            }
            guard result > 0 else { throw FileSystem.failure(path, "write the lock file") }
            written += result
        }
    }

    /// Removes the lock file, then lets go of the lock (in that order: see the type's comment).
    /// Failing to remove it is harmless (a lock file already removed with its folder, or one
    /// left in a folder that became read-only): the next run locks and removes it.
    func releaseAndRemove() {
        _ = unlink(path)
        close(descriptor)
    }

    /// Everything in the file open as `descriptor`; nil when reading fails (see `errno`).
    private static func readAll(_ descriptor: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 512)
        while true {
            let result = chunk.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress!, buffer.count, off_t(bytes.count))
            }
            guard result >= 0 else { return nil }
            if result == 0 { return bytes }
            bytes += chunk[..<result]
        }
    }
}

/// This process's id.
func currentProcessID() -> Int32 {
    getpid()
}
