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
    case .array(let elements): writeJSONArray(elements, pretty: pretty, indent: indent, into: &out)
    case .object(let members): writeJSONObject(members, pretty: pretty, indent: indent, into: &out)
    }
}

/// Appends an array (see `writeJSON`). Indices rather than an iterator: the loop then borrows
/// the elements instead of copying each one.
private func writeJSONArray(_ elements: [JSONValue], pretty: Bool, indent: Int, into out: inout TextBuffer) {
    if elements.isEmpty {
        out.append(literal: "[]")
        return
    }
    out.appendByte(UInt8(ascii: "["))
    var index = 0
    while index < elements.count {
        if index > 0 { out.appendByte(UInt8(ascii: ",")) }
        if pretty { appendLineBreak(indent: 2 * (indent + 1), into: &out) }
        writeJSON(elements[index], pretty: pretty, indent: indent + 1, into: &out)
        index += 1
    }
    if pretty { appendLineBreak(indent: 2 * indent, into: &out) }
    out.appendByte(UInt8(ascii: "]"))
}

/// Appends an object (see `writeJSON`).
private func writeJSONObject(_ members: [JSONValue.Member], pretty: Bool, indent: Int, into out: inout TextBuffer) {
    if members.isEmpty {
        out.append(literal: "{}")
        return
    }
    out.appendByte(UInt8(ascii: "{"))
    var index = 0
    while index < members.count {
        if index > 0 { out.appendByte(UInt8(ascii: ",")) }
        if pretty { appendLineBreak(indent: 2 * (indent + 1), into: &out) }
        appendJSONString(members[index].key, into: &out)
        if pretty { out.append(literal: ": ") } else { out.appendByte(UInt8(ascii: ":")) }
        writeJSON(members[index].value, pretty: pretty, indent: indent + 1, into: &out)
        index += 1
    }
    if pretty { appendLineBreak(indent: 2 * indent, into: &out) }
    out.appendByte(UInt8(ascii: "}"))
}

/// A JSON string literal: `"`, `\` and control characters escaped, plus U+2028 and U+2029.
public func jsonStringLiteral(_ text: String) -> String {
    var out = TextBuffer(capacity: text.utf8.count + 2)
    appendJSONString(text, into: &out)
    return out.text
}

/// Appends `text` as a JSON string literal (see ``jsonStringLiteral(_:)``).
func appendJSONString(_ text: String, into out: inout TextBuffer) {
    ByteScan.withUTF8(of: text) { bytes in
        out.appendByte(UInt8(ascii: "\""))
        appendJSONEscaped(bytes, into: &out)
        out.appendByte(UInt8(ascii: "\""))
    }
}

/// Appends UTF-8 `bytes` escaped for inside a JSON string literal: runs of text that needs no
/// escape (printable ASCII but `"` and `\`, and most other characters) are copied whole.
private func appendJSONEscaped(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout TextBuffer) {
    var copied = 0
    var index = ByteScan.firstNonPlain(in: bytes, from: 0, except: UInt8(ascii: "\""), UInt8(ascii: "\\"), 0)
    while index < bytes.count {
        let byte = bytes[index]
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        let third = index + 2 < bytes.count ? bytes[index + 2] : 0
        // How many bytes the escape of the character at `index` replaces; 0 for a character
        // written as it is.
        let replaced: Int
        switch byte {
        case 0x00..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x7F: replaced = 1
        case 0xC2 where next <= 0x9F: replaced = 2  // U+0080–U+009F
        case 0xE2 where next == 0x80 && (third == 0xA8 || third == 0xA9): replaced = 3  // U+2028, U+2029
        case 0xEE where next == 0x80 && (third == 0x80 || third == 0x81): replaced = 3  // a placeholder mark
        default: replaced = 0
        }
        if replaced == 0 {
            index = ByteScan.firstNonPlain(
                in: bytes, from: index + ByteScan.sequenceLength(byte), except: UInt8(ascii: "\""), UInt8(ascii: "\\"), 0)
            continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
        switch byte {
        case UInt8(ascii: "\""): out.append(literal: "\\\"")
        case UInt8(ascii: "\\"): out.append(literal: "\\\\")
        case 0x0A: out.append(literal: "\\n")
        case 0x0D: out.append(literal: "\\r")
        case 0x09: out.append(literal: "\\t")
        case 0x08: out.append(literal: "\\b")
        case 0x0C: out.append(literal: "\\f")
        case 0xC2: appendUnicodeEscape(UInt32(next), uppercase: false, into: &out)
        case 0xE2: appendUnicodeEscape(third == 0xA8 ? 0x2028 : 0x2029, uppercase: false, into: &out)
        case 0xEE: out.appendByte(third == 0x80 ? UInt8(ascii: "<") : UInt8(ascii: ">"))
        default: appendUnicodeEscape(UInt32(byte), uppercase: false, into: &out)
        }
        index += replaced
        copied = index
        index = ByteScan.firstNonPlain(in: bytes, from: index, except: UInt8(ascii: "\""), UInt8(ascii: "\\"), 0)
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
}

/// Appends `\u` and four hexadecimal digits of `value` (a scalar of the Basic Multilingual Plane).
func appendUnicodeEscape(_ value: UInt32, uppercase: Bool, into out: inout TextBuffer) {
    out.append(literal: "\\u")
    out.appendHex(value, width: 4, uppercase: uppercase)
}

/// True when every byte of `text` is printable ASCII (0x20–0x7E) and none is one of the
/// `special` bytes: the escapers' fast path, which then appends the text whole.
func isPlainASCII(_ text: String, except special: UInt8, _ special2: UInt8 = 0, _ special3: UInt8 = 0) -> Bool {
    ByteScan.withUTF8(of: text) { ByteScan.isPlainASCII($0, except: special, special2, special3) }
}

/// Lowercase hexadecimal digits of `value`, zero-padded to `width`.
func hexDigits(_ value: UInt32, width: Int, uppercase: Bool = false) -> String {
    let digits = String(value, radix: 16, uppercase: uppercase)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

/// A line break and the spaces of the deepest indentation the writers usually reach.
private let lineBreakAndSpaces: StaticString = "\n                                                                "

/// Appends a line break and `indent` spaces, in one copy when the indentation is at most 64.
func appendLineBreak(indent: Int, into out: inout TextBuffer) {
    guard indent < lineBreakAndSpaces.utf8CodeUnitCount else {
        out.newline(indent: indent)
        return
    }
    lineBreakAndSpaces.withUTF8Buffer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0...indent])) }
}

extension TextBuffer {
    /// Appends `value` as `width` hexadecimal digits at least (`\u` escapes and the like).
    mutating func appendHex(_ value: UInt32, width: Int, uppercase: Bool) {
        let digits: StaticString = "0123456789abcdef0123456789ABCDEF"
        var length = 1
        while length < 8, value >> (4 * UInt32(length)) != 0 { length += 1 }
        length = Swift.max(length, width)
        digits.withUTF8Buffer { digits in
            var shift = 4 * (length - 1)
            while shift >= 0 {
                appendByte(digits[Int((value >> UInt32(shift)) & 0xF) + (uppercase ? 16 : 0)])
                shift -= 4
            }
        }
    }
}
