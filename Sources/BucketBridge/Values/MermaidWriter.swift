/// A Mermaid flowchart, written as it is drawn: nodes with quoted labels, then labelled edges,
/// each in the order added, so that no label can break the diagram's syntax.
///
/// A label is given in up to four pieces that are written one after the other, as if joined:
/// the escaping works character by character, so no piece needs joining first.
public struct MermaidFlowchart {
    /// The header and the nodes written so far.
    private var nodes = TextBuffer(capacity: 768)
    /// The edges written so far.
    private var edges = TextBuffer(capacity: 512)

    /// An empty flowchart drawn `LR` (left to right) or `TD` (top down).
    public init(direction: String = "LR") {
        nodes.append(literal: "flowchart ")
        nodes += direction
    }

    /// Adds a node: an identifier (letters and digits) and the text shown, drawn with rounded
    /// corners (a principal) or as a box.
    public mutating func addNode(
        _ id: String, label: String, _ label2: String = "", _ label3: String = "", _ label4: String = "", rounded: Bool = false
    ) {
        nodes.append(literal: "\n  ")
        nodes += id
        nodes.appendByte(rounded ? UInt8(ascii: "(") : UInt8(ascii: "["))
        appendMermaidLabel(label, label2, label3, label4, into: &nodes)
        nodes.appendByte(rounded ? UInt8(ascii: ")") : UInt8(ascii: "]"))
    }

    /// Adds an arrow from one node identifier to another, with a label.
    public mutating func addEdge(from: String, to: String, label: String, _ label2: String = "") {
        edges.append(literal: "\n  ")
        edges += from
        edges.append(literal: " -->|")
        appendMermaidLabel(label, label2, "", "", into: &edges)
        edges.append(literal: "| ")
        edges += to
    }

    /// Adds an arrow labelled with `items` listed: the label of `items.joined(separator: ", ")`.
    public mutating func addEdge(from: String, to: String, listing items: [String]) {
        edges.append(literal: "\n  ")
        edges += from
        edges.append(literal: " -->|")
        appendMermaidLabel(listing: items, into: &edges)
        edges.append(literal: "| ")
        edges += to
    }

    /// Adds a box labelled with `label` followed by `items` listed (see ``addEdge(from:to:listing:)``).
    public mutating func addNode(_ id: String, label: String, listing items: [String]) {
        nodes.append(literal: "\n  ")
        nodes += id
        nodes.appendByte(UInt8(ascii: "["))
        nodes.appendByte(UInt8(ascii: "\""))
        appendMermaidLabelText(label, into: &nodes)
        appendMermaidLabelText(listing: items, into: &nodes)
        nodes.appendByte(UInt8(ascii: "\""))
        nodes.appendByte(UInt8(ascii: "]"))
    }

    /// The diagram's Mermaid source, without a code fence.
    public var source: String {
        String(unsafeUninitializedCapacity: nodes.count + edges.count) { buffer in
            // Safe: the buffer has room for the nodes' bytes followed by the edges'.
            let written = nodes.withUnsafeBytes { buffer.initialize(fromContentsOf: $0) }
            return edges.withUnsafeBytes { UnsafeMutableBufferPointer(rebasing: buffer[written...]).initialize(fromContentsOf: $0) } + written
        }
    }
}

/// A double-quoted Mermaid label showing `text`: `"`, `#`, `<`, `>` and `&` become Mermaid's
/// entity codes (`#quot;`, `#35;`, ...), line breaks and other control characters spaces, so
/// the text can neither end the label nor be read as HTML or Markdown.
public func mermaidLabel(_ text: String) -> String {
    var out = TextBuffer(capacity: text.utf8.count + 2)
    appendMermaidLabel(text, "", "", "", into: &out)
    return out.text
}

/// Appends the label showing its pieces joined (see ``mermaidLabel(_:)``).
private func appendMermaidLabel(_ piece: String, _ piece2: String, _ piece3: String, _ piece4: String, into out: inout TextBuffer) {
    out.appendByte(UInt8(ascii: "\""))
    appendMermaidLabelText(piece, into: &out)
    if !piece2.isEmpty { appendMermaidLabelText(piece2, into: &out) }
    if !piece3.isEmpty { appendMermaidLabelText(piece3, into: &out) }
    if !piece4.isEmpty { appendMermaidLabelText(piece4, into: &out) }
    out.appendByte(UInt8(ascii: "\""))
}

/// Appends the label showing `items` joined by ", " (see ``mermaidLabel(_:)``), without joining them.
private func appendMermaidLabel(listing items: [String], into out: inout TextBuffer) {
    out.appendByte(UInt8(ascii: "\""))
    appendMermaidLabelText(listing: items, into: &out)
    out.appendByte(UInt8(ascii: "\""))
}

/// Appends `items` joined by ", ", escaped for a label.
private func appendMermaidLabelText(listing items: [String], into out: inout TextBuffer) {
    for index in items.indices {
        if index > 0 { out.append(literal: ", ") }
        appendMermaidLabelText(items[index], into: &out)
    }
}

/// Appends `text` escaped for a label. Each character is escaped on its own (a placeholder's
/// token is displayed scalar by scalar), so a label may be appended in pieces.
private func appendMermaidLabelText(_ text: String, into out: inout TextBuffer) {
    // Most pieces are short printable ASCII without any of the six characters: appended whole.
    let appended = text.utf8.withContiguousStorageIfAvailable { bytes in
        // Two scans a word at a time, for three of the six escaped characters each.
        guard ByteScan.isPlainASCII(bytes, except: UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: "&")),
            ByteScan.isPlainASCII(bytes, except: UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "`"))
        else { return false }
        out.append(contentsOf: bytes)
        return true
    }
    if appended == true { return }
    for byte in PlaceholderText.display(text).utf8 {
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
}
