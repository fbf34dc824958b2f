/// The path of a value inside a spec file, such as `destinations[0].role.tags.owner`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path: an object key or an array index.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the document root.
    public var components: [Component]

    /// Creates a path from its steps.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The document root.
    public static let root = FieldPath()

    /// This path extended by an object key.
    public func appending(_ key: String) -> FieldPath {
        FieldPath(components + [.key(key)])
    }

    /// This path extended by an array index.
    public func appending(index: Int) -> FieldPath {
        FieldPath(components + [.index(index)])
    }

    /// Dotted form with bracketed indices; keys that are not plain identifiers are quoted.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key):
                if key.isPlainIdentifier {
                    text += text.isEmpty ? key : ".\(key)"
                } else {
                    text += "[\(quotedForDiagnostic(key))]"
                }
            }
        }
        return text.isEmpty ? "(root)" : text
    }
}

extension String {
    /// True when the text is a non-empty run of ASCII letters, digits, `_` and `-`.
    fileprivate var isPlainIdentifier: Bool {
        !isEmpty && utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D
        }
    }
}

/// Quotes a value for a diagnostic line: JSON string syntax, so control characters stay visible.
public func quotedForDiagnostic(_ text: String) -> String {
    jsonStringLiteral(text)
}
