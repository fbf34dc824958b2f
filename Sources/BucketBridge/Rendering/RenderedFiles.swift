/// A file a render produces, relative to its destination folder.
public struct OutputFile: Sendable, Hashable {
    /// Path inside the destination folder, `/`-separated (`iam/trust-policy.json`).
    public var path: String
    /// The file's bytes.
    public var contents: [UInt8]
    /// True for scripts that get the executable bit.
    public var isExecutable: Bool

    /// Creates a file from text.
    public init(path: String, text: String, isExecutable: Bool = false) {
        self.path = path
        self.contents = Array(text.utf8)
        self.isExecutable = isExecutable
    }

    /// Creates a file from its bytes.
    public init(path: String, contents: [UInt8], isExecutable: Bool = false) {
        self.path = path
        self.contents = contents
        self.isExecutable = isExecutable
    }
}

/// Everything a render writes for one destination: the folder `OUT/<name>/` and its files.
public struct DestinationOutput: Sendable {
    /// The folder name (the destination name).
    public var name: String
    /// The files, without the manifest.
    public var files: [OutputFile]

    /// Creates the output of a destination.
    public init(name: String, files: [OutputFile]) {
        self.name = name
        self.files = files
    }
}
