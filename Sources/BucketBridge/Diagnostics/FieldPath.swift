/// The path of a value inside a spec file, such as `destinations[0].role.tags.owner`.
///
/// Every node the JSON reader makes carries its path, so a path shares its steps with the
/// path it extends: extending is constant time and memory. (As an array of steps, each node
/// held a copy of all of them: 400 KB of nested arrays took 1.2 GB.)
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path: an object key or an array index.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The last step, linked to the steps before it; nil at the root.
    private let last: Step?

    /// One step and the steps before it, shared by every path that extends them.
    private final class Step: Sendable {
        let component: Component
        let parent: Step?
        let depth: Int

        init(_ component: Component, after parent: Step?) {
            self.component = component
            self.parent = parent
            self.depth = (parent?.depth ?? 0) + 1
        }
    }

    private init(last: Step?) {
        self.last = last
    }

    /// Creates a path from its steps.
    public init(_ components: [Component] = []) {
        last = components.reduce(nil) { Step($1, after: $0) }
    }

    /// The steps from the document root.
    public var components: [Component] {
        var steps: [Component] = []
        steps.reserveCapacity(last?.depth ?? 0)
        var step = last
        while let current = step {
            steps.append(current.component)
            step = current.parent
        }
        return steps.reversed()
    }

    /// The document root.
    public static let root = FieldPath()

    /// This path extended by an object key.
    public func appending(_ key: String) -> FieldPath {
        FieldPath(last: Step(.key(key), after: last))
    }

    /// This path extended by an array index.
    public func appending(index: Int) -> FieldPath {
        FieldPath(last: Step(.index(index), after: last))
    }

    public static func == (lhs: FieldPath, rhs: FieldPath) -> Bool {
        var left = lhs.last
        var right = rhs.last
        guard left?.depth == right?.depth else { return false }
        while let l = left, let r = right {
            if l === r { return true }
            if l.component != r.component { return false }
            left = l.parent
            right = r.parent
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        var step = last
        while let current = step {
            hasher.combine(current.component)
            step = current.parent
        }
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
/// A placeholder token shows as `<NAME>`; a U+E000 or U+E001 that is not part of one (the user
/// typed it) shows as `\ue000` or `\ue001`, not as the `<` or `>` of a placeholder.
public func quotedForDiagnostic(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isPlaceholderMark) else { return jsonStringLiteral(text) }
    let scalars = Array(text.unicodeScalars)
    var quoted = "\""
    var segment = String.UnicodeScalarView()
    func flush() {
        quoted += jsonStringLiteral(String(segment)).dropFirst().dropLast()
        segment = String.UnicodeScalarView()
    }
    var index = 0
    while index < scalars.count {
        let scalar = scalars[index]
        if scalar == PlaceholderText.open, let close = tokenEnd(scalars, from: index) {
            segment.append(contentsOf: scalars[index...close])
            index = close + 1
        } else if isPlaceholderMark(scalar) {
            flush()
            quoted += scalar == PlaceholderText.open ? "\\ue000" : "\\ue001"
            index += 1
        } else {
            segment.append(scalar)
            index += 1
        }
    }
    flush()
    return quoted + "\""
}

private func isPlaceholderMark(_ scalar: Unicode.Scalar) -> Bool {
    scalar == PlaceholderText.open || scalar == PlaceholderText.close
}

/// The index of the U+E001 closing the token that opens at `start`: a non-empty name with no
/// mark inside. Nil when the U+E000 at `start` opens no token.
private func tokenEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
    var index = start + 1
    while index < scalars.count, !isPlaceholderMark(scalars[index]) { index += 1 }
    guard index < scalars.count, index > start + 1, scalars[index] == PlaceholderText.close else { return nil }
    return index
}
