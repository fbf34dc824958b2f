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

/// Appends the HCL of `value` (see ``encodeHCL(_:placeholders:)``) to `out`.
func appendHCL(_ value: JSONValue, placeholders: PlaceholderReferences?, into out: inout TextBuffer) {
    writeHCL(value, indent: 0, placeholders: placeholders, into: &out)
}

/// Appends `value` at the cursor; `indent` is the column its closing bracket goes to.
private func writeHCL(_ value: JSONValue, indent: Int, placeholders: PlaceholderReferences?, into out: inout TextBuffer) {
    switch value {
    case .null: out.append(literal: "null")
    case .bool(let flag): out.append(literal: flag ? "true" : "false")
    case .int(let number): out += String(number)
    case .number(let text): out += text
    case .string(let text): appendHCLString(text, placeholders: placeholders, into: &out)
    case .array(let elements):
        if elements.isEmpty {
            out.append(literal: "[]")
            return
        }
        out.append(literal: "[")
        for element in elements {
            hclNewline(indent + 2, into: &out)
            writeHCL(element, indent: indent + 2, placeholders: placeholders, into: &out)
            out.append(literal: ",")
        }
        hclNewline(indent, into: &out)
        out.append(literal: "]")
    case .object(let members):
        if members.isEmpty {
            out.append(literal: "{}")
            return
        }
        out.append(literal: "{")
        let keys = members.map { member in
            let key = hclKey(member.key)
            return (text: key, width: scalarCount(key))
        }
        var groupWidth = 0
        for (index, member) in members.enumerated() {
            if index == 0 || !isSingleLineHCL(members[index - 1].value) {
                groupWidth = alignmentWidth(keys: keys, members: members, from: index)
            }
            hclNewline(indent + 2, into: &out)
            out += keys[index].text
            if isSingleLineHCL(member.value) {
                out.appendSpaces(groupWidth - keys[index].width)
            }
            out.append(literal: " = ")
            writeHCL(member.value, indent: indent + 2, placeholders: placeholders, into: &out)
        }
        hclNewline(indent, into: &out)
        out.append(literal: "}")
    }
}

/// The widest key (in scalars) of the run of single-line attributes starting at `start`.
private func alignmentWidth(keys: [(text: String, width: Int)], members: [JSONValue.Member], from start: Int) -> Int {
    var width = 0
    var index = start
    while index < members.count, isSingleLineHCL(members[index].value) {
        width = max(width, keys[index].width)
        index += 1
    }
    return width
}

/// True when the value's HCL fits on one line: a scalar or an empty collection.
private func isSingleLineHCL(_ value: JSONValue) -> Bool {
    switch value {
    case .array(let elements): elements.isEmpty
    case .object(let members): members.isEmpty
    default: true
    }
}

private func hclNewline(_ indent: Int, into out: inout TextBuffer) {
    out.newline(indent: indent)
}

/// HCL words that cannot stand as a bare object key.
private let hclKeywords: Set<String> = ["for", "in", "if", "true", "false", "null"]

/// The key bare when it matches `[A-Za-z_][A-Za-z0-9_-]*` and is not a keyword, else quoted.
func hclKey(_ key: String) -> String {
    // Read as bytes: a byte of a multi-byte character is no ASCII letter, digit, `_` or `-`.
    let identifier = key.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
        guard let first = bytes.first, isASCIILetter(first) || first == UInt8(ascii: "_") else { return false }
        return bytes.allSatisfy { isASCIILetter($0) || isASCIIDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    } ?? false
    guard identifier, key.utf8.count > 5 || !hclKeywords.contains(key) else { return hclStringLiteral(key) }
    return key
}

/// The number of Unicode scalars of `text`: its UTF-8 bytes that do not continue a scalar.
private func scalarCount(_ text: String) -> Int {
    text.utf8.withContiguousStorageIfAvailable { bytes in
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    } ?? text.unicodeScalars.count
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
    // Plain ASCII (the common case) holds no placeholder token: quoted as it is.
    if out.appendQuoted(text, quote: UInt8(ascii: "\""), ifPlainExcept: UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "{")) { return }
    guard let placeholders, PlaceholderText.contains(text) else {
        appendHCLStringLiteral(text, into: &out)
        return
    }
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
    if out.appendQuoted(text, quote: UInt8(ascii: "\""), ifPlainExcept: UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "{")) { return }
    out.append(literal: "\"")
    var previous: Unicode.Scalar? = nil
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out.append(literal: "\\\\")
        case "\"": out.append(literal: "\\\"")
        case "\n": out.append(literal: "\\n")
        case "\r": out.append(literal: "\\r")
        case "\t": out.append(literal: "\\t")
        case PlaceholderText.open: out.append(literal: "<")
        case PlaceholderText.close: out.append(literal: ">")
        case "{" where previous == "$" || previous == "%":
            // Double the `$` or `%` already written: `${` → `$${`, `%{` → `%%{`.
            out.append(previous!)
            out.append(literal: "{")
        default:
            if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F) {
                out += "\\u" + hexDigits(scalar.value, width: 4)
            } else {
                out.append(scalar)
            }
        }
        previous = scalar
    }
    out.append(literal: "\"")
}
