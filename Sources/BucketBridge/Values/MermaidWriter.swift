/// A Mermaid flowchart: nodes with quoted labels and labelled edges, written so that no label
/// can break the diagram's syntax.
public struct MermaidFlowchart: Sendable, Hashable {
    /// A node: an identifier (letters and digits) and the text shown.
    public struct Node: Sendable, Hashable {
        public var id: String
        public var label: String
        /// Drawn with rounded corners (a principal) rather than as a box.
        public var rounded: Bool

        /// A node with its identifier and label.
        public init(id: String, label: String, rounded: Bool = false) {
            self.id = id
            self.label = label
            self.rounded = rounded
        }
    }

    /// An arrow from one node to another, with an optional label.
    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        public var label: String?

        /// An edge between two node identifiers.
        public init(from: String, to: String, label: String? = nil) {
            self.from = from
            self.to = to
            self.label = label
        }
    }

    /// `LR` (left to right) or `TD` (top down).
    public var direction: String
    public var nodes: [Node]
    public var edges: [Edge]

    /// A flowchart from its parts.
    public init(direction: String = "LR", nodes: [Node], edges: [Edge]) {
        self.direction = direction
        self.nodes = nodes
        self.edges = edges
    }

    /// The diagram's Mermaid source, without a code fence.
    public var source: String {
        var lines = ["flowchart \(direction)"]
        for node in nodes {
            let label = mermaidLabel(node.label)
            lines.append("  \(node.id)" + (node.rounded ? "(\(label))" : "[\(label)]"))
        }
        for edge in edges {
            lines.append("  \(edge.from) -->" + (edge.label.map { "|\(mermaidLabel($0))|" } ?? "") + " \(edge.to)")
        }
        return lines.joined(separator: "\n")
    }
}

/// A double-quoted Mermaid label showing `text`: `"`, `#`, `<`, `>` and `&` become Mermaid's
/// entity codes (`#quot;`, `#35;`, ...), line breaks and other control characters spaces, so
/// the text can neither end the label nor be read as HTML or Markdown.
public func mermaidLabel(_ text: String) -> String {
    var out = "\""
    for scalar in PlaceholderText.display(text).unicodeScalars {
        switch scalar {
        case "\"": out += "#quot;"
        case "#": out += "#35;"
        case "<": out += "#lt;"
        case ">": out += "#gt;"
        case "&": out += "#amp;"
        case "`": out += "#96;"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += " "
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
