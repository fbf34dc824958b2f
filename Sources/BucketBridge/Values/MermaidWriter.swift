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
        var out = TextBuffer(capacity: 1024)
        out.append(literal: "flowchart ")
        out += direction
        for node in nodes {
            out.append(literal: "\n  ")
            out += node.id
            out += node.rounded ? "(" : "["
            appendMermaidLabel(node.label, into: &out)
            out += node.rounded ? ")" : "]"
        }
        for edge in edges {
            out.append(literal: "\n  ")
            out += edge.from
            out.append(literal: " -->")
            if let label = edge.label {
                out.append(literal: "|")
                appendMermaidLabel(label, into: &out)
                out.append(literal: "|")
            }
            out.append(literal: " ")
            out += edge.to
        }
        return out.text
    }
}

/// A double-quoted Mermaid label showing `text`: `"`, `#`, `<`, `>` and `&` become Mermaid's
/// entity codes (`#quot;`, `#35;`, ...), line breaks and other control characters spaces, so
/// the text can neither end the label nor be read as HTML or Markdown.
public func mermaidLabel(_ text: String) -> String {
    var out = TextBuffer(capacity: text.utf8.count + 2)
    appendMermaidLabel(text, into: &out)
    return out.text
}

private func appendMermaidLabel(_ text: String, into out: inout TextBuffer) {
    let text = PlaceholderText.display(text)
    out.append(literal: "\"")
    // Most labels are printable ASCII without any of the six characters: appended whole.
    if isPlainASCII(text, except: UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: "<"))
        && isPlainASCII(text, except: UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "`"))
    {
        out += text
        out.append(literal: "\"")
        return
    }
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "\""): out.append(literal: "#quot;")
        case UInt8(ascii: "#"): out.append(literal: "#35;")
        case UInt8(ascii: "<"): out.append(literal: "#lt;")
        case UInt8(ascii: ">"): out.append(literal: "#gt;")
        case UInt8(ascii: "&"): out.append(literal: "#amp;")
        case UInt8(ascii: "`"): out.append(literal: "#96;")
        // Control characters are ASCII: every byte of a multi-byte character is 0x80 or more.
        case 0..<0x20, 0x7F: out.appendByte(UInt8(ascii: " "))
        default: out.appendByte(byte)
        }
    }
    out.append(literal: "\"")
}
