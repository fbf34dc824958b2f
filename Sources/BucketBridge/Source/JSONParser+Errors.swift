/// What the JSON reader says when the text is not JSON: which token is wrong and why, naming
/// the usual mistakes (trailing commas, single quotes, comments, bare words, typographic
/// quotes) and what to write instead.
extension JSONParser {
    /// The error for the token at `index` where `expected` should be.
    func unexpectedToken(expected: String) -> JSONSyntaxError {
        guard index < bytes.count else { return fail("unexpected end of file, expected \(expected)") }
        let byte = bytes[index]
        if byte == UInt8(ascii: "'") { return fail(JSONSyntaxMessage.singleQuotes) }
        if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*") {
            return fail(JSONSyntaxMessage.comment)
        }
        if byte == UInt8(ascii: "#") { return fail(JSONSyntaxMessage.comment) }
        if isWordStart(byte) { return fail(JSONSyntaxMessage.notALiteral(word(at: index))) }
        if let scalar = scalar(at: index), ["\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}"].contains(scalar) {
            return fail(JSONSyntaxMessage.typographicQuote(scalar))
        }
        return fail(JSONSyntaxMessage.unexpected(describeByte(at: index), expected: expected))
    }

    /// `character "]"`, `character "ä"`, `byte 0xFF` or `end of file`.
    func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of file" }
        if let scalar = scalar(at: offset), scalar.value >= 0x21, scalar.value != 0x7F, !(0x80...0x9F).contains(scalar.value) {
            return "character \(quotedForDiagnostic(String(scalar)))"
        }
        return "byte 0x\(hexDigits(UInt32(bytes[offset]), width: 2))"
    }

    /// The Unicode scalar whose UTF-8 encoding starts at `offset`, if it is valid.
    private func scalar(at offset: Int) -> Unicode.Scalar? {
        let lead = bytes[offset]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, offset + length <= bytes.count else { return nil }
        return validUTF8String(bytes[offset..<offset + length])?.unicodeScalars.first
    }

    /// The run of letters, digits and `_` starting at `offset` (at most 40 characters).
    private func word(at offset: Int) -> String {
        var end = offset
        while end < bytes.count, end - offset < 40, isWordStart(bytes[end]) || (bytes[end] >= 0x30 && bytes[end] <= 0x39) {
            end += 1
        }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    /// ASCII letters and `_`: the start of a bare word such as `True`, `yes` or an unquoted key.
    func isWordStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
    }

    /// True when `byte` can start a JSON value (so a missing comma is the likely mistake).
    func startsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            true
        default: false
        }
    }
}

/// True when a file that is not JSON looks like YAML: a `.yaml`/`.yml` name, a `---` document
/// start, or a first meaningful line of the form `key:` or `- item`.
func looksLikeYAML(_ file: SourceFile) -> Bool {
    if file.name.hasSuffix(".yaml") || file.name.hasSuffix(".yml") { return true }
    let text = String(decoding: file.bytes.prefix(4096), as: UTF8.self)
    let firstLine = text.split(whereSeparator: \.isNewline).map { $0.drop { $0 == " " || $0 == "\t" } }
        .first { !$0.isEmpty && !$0.hasPrefix("#") }
    guard let line = firstLine else { return false }
    if line.hasPrefix("---") || line.hasPrefix("- ") { return true }
    guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else { return false }
    let key = line[..<colon]
    return key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } && !line.hasPrefix("\"")
}
