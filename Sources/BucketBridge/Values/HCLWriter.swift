/// The HCL expression of a value, laid out exactly as `terraform fmt` leaves it.
///
/// Strings are quoted HCL literals (`${` and `%{` escaped, see ``hclStringLiteral(_:)``);
/// integers and booleans are plain, null is `null`. Non-empty arrays are `[`, one element per
/// line each followed by a comma, `]`; non-empty objects are `{`, one `key = value` per line,
/// `}`, with keys bare when they are identifiers and quoted otherwise (`"sts:ExternalId"`).
/// As `terraform fmt` does, the `=` of consecutive single-line attributes are aligned, and an
/// attribute whose value spans lines ends the group. The first line is not indented; the others
/// are relative to column 0, so place the block with `indent(n)`:
/// `policy = jsonencode({{ doc | hcl | indent(2) }})`. No trailing newline.
///
/// With `placeholders` (Terraform expressions), a string holding placeholders interpolates
/// them (`"arn:aws:s3:::${var.bucket}"`, a whole placeholder as the bare `var.bucket`); without,
/// placeholders show as `<NAME>`.
public func encodeHCL(_ value: JSONValue, placeholders: PlaceholderReferences? = nil) -> String {
    var out = TextBuffer()
    writeHCL(value, indent: 0, placeholders: placeholders, into: &out)
    return out.text
}

/// Appends the HCL of `value` (see ``encodeHCL(_:placeholders:)``) to `out`, every line but
/// the first `indent` spaces further in: the text `indent(n)` makes of it, as no line of it is
/// empty.
func appendHCL(_ value: JSONValue, indent: Int = 0, placeholders: PlaceholderReferences?, into out: inout TextBuffer) {
    writeHCL(value, indent: indent, placeholders: placeholders, into: &out)
}

/// Appends `value` at the cursor; `indent` is the column its closing bracket goes to.
private func writeHCL(_ value: JSONValue, indent: Int, placeholders: PlaceholderReferences?, into out: inout TextBuffer) {
    switch value {
    case .null: out.append(literal: "null")
    case .bool(let flag): out.append(literal: flag ? "true" : "false")
    case .int(let number): out += String(number)
    case .number(let text): out += text
    case .string(let text): appendHCLString(text, placeholders: placeholders, into: &out)
    case .array(let elements): writeHCLArray(elements, indent: indent, placeholders: placeholders, into: &out)
    case .object(let members): writeHCLObject(members, indent: indent, placeholders: placeholders, into: &out)
    }
}

/// Appends an array (see `writeHCL`). Indices rather than an iterator: the loop then borrows
/// the elements instead of copying each one.
private func writeHCLArray(_ elements: [JSONValue], indent: Int, placeholders: PlaceholderReferences?, into out: inout TextBuffer) {
    if elements.isEmpty {
        out.append(literal: "[]")
        return
    }
    out.appendByte(UInt8(ascii: "["))
    var index = 0
    while index < elements.count {
        appendLineBreak(indent: indent + 2, into: &out)
        writeHCL(elements[index], indent: indent + 2, placeholders: placeholders, into: &out)
        out.appendByte(UInt8(ascii: ","))
        index += 1
    }
    appendLineBreak(indent: indent, into: &out)
    out.appendByte(UInt8(ascii: "]"))
}

/// Appends an object (see `writeHCL`), the `=` of each run of single-line attributes aligned.
private func writeHCLObject(_ members: [JSONValue.Member], indent: Int, placeholders: PlaceholderReferences?, into out: inout TextBuffer) {
    if members.isEmpty {
        out.append(literal: "{}")
        return
    }
    out.appendByte(UInt8(ascii: "{"))
    var groupWidth = 0
    var index = 0
    while index < members.count {
        // A run starts with the first attribute and after each one spanning lines.
        if index == 0 || members[index - 1].value.isNonEmptyCollection {
            groupWidth = alignmentWidth(members, from: index)
        }
        appendLineBreak(indent: indent + 2, into: &out)
        let width = appendHCLKey(members[index].key, into: &out)
        if !members[index].value.isNonEmptyCollection {
            out.appendSpaces(groupWidth - width)
        }
        out.append(literal: " = ")
        writeHCL(members[index].value, indent: indent + 2, placeholders: placeholders, into: &out)
        index += 1
    }
    appendLineBreak(indent: indent, into: &out)
    out.appendByte(UInt8(ascii: "}"))
}

