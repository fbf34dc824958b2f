/// A file a render produces, relative to its destination folder.
public struct OutputFile: Sendable, Hashable {
    /// Path inside the destination folder, `/`-separated (`iam/trust-policy.json`).
    public var path: String
    /// The file's bytes.
    public var contents: [UInt8] {
        get { rendered?.bytes ?? stored }
        set {
            stored = newValue
            rendered = nil
        }
    }
    /// True for scripts that get the executable bit.
    public var isExecutable: Bool
    /// The bytes, when they were given as an array.
    private var stored: [UInt8] = []
    /// The bytes as a template render left them: written and compared where they are, not
    /// copied into an array first (for a whole output tree that copy is a noticeable share of
    /// a render's time).
    private var rendered: TextBuffer?

    /// Creates a file from text.
    public init(path: String, text: String, isExecutable: Bool = false) {
        self.init(path: path, contents: Array(text.utf8), isExecutable: isExecutable)
    }

    /// Creates a file from its bytes.
    public init(path: String, contents: [UInt8], isExecutable: Bool = false) {
        self.path = path
        self.stored = contents
        self.isExecutable = isExecutable
    }

    /// Creates a file from a render's output, keeping its buffer.
    init(path: String, rendered: TextBuffer, isExecutable: Bool = false) {
        self.path = path
        self.rendered = rendered
        self.isExecutable = isExecutable
    }

    /// Calls `body` with the file's bytes, without copying them.
    func withBytes<Result, Failure: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure) -> Result {
        if let rendered {
            return try rendered.withUnsafeBytes(body)
        }
        return try stored.withUnsafeBufferPointer { bytes throws(Failure) in try body(bytes) }
    }

    public static func == (a: OutputFile, b: OutputFile) -> Bool {
        a.path == b.path && a.isExecutable == b.isExecutable && a.contents == b.contents
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(contents)
        hasher.combine(isExecutable)
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
