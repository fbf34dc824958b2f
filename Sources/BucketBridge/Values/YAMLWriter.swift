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

/// Appends the YAML of `value` (see ``encodeYAML(_:placeholders:)``) to `out`, every line but
/// the first `indent` spaces further in: the text `indent(n)` makes of it, as no line of it is
/// empty.
func appendYAML(_ value: JSONValue, indent: Int = 0, placeholders: PlaceholderReferences?, into out: inout TextBuffer) {
    writeYAML(value, indent: indent, placeholders: placeholders, into: &out)
}

/// Appends `value` at the cursor; continuation lines start with `indent` spaces.
private func writeYAML(_ value: JSONValue, indent: Int, placeholders: PlaceholderReferences?, into out: inout TextBuffer) {
    switch value {
    case .null: out.append(literal: "null")
    case .bool(let flag): out.append(literal: flag ? "true" : "false")
    case .int(let number): out += String(number)
    case .number(let text): out += text
    case .string(let text): appendYAMLString(text, placeholders: placeholders, into: &out)
    case .array(let elements): writeYAMLArray(elements, indent: indent, placeholders: placeholders, into: &out)
    case .object(let members): writeYAMLObject(members, indent: indent, placeholders: placeholders, into: &out)
    }
}

/// Appends an array (see `writeYAML`). Indices rather than an iterator: the loop then borrows
/// the elements instead of copying each one.
private func writeYAMLArray(_ elements: [JSONValue], indent: Int, placeholders: PlaceholderReferences?, into out: inout TextBuffer) {
    if elements.isEmpty {
        out.append(literal: "[]")
        return
    }
    var index = 0
    while index < elements.count {
        if index > 0 { appendLineBreak(indent: indent, into: &out) }
        out.append(literal: "- ")
        writeYAML(elements[index], indent: indent + 2, placeholders: placeholders, into: &out)
        index += 1
    }
}

/// Appends an object (see `writeYAML`).
private func writeYAMLObject(_ members: [JSONValue.Member], indent: Int, placeholders: PlaceholderReferences?, into out: inout TextBuffer) {
    if members.isEmpty {
        out.append(literal: "{}")
        return
    }
    var index = 0
    while index < members.count {
        if index > 0 { appendLineBreak(indent: indent, into: &out) }
        appendYAMLKey(members[index].key, into: &out)
        out.appendByte(UInt8(ascii: ":"))
        // A non-empty collection starts on the next line; anything else after a space.
        if members[index].value.isNonEmptyCollection {
            appendLineBreak(indent: indent + 2, into: &out)
        } else {
            out.appendByte(UInt8(ascii: " "))
        }
        writeYAML(members[index].value, indent: indent + 2, placeholders: placeholders, into: &out)
        index += 1
    }
}

/// The key as a plain scalar when it is an unambiguous identifier, else double-quoted.
func yamlKey(_ key: String) -> String {
    var out = TextBuffer(capacity: key.utf8.count + 2)
    appendYAMLKey(key, into: &out)
    return out.text
}

/// Appends `key` as ``yamlKey(_:)`` spells it.
func appendYAMLKey(_ key: String, into out: inout TextBuffer) {
    let plain = ByteScan.withUTF8(of: key) { bytes in
        guard isYAMLIdentifier(bytes) else { return false }
        out.append(contentsOf: bytes)
        return true
    }
    if !plain { appendYAMLDoubleQuoted(key, into: &out) }
}

/// True when UTF-8 `bytes` form an unambiguous identifier: letters, digits and `_-.:/`,
/// starting with a letter or `_`, ending with a letter, a digit or `_`, and no reserved word.
/// A byte of a multi-byte character is no ASCII letter, digit or mark.
private func isYAMLIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last,
        isASCIILetter(first) || first == UInt8(ascii: "_"),
        isASCIILetter(last) || isASCIIDigit(last) || last == UInt8(ascii: "_")
    else { return false }
    for byte in bytes {
        switch byte {
        case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "/"): continue
        default: if !isASCIILetter(byte) && !isASCIIDigit(byte) { return false }
        }
    }
    // Words YAML 1.1 or 1.2 would read as something other than a string, ignoring case, are
    // at most 5 letters: longer keys skip the comparison. (`~` is no identifier.) Setting bit
    // 0x20 lowercases letters and turns digits and marks into no letter.
    guard bytes.count <= 5 else { return true }
    switch packedBytes(bytes) | (0x20_2020_2020 & ((1 << (8 * UInt64(bytes.count))) - 1)) {
    case packedBytes("y"), packedBytes("yes"), packedBytes("n"), packedBytes("no"), packedBytes("true"), packedBytes("false"),
        packedBytes("on"), packedBytes("off"), packedBytes("null"):
        return false
    default:
        return true
    }
}

