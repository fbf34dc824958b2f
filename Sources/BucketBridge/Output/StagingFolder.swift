/// The folder inside `--out` where a render writes everything before swapping it in:
///
///     OUT/.bucketbridge-staging-<random>/
///       .bucketbridge-staging   the marker: bucketbridge made this folder
///       new/<name>/             a destination rendered, waiting to be swapped in
///       old/<name>/             the folder it replaced, while the user's files are carried over
///       done/<name>/            that folder once they are: only generated files, to be removed
///
/// Every step of a swap is one rename, so a render killed at any moment leaves each
/// destination in one of the states `removeStagingLeftovers` knows how to finish.
struct StagingFolder: Sendable {
    /// The name every staging folder starts with.
    static let namePrefix = ".bucketbridge-staging-"
    /// The marker file written into every staging folder; a folder without it (and not named
    /// in the lock file) is never removed, whatever its name.
    static let markerName = ".bucketbridge-staging"

    /// The staging folder's path.
    let path: String

    /// Creates a new staging folder in `root`, noting its name in the lock file first.
    static func create(in root: String, lock: OutputLock) throws(IOError) -> StagingFolder {
        var suffix = UInt64.random(in: 0..<UInt64.max)
        var name = ""
        repeat {
            name = namePrefix + String(suffix, radix: 36)
            suffix &+= 1
        } while FileSystem.kind(of: root + "/" + name) != nil
        try lock.recordStaging(name)
        let folder = StagingFolder(path: root + "/" + name)
        try FileSystem.makeDirectory(folder.path)
        try FileSystem.write(
            Array("A render of bucketbridge writes here first; the next run removes this folder if that render was killed.\n".utf8),
            to: folder.path + "/" + markerName, executable: false)
        for part in ["new", "old", "done"] { try FileSystem.makeDirectory(folder.path + "/" + part) }
        return folder
    }

    /// Where destination `name` is rendered.
    func new(_ name: String) -> String { path + "/new/" + name }
    /// Where the destination's current folder waits while the user's files are carried over.
    func old(_ name: String) -> String { path + "/old/" + name }
    /// Where the replaced folder goes once nothing of the user's is left in it.
    func done(_ name: String) -> String { path + "/done/" + name }
}

/// Finishes and removes the staging folders killed runs left in `root`. Call it only while
/// holding the `--out` lock: then no live run has a staging folder there.
///
/// Only folders with the marker, or the one the lock file names (`recorded`), are
/// bucketbridge's; anything else stays, whatever its name. For each destination the dead run
/// was swapping (see `StagingFolder`):
/// - `old/<name>` while `OUT/<name>` is missing: killed between moving the folder aside and
///   moving the new one in; the old folder goes back whole.
/// - `old/<name>` while `OUT/<name>` exists: the new folder is in, the user's files were
///   being carried over; the rest of them follow.
/// - `new/<name>` and `done/<name>` hold only generated files and are removed.
func removeStagingLeftovers(in root: String, recorded: String?) throws(IOError) {
    for name in try FileSystem.list(root) where name.hasPrefix(StagingFolder.namePrefix) {
        let staging = StagingFolder(path: root + "/" + name)
        guard FileSystem.kind(of: staging.path) == .directory,
            name == recorded || FileSystem.kind(of: staging.path + "/" + StagingFolder.markerName) != nil
        else { continue }
        if FileSystem.kind(of: staging.path + "/old") == .directory {
            for destination in try FileSystem.list(staging.path + "/old") {
                try finishSwap(of: destination, from: staging, in: root)
            }
        }
        try FileSystem.remove(staging.path)
    }
}

/// Puts back what an interrupted swap of destination `name` left in `old/`.
private func finishSwap(of name: String, from staging: StagingFolder, in root: String) throws(IOError) {
    let current = root + "/" + name
    guard FileSystem.kind(of: current) != nil else {
        try FileSystem.move(staging.old(name), to: current)
        return
    }
    let old = staging.old(name)
    // Without a manifest the old folder was empty, or the swap would not have started.
    let entries: [String]
    if let unlisted = try UserEntries.unlisted(in: old) { entries = unlisted } else { entries = try FileSystem.list(old) }
    try UserEntries.move(entries, from: old, to: current)
}
