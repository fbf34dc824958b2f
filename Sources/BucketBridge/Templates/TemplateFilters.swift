/// A filter of an output tag, with its arguments checked when the template is parsed.
///
/// See the language reference on ``Template`` for what each one does.
enum TemplateFilter: Sendable, Hashable {
    case raw, json, jsonCompact, yaml, hcl, shell, markdown, markdownCode, prose
    case fenced(language: String)
    case indent(Int)
    case join(separator: String)
    case length

    /// Whether the output is final text for its format, so the default escape is not applied.
    var isEscaping: Bool {
        switch self {
        case .raw, .json, .jsonCompact, .yaml, .hcl, .shell, .markdown, .markdownCode, .fenced: true
        case .indent, .join, .length, .prose: false
        }
    }

    /// The filter named `name` applied to literal `arguments`, or the error to report.
    static func make(name: String, arguments: [JSONValue]) -> Result<TemplateFilter, TemplateError> {
        let simple: [String: TemplateFilter] = [
            "raw": .raw, "json": .json, "json_compact": .jsonCompact, "yaml": .yaml, "hcl": .hcl,
            "shell": .shell, "markdown": .markdown, "markdown_code": .markdownCode, "length": .length, "prose": .prose,
        ]
        if let filter = simple[name] {
            return arguments.isEmpty ? .success(filter) : .failure(.filterArguments(filter: name, expected: "no arguments"))
        }
        let only = arguments.count == 1 ? arguments[0] : nil
        switch name {
        case "fenced":
            if arguments.isEmpty { return .success(.fenced(language: "")) }
            if case .string(let language)? = only, markdownFencedBlock("", language: language) != nil {
                return .success(.fenced(language: language))
            }
            return .failure(.filterArguments(filter: name, expected: "an optional language name without backticks or line breaks"))
        case "indent":
            if case .int(let width)? = only, (0...200).contains(width) { return .success(.indent(width)) }
            return .failure(.filterArguments(filter: name, expected: "one integer from 0 to 200"))
        case "join":
            if case .string(let separator)? = only { return .success(.join(separator: separator)) }
            return .failure(.filterArguments(filter: name, expected: "one string"))
        default:
            return .failure(.unknownFilter(name))
        }
    }

    /// The name as written in templates.
    var name: String {
        switch self {
        case .raw: "raw"
        case .json: "json"
        case .jsonCompact: "json_compact"
        case .yaml: "yaml"
        case .hcl: "hcl"
        case .shell: "shell"
        case .markdown: "markdown"
        case .markdownCode: "markdown_code"
        case .fenced: "fenced"
        case .indent: "indent"
        case .join: "join"
        case .length: "length"
        case .prose: "prose"
        }
    }
}

/// A filter as written in a template: the filter and the position of its name.
struct TemplateFilterCall: Sendable {
    var filter: TemplateFilter
    var position: TemplatePosition
}

/// The value flowing through a filter chain: still a value, or text already escaped for output.
///
/// The escaping state travels with the value, so `indent` can keep it and the renderer never
/// guesses from the text whether it was escaped.
enum FilteredValue {
    /// A value not escaped yet.
    case value(JSONValue)
    /// Final text, as UTF-8: the default escape must not be applied to it again.
    case escaped([UInt8])
}

extension TemplateFilter {
    /// The filter applied to `input` in a template of `format`, or the error to report.
    func apply(to input: FilteredValue, format: TemplateFormat, placeholders: TemplatePlaceholders) -> Result<FilteredValue, TemplateError> {
        switch (self, input) {
        case (.prose, .value(let value)) where format == .markdown:
            var out = TextBuffer(capacity: 256)
            guard Phrase.appendMarkdown(ofJSON: value, into: &out) else { break }
            return .success(.escaped(out.bytes))
        case (.prose, .value(let value)):
            guard let phrase = Phrase(jsonValue: value) else { break }
            return .success(.value(.string(phrase.plainText)))
        case (.json, .value(let value)): return .success(.escaped(written { appendJSON(value, pretty: true, into: &$0) }))
        case (.jsonCompact, .value(let value)): return .success(.escaped(written { appendJSON(value, pretty: false, into: &$0) }))
        case (.yaml, .value(let value)): return .success(.escaped(written { appendYAML(value, placeholders: placeholders.yaml, into: &$0) }))
        case (.hcl, .value(let value)): return .success(.escaped(written { appendHCL(value, placeholders: placeholders.hcl, into: &$0) }))
        case (.indent(let width), .escaped(let text)):
            return .success(.escaped(written(capacity: text.count + 256) { $0.appendIndenting(text, by: width) }))
        case (.shell, .escaped(let text)):
            guard let quoted = shellQuote(utf8: text, placeholders: placeholders.shell) else { return .failure(.shellNUL("the value")) }
            return .success(.escaped(quoted))
        case (.fenced(let language), .escaped(let text)) where !text.withUnsafeBufferPointer(mayHoldPlaceholder):
            // No placeholder token (it starts with the byte 0xEE) to display: fenced as it is.
            return .success(.escaped(written(capacity: text.count + 16) { out in
                text.withUnsafeBufferPointer { appendMarkdownFencedBlock($0, language: language, into: &out) }
            }))
        case (.indent(let width), .value(.string(let text))):
            return .success(.value(.string(indentLines(text, by: width))))
        case (.indent, .value(let value)) where value.scalarText != nil: return .success(input)
        case (.join(let separator), .value(.array(let elements))):
            let parts = elements.compactMap(\.scalarText)
            guard parts.count == elements.count else { break }
            return .success(.value(.string(parts.joined(separator: separator))))
        case (.length, .value(.array(let elements))): return .success(.value(.int(elements.count)))
        case (.length, .value(.object(let members))): return .success(.value(.int(members.count)))
        case (.length, .value(.string(let text))): return .success(.value(.int(text.count)))
        default: break
        }
        // The remaining escaping filters take text: a scalar, or text escaped by an earlier filter.
        let text: String
        switch input {
        case .escaped(let escaped): text = String(decoding: escaped, as: UTF8.self)
        case .value(let value):
            guard let scalar = value.scalarText, isEscaping else { return .failure(inputError(input)) }
            text = scalar
        }
        let escaped: String
        switch self {
        case .raw: escaped = PlaceholderText.display(text)
        case .json, .jsonCompact: escaped = jsonStringLiteral(text)
        case .yaml: escaped = yamlDoubleQuoted(text)
        case .hcl: escaped = hclStringLiteral(text)
        case .shell:
            guard let quoted = shellQuote(text, placeholders: placeholders.shell) else { return .failure(.shellNUL("the value")) }
            escaped = quoted
        case .markdown: escaped = escapeMarkdown(text)
        case .markdownCode: return .success(.escaped(written(capacity: text.utf8.count + 2) { appendMarkdownCodeSpan(text, into: &$0) }))
        case .fenced(let language): escaped = markdownFencedBlock(text, language: language) ?? text
        case .indent, .join, .length, .prose: return .failure(inputError(input))
        }
        return .success(.escaped(Array(escaped.utf8)))
    }

