/// The JSON text of a value, pretty-printed the way the AWS console shows policies.
///
/// Placeholders inside strings are written `<NAME>` (see `PlaceholderText`). Two-space indentation, `"key": value` (one space after the colon), keys in their stored
/// order, one array element per line, `[]` and `{}` for empty collections, no trailing
/// newline. Non-ASCII text stays UTF-8; control characters and U+2028/U+2029 are escaped, `/` is
/// not. Deterministic: the same value always gives the same bytes.
public func encodeJSON(_ value: JSONValue) -> String {
    var out = TextBuffer()
    writeJSON(value, pretty: true, indent: 0, into: &out)
    return out.text
}

/// The JSON text of a value on one line, without any spaces between tokens.
public func encodeCompactJSON(_ value: JSONValue) -> String {
    var out = TextBuffer()
    writeJSON(value, pretty: false, indent: 0, into: &out)
    return out.text
}

/// Appends the JSON of `value` (pretty as ``encodeJSON(_:)`` or compact as
/// ``encodeCompactJSON(_:)``) to `out`.
func appendJSON(_ value: JSONValue, pretty: Bool, into out: inout TextBuffer) {
    writeJSON(value, pretty: pretty, indent: 0, into: &out)
}

/// Appends the JSON of `value`; `indent` is the nesting depth of the line it starts on.
private func writeJSON(_ value: JSONValue, pretty: Bool, indent: Int, into out: inout TextBuffer) {
    switch value {
    case .null: out.append(literal: "null")
    case .bool(let flag): out.append(literal: flag ? "true" : "false")
    case .int(let number): out += String(number)
    case .number(let text): out += text
    case .string(let text): appendJSONString(text, into: &out)
    case .array(let elements):
        if elements.isEmpty {
            out.append(literal: "[]")
            return
        }
        out.append(literal: "[")
        for (index, element) in elements.enumerated() {
            if index > 0 { out.append(literal: ",") }
            if pretty { newline(indent + 1, into: &out) }
            writeJSON(element, pretty: pretty, indent: indent + 1, into: &out)
        }
        if pretty { newline(indent, into: &out) }
        out.append(literal: "]")
    case .object(let members):
        if members.isEmpty {
            out.append(literal: "{}")
            return
        }
        out.append(literal: "{")
        for (index, member) in members.enumerated() {
            if index > 0 { out.append(literal: ",") }
            if pretty { newline(indent + 1, into: &out) }
            appendJSONString(member.key, into: &out)
            out.append(literal: pretty ? ": " : ":")
            writeJSON(member.value, pretty: pretty, indent: indent + 1, into: &out)
        }
        if pretty { newline(indent, into: &out) }
        out.append(literal: "}")
    }
}

private func newline(_ depth: Int, into out: inout TextBuffer) {
    out.newline(indent: 2 * depth)
}

/// A JSON string literal: `"`, `\` and control characters escaped, plus U+2028 and U+2029.
public func jsonStringLiteral(_ text: String) -> String {
    var out = TextBuffer(capacity: text.utf8.count + 2)
    appendJSONString(text, into: &out)
    return out.text
}

/// Appends `text` as a JSON string literal (see ``jsonStringLiteral(_:)``).
func appendJSONString(_ text: String, into out: inout TextBuffer) {
    if out.appendQuoted(text, quote: UInt8(ascii: "\""), ifPlainExcept: UInt8(ascii: "\""), UInt8(ascii: "\\")) { return }
    out.append(literal: "\"")
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out.append(literal: "\\\"")
        case "\\": out.append(literal: "\\\\")
        case "\n": out.append(literal: "\\n")
        case "\r": out.append(literal: "\\r")
        case "\t": out.append(literal: "\\t")
        case "\u{08}": out.append(literal: "\\b")
        case "\u{0C}": out.append(literal: "\\f")
        case PlaceholderText.open: out.append(literal: "<")
        case PlaceholderText.close: out.append(literal: ">")
        default:
            let value = scalar.value
            if value < 0x20 || (value >= 0x7F && value <= 0x9F) || value == 0x2028 || value == 0x2029 {
                out += "\\u" + hexDigits(value, width: 4)
            } else {
                out.append(scalar)
            }
        }
    }
    out.append(literal: "\"")
}

/// True when every byte of `text` is printable ASCII (0x20–0x7E) and none is one of the
/// `special` bytes: the escapers' fast path, which then appends the text whole.
func isPlainASCII(_ text: String, except special: UInt8, _ special2: UInt8 = 0, _ special3: UInt8 = 0) -> Bool {
    var text = text
    return text.withUTF8 { ByteScan.isPlainASCII($0, except: special, special2, special3) }
}

/// Lowercase hexadecimal digits of `value`, zero-padded to `width`.
func hexDigits(_ value: UInt32, width: Int, uppercase: Bool = false) -> String {
    let digits = String(value, radix: 16, uppercase: uppercase)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