/// The widest key (in scalars) of the run of single-line attributes starting at `start`; 0
/// for a run of at most one, whose `=` needs no padding.
private func alignmentWidth(_ members: [JSONValue.Member], from start: Int) -> Int {
    guard start + 1 < members.count, !members[start].value.isNonEmptyCollection, !members[start + 1].value.isNonEmptyCollection
    else { return 0 }
    var width = 0
    var index = start
    while index < members.count, !members[index].value.isNonEmptyCollection {
        width = max(width, hclKeyWidth(members[index].key))
        index += 1
    }
    return width
}

/// The key bare when it matches `[A-Za-z_][A-Za-z0-9_-]*` and is not a keyword, else quoted.
func hclKey(_ key: String) -> String {
    var out = TextBuffer(capacity: key.utf8.count + 2)
    _ = appendHCLKey(key, into: &out)
    return out.text
}

/// Appends `key` as ``hclKey(_:)`` spells it; returns its width in scalars.
func appendHCLKey(_ key: String, into out: inout TextBuffer) -> Int {
    let bare = ByteScan.withUTF8(of: key) { bytes -> Int? in
        guard isHCLIdentifier(bytes) else { return nil }
        out.append(contentsOf: bytes)
        return bytes.count
    }
    if let bare { return bare }
    let start = out.count
    appendHCLStringLiteral(key, into: &out)
    // Quoted plain ASCII (the common case) is as wide as its bytes.
    return out.withUnsafeBytes { written in
        let literal = UnsafeBufferPointer(rebasing: written[start...])
        return ByteScan.isASCII(literal) ? literal.count : scalarCount(literal)
    }
}

/// The width in scalars of `key` as ``hclKey(_:)`` spells it.
private func hclKeyWidth(_ key: String) -> Int {
    let width = ByteScan.withUTF8(of: key) { bytes -> Int? in
        if isHCLIdentifier(bytes) { return bytes.count }
        // Quoted, and plain but for the template sequences: as wide as its bytes and quotes.
        let plain = ByteScan.firstNonPlain(in: bytes, from: 0, except: UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "{")) == bytes.count
        return plain ? bytes.count + 2 : nil
    }
    if let width { return width }
    var out = TextBuffer(capacity: key.utf8.count + 16)
    return appendHCLKey(key, into: &out)
}

/// True when UTF-8 `bytes` match `[A-Za-z_][A-Za-z0-9_-]*` and are no keyword. A byte of a
/// multi-byte character is no ASCII letter, digit, `_` or `-`.
private func isHCLIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, isASCIILetter(first) || first == UInt8(ascii: "_") else { return false }
    for byte in bytes where !isASCIILetter(byte) && !isASCIIDigit(byte) && byte != UInt8(ascii: "_") && byte != UInt8(ascii: "-") {
        return false
    }
    // The keywords, which cannot stand as a bare key, are at most 5 letters: longer keys skip
    // the comparison.
    guard bytes.count <= 5 else { return true }
    switch packedBytes(bytes) {
    case packedBytes("for"), packedBytes("in"), packedBytes("if"), packedBytes("true"), packedBytes("false"), packedBytes("null"):
        return false
    default:
        return true
    }
}

/// The number of Unicode scalars of UTF-8 `bytes`: the bytes that do not continue a scalar.
private func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
    return count
}

/// A quoted HCL string literal: `\`, `"`, `\n`, `\r`, `\t` escaped, other control characters
/// as `\uNNNN`, and the template sequences `${` and `%{` written as `$${` and `%%{`.
public func hclStringLiteral(_ text: String) -> String {
    var out = TextBuffer(capacity: text.utf8.count + 2)
    appendHCLStringLiteral(text, into: &out)
    return out.text
}

