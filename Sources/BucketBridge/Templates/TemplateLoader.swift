/// Where templates come from: sources by relative path, such as `cloudformation/template.yaml`.
public protocol TemplateLoader: Sendable {
    /// Every template's relative path (with `/` separators), sorted.
    func templatePaths() throws -> [String]
    /// The source of the template at `path`, or nil when this loader has no such template.
    func source(of path: String) throws -> String?
}

/// The default templates compiled into the binary from `templates/`.
public struct EmbeddedTemplateLoader: TemplateLoader {
    private let files: [String: String]

    /// The templates generated into `EmbeddedTemplates.swift` by `scripts/embed-templates`.
    public init() {
        files = EmbeddedTemplates.files
    }

    /// Templates given in memory, keyed by relative path (for tests and tools).
    public init(files: [String: String]) {
        self.files = files
    }

    /// Every embedded template's relative path, sorted.
    public func templatePaths() -> [String] { files.keys.sorted() }

    /// The embedded source, or nil.
    public func source(of path: String) -> String? { files[path] }
}

/// Templates read from files under a directory; paths that would leave it are refused.
///
/// Files and folders whose names start with `.` are not templates.
public struct DirectoryTemplateLoader: TemplateLoader {
    /// The directory the relative paths start from.
    public let root: String

    /// A loader for the files under `root`.
    public init(root: String) {
        self.root = root
    }

    /// Every regular file under the root (symbolic links included when they point to a file
    /// inside the root), as relative paths, sorted. Throws when a directory cannot be read.
    public func templatePaths() throws -> [String] {
        var paths: [String] = []
        try collect(relative: "", into: &paths)
        return paths.sorted()
    }

    private func collect(relative: String, into paths: inout [String]) throws {
        let directory = relative.isEmpty ? root : root + "/" + relative
        for name in try FileSystem.list(directory) where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : relative + "/" + name
            switch FileSystem.kind(of: root + "/" + path) {
            case .directory?: try collect(relative: path, into: &paths)
            case .file?: paths.append(path)
            case .other?: if resolvedFile(path) != nil { paths.append(path) }
            case nil: break
            }
        }
    }

    /// The file's contents as UTF-8 text; nil when the path is unsafe (absolute, with `..`,
    /// hidden, or leaving the root through a symbolic link) or names no regular file. Throws
    /// when the file cannot be read or is not valid UTF-8.
    public func source(of path: String) throws -> String? {
        guard let file = resolvedFile(path), let bytes = try FileSystem.read(file) else { return nil }
        guard let text = validUTF8String(bytes) else {
            throw TemplateLoaderError.notUTF8(file)
        }
        return text
    }

    /// The file a relative path names, after resolving symbolic links, when it is a regular
    /// file inside the root (Stencil's `safeJoin`).
    private func resolvedFile(_ path: String) -> String? {
        guard isSafeRelativePath(path), !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
            let base = FileSystem.resolved(root), let file = FileSystem.resolved(root + "/" + path)
        else { return nil }
        guard file.hasPrefix(base.hasSuffix("/") ? base : base + "/"), FileSystem.kind(of: file) == .file else { return nil }
        return file
    }
}

/// A failure to read a template file.
public enum TemplateLoaderError: Error, Sendable, CustomStringConvertible {
    /// The file is not valid UTF-8 text.
    case notUTF8(String)

    /// The message to print.
    public var description: String {
        switch self {
        case .notUTF8(let path): "\(path): template is not valid UTF-8 text"
        }
    }
}

/// Templates of `primary` override those of `fallback` with the same relative path.
///
/// `--templates DIR` uses it to override any default template: the directory over the
/// embedded templates.
public struct OverlayTemplateLoader: TemplateLoader {
    /// The loader whose templates win.
    public let primary: any TemplateLoader
    /// The loader asked for paths the primary does not have.
    public let fallback: any TemplateLoader

    /// An overlay of `primary` over `fallback`.
    public init(primary: any TemplateLoader, fallback: any TemplateLoader) {
        self.primary = primary
        self.fallback = fallback
    }

    /// The union of both loaders' paths, sorted.
    public func templatePaths() throws -> [String] {
        Set(try primary.templatePaths() + fallback.templatePaths()).sorted()
    }

    /// The primary's source when it has one, else the fallback's.
    public func source(of path: String) throws -> String? {
        if let text = try primary.source(of: path) { return text }
        return try fallback.source(of: path)
    }
}
