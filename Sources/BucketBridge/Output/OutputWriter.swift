#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes destination folders under `--out` so that a failed render changes nothing there,
/// and a killed one leaves nothing the next run does not finish or remove.
///
/// The writer first takes the `--out` lock (`OutputLock`), which also cleans up after killed
/// runs. Every destination is then written into a staging folder inside `--out` (same
/// volume). Only when all of them are staged does `commit` swap each folder in with renames
/// (see `StagingFolder` for the steps); a render may move new destination folders in earlier,
/// once every destination is valid (`moveInAhead`), and `abort` moves those back out. Files
/// in an existing destination folder that its manifest does not list (a `terraform.tfstate`,
/// a `.terraform/` folder, notes) are the user's: they are carried over into the new folder,
/// never deleted. Nothing outside the rendered destination folders is touched.
public final class OutputWriter: Sendable {
    /// The `--out` folder.
    public let root: String
    private let createdRoot: Bool
    private let lock: OutputLock
    private let staging: StagingFolder
    /// A descriptor of the staging folder's `new/`, where `stage` creates destination folders
    /// (nil when it could not be opened: then `stage` works with whole paths).
    private let newFolder: Int32?
    /// A descriptor of `root`, where `commit` moves new destination folders in (nil when it
    /// could not be opened: then `commit` works with whole paths).
    private let rootFolder: Int32?
    /// The new destination folders `moveInAhead` moved in, and the error that stopped it. Only
    /// `moveInAhead` writes them, inside a `parallelMap` its caller waits for before it calls
    /// `commit` or `abort`, which read them: one thread at a time.
    private nonisolated(unsafe) var movedAhead: Set<String> = []
    private nonisolated(unsafe) var aheadFailure: IOError?

    /// Prepares to write under `root`, creating it if needed, taking its lock and creating a
    /// staging folder. Throws, writing nothing, when another run holds the lock.
    public init(root: String) throws(IOError) {
        self.root = root
        let kind = FileSystem.kind(of: root)
        if let kind, kind != .directory {
            throw IOError(path: root, message: "is not a folder")
        }
        try FileSystem.makeDirectories(root)
        do throws(IOError) {
            lock = try OutputLock.forRender(root)
        } catch {
            // Another run may have created `--out` at the same moment and be working in it.
            if kind == nil { FileSystem.removeEmptyFolder(root) }
            throw error
        }
        // Under the lock, so no other run is adding to it: `--out` is this run's to remove on
        // failure when it did not exist and holds nothing but the lock file.
        let createdRoot = kind == nil && Self.holdsOnlyTheLock(root)
        self.createdRoot = createdRoot
        do throws(IOError) {
            staging = try StagingFolder.create(in: root, lock: lock)
        } catch {
            if createdRoot { Self.removeQuietly(root) }
            lock.release()
            throw error
        }
        newFolder = FileSystem.openFolder(staging.new(""))
        rootFolder = FileSystem.openFolder(root)
    }

    deinit {
        if let newFolder { close(newFolder) }
        if let rootFolder { close(rootFolder) }
    }

    /// True when `root` holds nothing but the lock file.
    private static func holdsOnlyTheLock(_ root: String) -> Bool {
        do {
            return try FileSystem.list(root) == [OutputLock.fileName]
        } catch {
            return false
        }
    }

    /// Removes a folder on the way out of a failure: the error that caused it is the one to
    /// report, not one of the clean-up.
    private static func removeQuietly(_ path: String) {
        do {
            try FileSystem.remove(path)
        } catch {
            // Nothing more to do: the caller reports the first error.
        }
    }

    /// Writes one destination into the staging folder and checks it can replace the current one.
    /// Safe to call from several threads for different destinations; hand every result to `commit`.
    public func stage(_ output: DestinationOutput) throws(IOError) -> StagedDestination {
        // Paths are built only for error messages: the folder and its files are created from
        // descriptors, so the kernel walks only the name inside the folder.
        let folder = { self.staging.new(output.name) }
        let descriptor: Int32?
        if let newFolder {
            try FileSystem.makeDirectory(folder(), relative: output.name, in: newFolder)
            descriptor = FileSystem.openFolder(output.name, in: newFolder)
        } else {
            try FileSystem.makeDirectory(folder())
            descriptor = FileSystem.openFolder(folder())
        }
        defer { if let descriptor { close(descriptor) } }
        let files = output.filesWithManifest
        // The subfolders made so far (a destination has a handful: a list beats a set).
        var created: [Substring] = []
        for file in files {
            if let parent = folderPart(of: file.path), !created.contains(parent) {
                created.append(parent)
                if let descriptor, !parent.utf8.contains(UInt8(ascii: "/")) {
                    try FileSystem.makeDirectory(folder() + "/" + parent, relative: String(parent), in: descriptor)
                } else {
                    try FileSystem.makeDirectories(folder() + "/" + parent)
                }
            }
            try file.withBytes { bytes throws(IOError) in
                if let descriptor {
                    try FileSystem.write(bytes, to: folder() + "/" + file.path, relative: file.path, in: descriptor, executable: file.isExecutable)
                } else {
                    let path = folder() + "/" + file.path
                    try FileSystem.write(bytes, to: path, relative: path, in: AT_FDCWD, executable: file.isExecutable)
                }
            }
        }
        // Most destinations are new: one fstatat in `--out` tells, without a path walk.
        let isNew = rootFolder.map { !FileSystem.exists(output.name, in: $0) } ?? false
        let carried = isNew ? [] : try userEntries(in: root + "/" + output.name)
        if !carried.isEmpty {
            let generated = files.map(\.path)
            for entry in carried {
                if let clash = generated.first(where: { $0 == entry || $0.hasPrefix(entry + "/") || entry.hasPrefix($0 + "/") }) {
                    throw IOError(
                        path: root + "/" + output.name + "/" + entry,
                        message: "was not generated by bucketbridge but is in the way of \(clash); move it elsewhere")
                }
            }
        }
        return StagedDestination(name: output.name, carried: carried)
    }

