/// The block-style YAML of a value, safe for YAML 1.1 and 1.2 parsers.
///
/// Strings are always double-quoted scalars (so `yes`, `on`, `2012-10-17` or `0123` stay
/// strings); integers and booleans are plain. Objects become `key: value` lines and arrays
/// `- item` lines with 2-space indentation; an array item that is an object starts on the dash
/// line (`- Sid: ...`) with its other keys 2 columns further in. Keys are written plain only
/// when they are unambiguous identifiers (`Version`, `aws:SecureTransport`), else double-quoted.
/// Empty collections are `[]` and `{}`. The first line is not indented; the others are relative
/// to column 0, so place the block with `indent(n)`. No trailing newline.
///
/// With `placeholders` (CloudFormation), a string holding placeholders is written with the
/// intrinsic functions: one whole placeholder as `!Ref NAME`, text around placeholders as
/// `!Sub "text ${NAME} text"` with literal `${` written `${!`. Without, placeholders show as `<NAME>`.
public func encodeYAML(_ value: JSONValue, placeholders: PlaceholderReferences? = nil) -> String {
    var out = TextBuffer()
    writeYAML(value, indent: 0, placeholders: placeholders, into: &out)
    return out.text
}

/// Appends the YAML of `value` (see ``encodeYAML(_:placeholders:)``) to `out`.
func appendYAML(_ value: JSONValue, placeholders: PlaceholderReferences?, into out: inout TextBuffer) {
    writeYAML(value, indent: 0, placeholders: placeholders, into: &out)
}

/// Appends `value` at the cursor; continuation lines start with `indent` spaces.
private func writeYAML(_ value: JSONValue, indent: Int, placeholders: PlaceholderReferences?, into out: inout TextBuffer) {
    switch value {
    case .null: out.append(literal: "null")
    case .bool(let flag): out.append(literal: flag ? "true" : "false")
    case .int(let number): out += String(number)
    case .number(let text): out += text
    case .string(let text): appendYAMLString(text, placeholders: placeholders, into: &out)
    case .array(let elements):
        if elements.isEmpty {
            out.append(literal: "[]")
            return
        }
        for (index, element) in elements.enumerated() {
            if index > 0 { yamlNewline(indent, into: &out) }
            out.append(literal: "- ")
            writeYAML(element, indent: indent + 2, placeholders: placeholders, into: &out)
        }
    case .object(let members):
        if members.isEmpty {
            out.append(literal: "{}")
            return
        }
        for (index, member) in members.enumerated() {
            if index > 0 { yamlNewline(indent, into: &out) }
            out += yamlKey(member.key)
            out.append(literal: ":")
            switch member.value {
            case .array(let elements) where !elements.isEmpty:
                yamlNewline(indent + 2, into: &out)
                writeYAML(member.value, indent: indent + 2, placeholders: placeholders, into: &out)
            case .object(let members) where !members.isEmpty:
                yamlNewline(indent + 2, into: &out)
                writeYAML(member.value, indent: indent + 2, placeholders: placeholders, into: &out)
            default:
                out.append(literal: " ")
                writeYAML(member.value, indent: indent + 2, placeholders: placeholders, into: &out)
            }
        }
    }
}

private func yamlNewline(_ indent: Int, into out: inout TextBuffer) {
    out.newline(indent: indent)
}

/// Words YAML 1.1 or 1.2 would read as something other than a string.
private let yamlReservedWords: Set<String> = [
    "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~",
]

/// The key as a plain scalar when it is an unambiguous identifier, else double-quoted.
func yamlKey(_ key: String) -> String {
    // Read as bytes: a byte of a multi-byte character is no ASCII letter, digit or mark.
    let identifier = key.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
        guard let first = bytes.first, let last = bytes.last,
            isASCIILetter(first) || first == UInt8(ascii: "_"),
            isASCIILetter(last) || isASCIIDigit(last) || last == UInt8(ascii: "_")
        else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "/"): true
            default: isASCIILetter(byte) || isASCIIDigit(byte)
            }
        }
    } ?? false
    // The reserved words are at most 5 letters: longer keys skip the lowercasing and hashing.
    guard identifier, key.utf8.count > 5 || !yamlReservedWords.contains(key.lowercased()) else { return yamlDoubleQuoted(key) }
    return key
}