/// A string: a quoted literal, or with placeholders and references an interpolation (see
/// `encodeHCL(_:placeholders:)`).
func appendHCLString(_ text: String, placeholders: PlaceholderReferences?, into out: inout TextBuffer) {
    // Text without placeholders (the common case) is quoted in one pass; a placeholder token
    // starts with a byte above ASCII, so the search for one starts at the first byte that may
    // need an escape.
    let quoted = ByteScan.withUTF8(of: text) { bytes in
        let special = hclSpecialByte(in: bytes, from: 0)
        if placeholders != nil, special < bytes.count, PlaceholderText.contains(utf8: bytes, from: special) { return false }
        out.appendByte(UInt8(ascii: "\""))
        appendHCLEscaped(bytes, from: special, into: &out)
        out.appendByte(UInt8(ascii: "\""))
        return true
    }
    guard !quoted, let placeholders else { return }
    let parts = PlaceholderText.parts(text)
    if parts.count == 1, case .placeholder(let name) = parts[0] {
        out += placeholders(name)
        return
    }
    out.append(literal: "\"")
    for (index, part) in parts.enumerated() {
        switch part {
        case .text(var literal):
            // A `$` right before an interpolation would turn it into the escape `$${`: such
            // dollars are interpolated as strings of their own.
            var dollars = 0
            while index + 1 < parts.count, literal.hasSuffix("$") {
                literal.removeLast()
                dollars += 1
            }
            out += String(hclStringLiteral(literal).dropFirst().dropLast())
            out += String(repeating: "${\"$\"}", count: dollars)
        case .placeholder(let name): out += "${" + placeholders(name) + "}"
        }
    }
    out.append(literal: "\"")
}

/// Appends `text` as a quoted HCL string literal (see ``hclStringLiteral(_:)``).
func appendHCLStringLiteral(_ text: String, into out: inout TextBuffer) {
    ByteScan.withUTF8(of: text) { bytes in
        out.appendByte(UInt8(ascii: "\""))
        appendHCLEscaped(bytes, from: hclSpecialByte(in: bytes, from: 0), into: &out)
        out.appendByte(UInt8(ascii: "\""))
    }
}

/// The index of the first byte at or after `start` that may need an escape in an HCL string
/// literal: one that is not printable ASCII, or is `"`, `\` or `{`.
@inline(__always)
private func hclSpecialByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    ByteScan.firstNonPlain(in: bytes, from: start, except: UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "{"))
}

/// Appends UTF-8 `bytes` escaped for inside an HCL string literal; `start` is where
/// `hclSpecialByte` found the first byte that may need an escape. Runs of text that needs no
/// escape are copied whole.
private func appendHCLEscaped(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into out: inout TextBuffer) {
    var copied = 0
    var index = start
    while index < bytes.count {
        let byte = bytes[index]
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        let third = index + 2 < bytes.count ? bytes[index + 2] : 0
        if byte == UInt8(ascii: "{") {
            // Double the `$` or `%` already written: `${` → `$${`, `%{` → `%%{`. The `{` itself
            // starts the next run.
            if index > 0, bytes[index - 1] == UInt8(ascii: "$") || bytes[index - 1] == UInt8(ascii: "%") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                out.appendByte(bytes[index - 1])
                copied = index
            }
            index = hclSpecialByte(in: bytes, from: index + 1)
            continue
        }
        // How many bytes the escape of the character at `index` replaces; 0 for a character
        // written as it is.
        let replaced: Int
        switch byte {
        case 0x00..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x7F: replaced = 1
        case 0xC2 where next <= 0x9F: replaced = 2  // U+0080–U+009F
        case 0xEE where next == 0x80 && (third == 0x80 || third == 0x81): replaced = 3  // a placeholder mark
        default: replaced = 0
        }
        if replaced == 0 {
            index = hclSpecialByte(in: bytes, from: index + ByteScan.sequenceLength(byte))
            continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
        switch byte {
        case UInt8(ascii: "\\"): out.append(literal: "\\\\")
        case UInt8(ascii: "\""): out.append(literal: "\\\"")
        case 0x0A: out.append(literal: "\\n")
        case 0x0D: out.append(literal: "\\r")
        case 0x09: out.append(literal: "\\t")
        case 0xC2: appendUnicodeEscape(UInt32(next), uppercase: false, into: &out)
        case 0xEE: out.appendByte(third == 0x80 ? UInt8(ascii: "<") : UInt8(ascii: ">"))
        default: appendUnicodeEscape(UInt32(byte), uppercase: false, into: &out)
        }
        index += replaced
        copied = index
        index = hclSpecialByte(in: bytes, from: index)
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
}
