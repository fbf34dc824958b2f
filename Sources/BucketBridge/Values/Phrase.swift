/// A sentence fragment for people to read, with the values they may copy kept apart from the
/// words around them, so that each format can print both correctly: Markdown puts values in
/// code spans and escapes the words, plain text prints both as they are.
public struct Phrase: Sendable, Hashable, ExpressibleByStringLiteral {
    /// One run of words or one value.
    public enum Segment: Sendable, Hashable {
        /// Words, printed as text.
        case text(String)
        /// A value to copy (an ARN, a name, an action), printed as code where the format has it.
        case code(String)
        /// A link: its words and its target (an https or mailto URL).
        case link(String, url: String)
    }

    /// The segments in reading order.
    public var segments: [Segment]

    /// A phrase from its segments.
    public init(_ segments: [Segment]) {
        self.segments = segments
    }

    /// A phrase of words only.
    public init(stringLiteral text: String) {
        segments = [.text(text)]
    }

    /// The phrase as plain text: words and values as they are.
    public var plainText: String {
        segments.map {
            switch $0 {
            case .text(let text), .code(let text): text
            case .link(let text, let url): text == url || "mailto:" + text == url ? text : "\(text) (\(url))"
            }
        }.joined()
    }

    /// The phrase as inline Markdown: words escaped, values as code spans.
    public var markdown: String {
        var out = TextBuffer(capacity: 256)
        appendMarkdown(into: &out)
        return out.text
    }

    /// Appends the phrase as inline Markdown (see ``markdown``).
    func appendMarkdown(into out: inout TextBuffer) {
        for index in segments.indices {
            segments[index].appendMarkdown(first: index == 0, last: index == segments.count - 1, into: &out)
        }
    }

    /// Appends the Markdown of the phrase whose JSON form is `value` (see ``markdown`` and
    /// ``init(jsonValue:)``) without building the phrase; false when `value` is not one (some
    /// of it may have been appended).
    static func appendMarkdown(ofJSON value: JSONValue, into out: inout TextBuffer) -> Bool {
        guard case .array(let elements) = value else { return false }
        let last = elements.count - 1
        for index in elements.indices {
            // Words and values (most segments) are appended straight from their one member.
            if case .object(let members) = elements[index], members.count == 1 {
                guard case .string(let text) = members[0].value else { return false }
                switch members[0].key {
                case "text": appendEscapedMarkdown(text, lineStart: index == 0, lineEnd: index == last, into: &out)
                case "code": appendMarkdownCodeSpan(text, into: &out)
                default: return false
                }
                continue
            }
            guard let segment = Segment(jsonValue: elements[index]) else { return false }
            segment.appendMarkdown(first: index == 0, last: index == last, into: &out)
        }
        return true
    }

    /// The phrase as a JSON value: an array of `{"text": …}` and `{"code": …}` objects, the form
    /// templates print with the `prose` filter.
    public var jsonValue: JSONValue {
        // A loop over a reserved array, each object built from its members: a phrase's JSON is
        // built for every claim of every destination.
        var elements: [JSONValue] = []
        elements.reserveCapacity(segments.count)
        for segment in segments { elements.append(segment.jsonValue) }
        return .array(elements)
    }

    /// The phrase read back from its JSON form; nil when `value` is not one.
    public init?(jsonValue value: JSONValue) {
        guard case .array(let elements) = value else { return nil }
        var segments: [Segment] = []
        segments.reserveCapacity(elements.count)
        for element in elements {
            guard let segment = Segment(jsonValue: element) else { return nil }
            segments.append(segment)
        }
        self.segments = segments
    }

    /// This phrase followed by another.
    public static func + (lhs: Phrase, rhs: Phrase) -> Phrase {
        Phrase(lhs.segments + rhs.segments)
    }
}

extension Phrase.Segment {
    /// The segment read back from its JSON form (an element of ``Phrase/jsonValue``); nil when
    /// `value` is not one.
    init?(jsonValue value: JSONValue) {
        guard case .object(let members) = value else { return nil }
        // Words and values (most segments) are objects of one key, which cannot be a link.
        if members.count == 1 {
            guard case .string(let text) = members[0].value else { return nil }
            switch members[0].key {
            case "text": self = .text(text)
            case "code": self = .code(text)
            default: return nil
            }
            return
        }
        guard case .string(let url)? = value["link"], case .string(let text)? = value["text"] else { return nil }
        self = .link(text, url: url)
    }

    /// The segment's JSON form: `{"text": …}`, `{"code": …}` or `{"link": …, "text": …}`.
    var jsonValue: JSONValue {
        switch self {
        case .text(let text): .object([JSONValue.Member("text", .string(text))])
        case .code(let text): .object([JSONValue.Member("code", .string(text))])
        case .link(let text, let url): .object([JSONValue.Member("link", .string(url)), JSONValue.Member("text", .string(text))])
        }
    }

    /// Appends the segment as inline Markdown: words escaped (as the phrase's `first` segment
    /// they may start a line, as its `last` they may end one), values as code spans.
    func appendMarkdown(first: Bool, last: Bool, into out: inout TextBuffer) {
        switch self {
        case .text(let text): appendEscapedMarkdown(text, lineStart: first, lineEnd: last, into: &out)
        case .code(let text): appendMarkdownCodeSpan(text, into: &out)
        case .link(let text, let url): out += markdownLink(text, url: url)
        }
    }
}

extension Phrase {
    /// A value to copy, as a phrase of its own.
    public static func code(_ text: String) -> Phrase { Phrase([.code(text)]) }

    /// Words, as a phrase of their own.
    public static func text(_ text: String) -> Phrase { Phrase([.text(text)]) }

    /// Values joined as a list: `a`, `a and b`, `a, b and c` (with `conjunction`).
    public static func list(_ items: [Phrase], conjunction: String = "and") -> Phrase {
        var segments: [Segment] = []
        for (index, item) in items.enumerated() {
            if index > 0 { segments.appendListSeparator(before: index, of: items.count, conjunction: conjunction) }
            segments += item.segments
        }
        return Phrase(segments)
    }
}

extension [Phrase.Segment] {
    /// Appends the words before item `index` (from 1) of a list of `count` items, as
    /// ``Phrase/list(_:conjunction:)`` joins them: ", " or " and ".
    mutating func appendListSeparator(before index: Int, of count: Int, conjunction: String = "and") {
        guard index == count - 1 else { return append(.text(", ")) }
        append(.text(conjunction == "and" ? " and " : conjunction == "or" ? " or " : " \(conjunction) "))
    }

    /// Appends `values` as code joined as a list: the segments of
    /// `Phrase.list(values.map(Phrase.code), conjunction: conjunction)`, without building the phrases.
    mutating func appendCodeList(_ values: [String], conjunction: String = "and") {
        for index in values.indices {
            if index > 0 { appendListSeparator(before: index, of: values.count, conjunction: conjunction) }
            append(.code(values[index]))
        }
    }
}

/// `pieces` joined into one string, copied once: words are built for every destination, and
/// interpolation or `+` grows the string piece by piece. Inlined, so that the list of pieces
/// stays on the stack.
@inline(__always)
func concatenated(_ pieces: String...) -> String {
    var count = 0
    for piece in pieces { count += piece.utf8.count }
    return String(unsafeUninitializedCapacity: count) { buffer in
        var written = 0
        for var piece in pieces {
            // Safe: the buffer has room for every piece, and each is copied after the ones before.
            piece.withUTF8 { written = UnsafeMutableBufferPointer(rebasing: buffer[written...]).initialize(fromContentsOf: $0) + written }
        }
        return written
    }
}