    /// Swaps every staged destination folder in, carries the user's files over, cleans up and
    /// releases the lock. Each step is one rename, in the order `removeStagingLeftovers`
    /// relies on to finish the work of a render killed half-way.
    public func commit(_ staged: [StagedDestination]) throws(IOError) {
        if let aheadFailure { throw aheadFailure }
        // Those `moveInAhead` moved in are left out before sorting: at 100,000 destinations
        // sorting them all again took a tenth of a second on the one core.
        let remaining = movedAhead.isEmpty ? staged : staged.filter { !movedAhead.contains($0.name) }
        for destination in remaining.sorted(by: { $0.name < $1.name }) { try swapIn(destination) }
        try FileSystem.remove(staging.path)
        lock.release()
    }

    /// Moves in, before `commit`, the staged destinations that are new (nothing of that name
    /// in `--out`), each with one rename: a render calls it once every destination is valid,
    /// while it renders the last ones. `commit` swaps in the rest; `abort` moves these back
    /// out. After a failure it moves nothing more, and `commit` throws that failure.
    public func moveInAhead(_ staged: [StagedDestination]) {
        guard let rootFolder, let newFolder, aheadFailure == nil else { return }
        // In the order they were staged: the order of independent renames does not matter,
        // and this task is what the end of a large render waits for.
        movedAhead.reserveCapacity(staged.count)
        for destination in staged where destination.carried.isEmpty {
            let name = destination.name
            do throws(IOError) {
                if try FileSystem.moveIfAbsent(name, in: newFolder, to: rootFolder, source: staging.new(name), target: root + "/" + name) {
                    movedAhead.insert(name)
                }
            } catch {
                aheadFailure = error
                return
            }
        }
    }

    /// `moveInAhead(staged)`, as a task for `parallelMap(count:alongside:)`.
    func moveInAhead(of staged: [StagedDestination]) -> @Sendable () -> Void {
        { self.moveInAhead(staged) }
    }

    /// Swaps one staged destination folder in (see `commit`).
    private func swapIn(_ destination: StagedDestination) throws(IOError) {
        let name = destination.name
        // A new destination folder moves in with one rename between open folders that
        // refuses to replace: the kernel walks no paths (on tmpfs, walking them was half the
        // cost of a rename) and needs no separate check, and the paths are built only for
        // an error message.
        if let rootFolder, let newFolder {
            if try FileSystem.moveIfAbsent(name, in: newFolder, to: rootFolder, source: staging.new(name), target: root + "/" + name) {
                return
            }
            if !FileSystem.exists(name, in: rootFolder) {
                try FileSystem.move(name, in: newFolder, to: rootFolder, source: staging.new(name), target: root + "/" + name)
                return
            }
        }
        let current = root + "/" + name
        let replaced = FileSystem.kind(of: current) != nil
        if replaced { try FileSystem.move(current, to: staging.old(name)) }
        try FileSystem.move(staging.new(name), to: current)
        if replaced {
            try UserEntries.move(destination.carried, from: staging.old(name), to: current)
            try FileSystem.move(staging.old(name), to: staging.done(name))
        }
    }

    /// Removes the staging folder (and `--out` itself when this writer created it), and
    /// releases the lock.
    public func abort() {
        // What `moveInAhead` moved in goes back, so `--out` is as it was.
        if !createdRoot, let rootFolder, let newFolder {
            for name in movedAhead.sorted() {
                _ = name.withCString { renameat(rootFolder, $0, newFolder, $0) }
            }
        }
        Self.removeQuietly(createdRoot ? root : staging.path)
        lock.release()
    }

    /// Entries of an existing destination folder that its manifest does not list, as relative
    /// paths. A non-empty folder without a manifest was not made by bucketbridge and is refused.
    private func userEntries(in folder: String) throws(IOError) -> [String] {
        switch FileSystem.kind(of: folder) {
        case nil: return []
        case .directory: break
        default: throw IOError(path: folder, message: "exists and is not a folder: bucketbridge will not replace it")
        }
        if let entries = try UserEntries.unlisted(in: folder) { return entries }
        if try FileSystem.list(folder).isEmpty { return [] }
        throw IOError(
            path: folder,
            message: "exists and was not generated by bucketbridge (no \(DestinationOutput.manifestName)); move it away or choose another --out")
    }
}

/// The folder part of a relative path (`iam/trust-policy.json` → `iam`), nil for a file at the top.
private func folderPart(of path: String) -> Substring? {
    let slash = path.utf8.withContiguousStorageIfAvailable { $0.lastIndex(of: UInt8(ascii: "/")) } ?? path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path.utf8.distance(from: path.utf8.startIndex, to: $0) }
    guard let slash else { return nil }
    return path[..<path.utf8.index(path.utf8.startIndex, offsetBy: slash)]
}

/// A destination written into the staging folder, waiting for `OutputWriter.commit`.
public struct StagedDestination: Sendable {
    /// The destination folder's name.
    public var name: String
    /// Entries of the current folder that are the user's, carried over into the new one.
    public var carried: [String]
}
