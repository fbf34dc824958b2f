/// One run at a time in an `--out` folder: a render or a `--check` holds this lock from before
/// it looks at the folder until it is done, and a second run fails at once with a message
/// naming `--out` instead of waiting (a render can take minutes, and two renders into one
/// folder are usually a mistake: the second would replace what the first wrote).
///
/// The lock is `OUT/.bucketbridge-lock`, held with `flock` (see `FileLock`): it exists only
/// while a run holds it, or after a run was killed, until the next run removes it. It notes
/// the holder's process id, for the message a second run prints, and the staging folder the
/// holder is about to create, written before the folder exists: a run killed between creating
/// that folder and marking it still leaves a folder the next run knows as bucketbridge's.
///
/// Holding the lock, a run knows that no other run is alive in the folder, so every staging
/// folder there was left by a killed run: it finishes the swaps that run interrupted and
/// removes them (`removeStagingLeftovers`) before doing its own work.
struct OutputLock {
    /// The lock file's name inside `--out`.
    static let fileName = ".bucketbridge-lock"

    private let file: FileLock

    /// Locks `root` (an existing folder) for a render, then cleans up after killed runs.
    /// Throws, naming `--out`, when another run holds the lock or the folder cannot be written.
    static func forRender(_ root: String) throws(IOError) -> OutputLock {
        let file: FileLock
        do throws(FileLock.Failure) {
            file = try FileLock.acquire(root + "/" + fileName)
        } catch {
            throw describe(error, root: root)
        }
        return try OutputLock(root: root, file: file)
    }

    /// Locks `root` for `--check`, then cleans up after killed runs. Nil, without a lock, when
    /// `root` does not exist or cannot be written: nothing can be rendering into it then, and
    /// nothing could be cleaned up.
    static func forCheck(_ root: String) throws(IOError) -> OutputLock? {
        guard FileSystem.kind(of: root, following: true) == .directory else { return nil }
        let file: FileLock
        do throws(FileLock.Failure) {
            file = try FileLock.acquire(root + "/" + fileName)
        } catch {
            if case .failed(_, _, denied: true) = error { return nil }
            throw describe(error, root: root)
        }
        return try OutputLock(root: root, file: file)
    }

    private init(root: String, file: FileLock) throws(IOError) {
        self.file = file
        do throws(IOError) {
            let notes = String(decoding: try file.contents(), as: UTF8.self)
            try removeStagingLeftovers(in: root, recorded: Self.stagingName(in: notes))
            try file.replaceContents(Self.notes(staging: nil))
        } catch {
            file.releaseAndRemove()
            throw error
        }
    }

    /// Notes `name` as the staging folder this run creates next, before it creates it.
    func recordStaging(_ name: String) throws(IOError) {
        try file.replaceContents(Self.notes(staging: name))
    }

    /// Removes the lock file and lets go of the lock.
    func release() {
        file.releaseAndRemove()
    }

    /// The lock file's text: who holds it and, once chosen, its staging folder.
    private static func notes(staging: String?) -> [UInt8] {
        var text = "bucketbridge process \(currentProcessID()) is using this folder; "
            + "a file left here by a run that was killed is removed by the next run.\n"
        if let staging { text += "staging \(staging)\n" }
        return Array(text.utf8)
    }

    /// The staging folder named in a lock file's text.
    private static func stagingName(in notes: String) -> String? {
        notes.split(separator: "\n").first { $0.hasPrefix("staging ") }.map { String($0.dropFirst("staging ".count)) }
    }

    /// The error a run prints when it cannot take the lock.
    private static func describe(_ failure: FileLock.Failure, root: String) -> IOError {
        switch failure {
        case .held(let contents):
            let text = String(decoding: contents, as: UTF8.self)
            let holder = text.split(separator: " ").dropFirst(2).first.flatMap { Int($0) }.map { " (pid \($0))" } ?? ""
            return IOError(
                path: root,
                message: "--out is in use by another bucketbridge process\(holder), rendering into it or checking it; "
                    + "wait until it has finished, then run again")
        case .failed(let action, let reason, _):
            return IOError(path: root, message: "cannot \(action) the lock file \(fileName) in --out: \(reason)")
        }
    }
}