    /// Appends what the filter makes of `input` straight to `out`, as ``apply(to:format:placeholders:)``
    /// would make it: an escaping filter on a scalar, or `prose` in Markdown. False when the
    /// filter has no such path for this input, or fails on it: the caller applies it the usual
    /// way, which reports the error (the render is then thrown away, so what was appended of
    /// a broken phrase does not matter).
    func append(_ input: FilteredValue, format: TemplateFormat, placeholders: TemplatePlaceholders, to out: inout TextBuffer) -> Bool {
        guard case .value(let value) = input else { return false }
        switch self {
        case .prose: return format == .markdown && Phrase.appendMarkdown(ofJSON: value, into: &out)
        // Any value, as `apply` writes it: a number plainly, a string with its placeholders.
        case .json, .jsonCompact: appendJSON(value, pretty: self == .json, into: &out)
        case .yaml: appendYAML(value, placeholders: placeholders.yaml, into: &out)
        case .hcl: appendHCL(value, placeholders: placeholders.hcl, into: &out)
        // The others take a scalar's text.
        case .raw:
            guard let text = value.scalarText else { return false }
            out += PlaceholderText.display(text)
        case .shell:
            guard let text = value.scalarText else { return false }
            return appendShellQuoted(text, placeholders: placeholders.shell, into: &out)
        case .markdown:
            guard let text = value.scalarText else { return false }
            appendEscapedMarkdown(text, into: &out)
        case .markdownCode:
            guard let text = value.scalarText else { return false }
            appendMarkdownCodeSpan(text, into: &out)
        case .fenced, .indent, .join, .length: return false
        }
        return true
    }

    /// Appends what the filter and then `indent(width)` make of `value` straight to `out`, in
    /// one pass: `yaml` and `hcl` write their lines indented (no line of theirs is empty, so
    /// each gets the indentation). False, appending nothing, for the other filters.
    func appendIndented(_ value: JSONValue, by width: Int, placeholders: TemplatePlaceholders, to out: inout TextBuffer) -> Bool {
        switch self {
        case .yaml: appendYAML(value, indent: width, placeholders: placeholders.yaml, into: &out)
        case .hcl: appendHCL(value, indent: width, placeholders: placeholders.hcl, into: &out)
        default: return false
        }
        return true
    }

    private func inputError(_ input: FilteredValue) -> TemplateError {
        let found: String
        switch input {
        case .escaped: found = "escaped text"
        case .value(let value): found = value.kindDescription
        }
        let expected: String
        switch self {
        case .join: expected = "an array of strings, numbers or booleans"
        case .length: expected = "an array, an object or a string"
        case .prose: expected = "a phrase: an array of {\"text\": …} and {\"code\": …} objects"
        case .indent: expected = "text (use json, yaml or hcl first for collections)"
        default: expected = "a string, a number or a boolean"
        }
        return .filterInput(filter: name, expected: expected, found: found)
    }
}

/// True when UTF-8 `bytes` may hold a placeholder token: it starts with the byte 0xEE.
private func mayHoldPlaceholder(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    ByteScan.firstIndex(of: 0xEE, in: bytes) != nil
}

/// The bytes `write` appends to an empty buffer of `capacity` bytes.
private func written(capacity: Int = 2048, _ write: (inout TextBuffer) -> Void) -> [UInt8] {
    var out = TextBuffer(capacity: capacity)
    write(&out)
    return out.bytes
}

extension JSONValue {
    /// The text of a string, integer or boolean; nil for null, arrays and objects.
    var scalarText: String? {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null, .array, .object: nil
        }
    }
}

/// `text` with `width` spaces before every line but the first; empty lines stay empty.
func indentLines(_ text: String, by width: Int) -> String {
    let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    guard width > 0 else { return text }
    var text = text
    return text.withUTF8 { bytes in
        guard bytes.contains(newline) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32 * width)
        var lineStart = 0
        // Each line is copied whole; the line that starts after a newline is padded unless it is empty.
        while let end = bytes[lineStart...].firstIndex(of: newline) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart...end]))
            lineStart = end + 1
            if lineStart < bytes.count, bytes[lineStart] != newline, bytes[lineStart] != carriageReturn {
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width))
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart...]))
        return String(decoding: out, as: UTF8.self)
    }
}