/// A string scalar: double-quoted, or with placeholders and references the CloudFormation
/// `!Ref`/`!Sub` form (see `encodeYAML(_:placeholders:)`).
func appendYAMLString(_ text: String, placeholders: PlaceholderReferences?, into out: inout TextBuffer) {
    // Plain ASCII (the common case) holds no placeholder token: quoted as it is.
    if out.appendQuoted(text, quote: UInt8(ascii: "\""), ifPlainExcept: UInt8(ascii: "\""), UInt8(ascii: "\\")) { return }
    guard let placeholders, PlaceholderText.contains(text) else {
        appendYAMLDoubleQuoted(text, into: &out)
        return
    }
    let parts = PlaceholderText.parts(text)
    if parts.count == 1, case .placeholder(let name) = parts[0] {
        out += "!Ref " + placeholders(name)
        return
    }
    let substituted = parts.map { part -> String in
        switch part {
        case .text(let literal): cloudFormationSubLiteral(literal)
        case .placeholder(let name): "${" + placeholders(name) + "}"
        }
    }.joined()
    out.append(literal: "!Sub ")
    appendYAMLDoubleQuoted(substituted, into: &out)
}

/// Literal text inside `!Sub`: `${` would start a variable, so it is written `${!`; and an
/// ARN's partition becomes `${AWS::Partition}`, as cfn-lint (I3042) asks of ARNs built by `!Sub`
/// (the stack runs in the partition the ARN names, so the value is the same).
private func cloudFormationSubLiteral(_ text: String) -> String {
    var out = ""
    var previous: Character? = nil
    for character in text {
        out.append(character)
        if character == "{", previous == "$" { out.append("!") }
        previous = character
    }
    for partition in ["aws", "aws-cn", "aws-us-gov"] where out.hasPrefix("arn:\(partition):") {
        return "arn:${AWS::Partition}" + out.dropFirst(4 + partition.count)
    }
    return out
}

/// A double-quoted YAML scalar: `\` and `"` escaped, control characters, U+0085, U+2028,
/// U+2029, U+FEFF and other non-printable characters written as escape sequences.
public func yamlDoubleQuoted(_ text: String) -> String {
    var out = TextBuffer(capacity: text.utf8.count + 2)
    appendYAMLDoubleQuoted(text, into: &out)
    return out.text
}

/// Appends `text` as a double-quoted YAML scalar (see ``yamlDoubleQuoted(_:)``).
func appendYAMLDoubleQuoted(_ text: String, into out: inout TextBuffer) {
    if out.appendQuoted(text, quote: UInt8(ascii: "\""), ifPlainExcept: UInt8(ascii: "\""), UInt8(ascii: "\\")) { return }
    out.append(literal: "\"")
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out.append(literal: "\\\"")
        case "\\": out.append(literal: "\\\\")
        case "\0": out.append(literal: "\\0")
        case "\u{07}": out.append(literal: "\\a")
        case "\u{08}": out.append(literal: "\\b")
        case "\t": out.append(literal: "\\t")
        case "\n": out.append(literal: "\\n")
        case "\u{0B}": out.append(literal: "\\v")
        case "\u{0C}": out.append(literal: "\\f")
        case "\r": out.append(literal: "\\r")
        case "\u{1B}": out.append(literal: "\\e")
        case "\u{85}": out.append(literal: "\\N")
        case "\u{2028}": out.append(literal: "\\L")
        case "\u{2029}": out.append(literal: "\\P")
        case PlaceholderText.open: out.append(literal: "<")
        case PlaceholderText.close: out.append(literal: ">")
        default:
            let value = scalar.value
            if value < 0x20 || (value >= 0x7F && value <= 0x9F) {
                out += "\\x" + hexDigits(value, width: 2, uppercase: true)
            } else if (value >= 0xD800 && value <= 0xDFFF) || value == 0xFEFF || value == 0xFFFE
                || value == 0xFFFF
            {
                out += "\\u" + hexDigits(value, width: 4, uppercase: true)
            } else {
                out.append(scalar)
            }
        }
    }
    out.append(literal: "\"")
}

func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
}

func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar >= "0" && scalar <= "9"
}

func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
}

func isASCIIDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}