/// A string scalar: double-quoted, or with placeholders and references the CloudFormation
/// `!Ref`/`!Sub` form (see `encodeYAML(_:placeholders:)`).
func appendYAMLString(_ text: String, placeholders: PlaceholderReferences?, into out: inout TextBuffer) {
    // Text without placeholders (the common case) is double-quoted in one pass; a placeholder
    // token starts with a byte above ASCII, so the search for one starts at the first byte
    // that may need an escape.
    let quoted = ByteScan.withUTF8(of: text) { bytes in
        let special = yamlSpecialByte(in: bytes, from: 0)
        if placeholders != nil, special < bytes.count, PlaceholderText.contains(utf8: bytes, from: special) { return false }
        out.appendByte(UInt8(ascii: "\""))
        appendYAMLEscaped(bytes, from: special, into: &out)
        out.appendByte(UInt8(ascii: "\""))
        return true
    }
    guard !quoted, let placeholders else { return }
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
    ByteScan.withUTF8(of: text) { bytes in
        out.appendByte(UInt8(ascii: "\""))
        appendYAMLEscaped(bytes, from: 0, into: &out)
        out.appendByte(UInt8(ascii: "\""))
    }
}

/// The index of the first byte at or after `start` that may need an escape in a YAML
/// double-quoted scalar: one that is not printable ASCII, or is `"` or `\`.
@inline(__always)
private func yamlSpecialByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    ByteScan.firstNonPlain(in: bytes, from: start, except: UInt8(ascii: "\""), UInt8(ascii: "\\"), 0)
}

/// Appends UTF-8 `bytes` escaped for inside a double-quoted YAML scalar; `start` is where
/// `yamlSpecialByte` found the first byte that may need an escape. Runs of text that needs no
/// escape are copied whole.
private func appendYAMLEscaped(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into out: inout TextBuffer) {
    var copied = 0
    var index = start
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
        case 0xEF where (next == 0xBB && third == 0xBF) || (next == 0xBF && (third == 0xBE || third == 0xBF)):
            replaced = 3  // U+FEFF, U+FFFE, U+FFFF
        default: replaced = 0
        }
        if replaced == 0 {
            index = yamlSpecialByte(in: bytes, from: index + ByteScan.sequenceLength(byte))
            continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
        switch byte {
        case UInt8(ascii: "\""): out.append(literal: "\\\"")
        case UInt8(ascii: "\\"): out.append(literal: "\\\\")
        case 0x00: out.append(literal: "\\0")
        case 0x07: out.append(literal: "\\a")
        case 0x08: out.append(literal: "\\b")
        case 0x09: out.append(literal: "\\t")
        case 0x0A: out.append(literal: "\\n")
        case 0x0B: out.append(literal: "\\v")
        case 0x0C: out.append(literal: "\\f")
        case 0x0D: out.append(literal: "\\r")
        case 0x1B: out.append(literal: "\\e")
        case 0xC2 where next == 0x85: out.append(literal: "\\N")
        case 0xC2:
            out.append(literal: "\\x")
            out.appendHex(UInt32(next), width: 2, uppercase: true)
        case 0xE2: out.append(literal: third == 0xA8 ? "\\L" : "\\P")
        case 0xEE: out.appendByte(third == 0x80 ? UInt8(ascii: "<") : UInt8(ascii: ">"))
        case 0xEF: appendUnicodeEscape(next == 0xBB ? 0xFEFF : 0xFFC0 | UInt32(third & 0x3F), uppercase: true, into: &out)
        default:
            out.append(literal: "\\x")
            out.appendHex(UInt32(byte), width: 2, uppercase: true)
        }
        index += replaced
        copied = index
        index = yamlSpecialByte(in: bytes, from: index)
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
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
