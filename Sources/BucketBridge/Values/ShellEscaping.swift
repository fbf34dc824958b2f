/// A single-quoted shell word that a POSIX shell reads back as exactly `text`.
///
/// Every `'` becomes `'\''` and the empty string is `''`; nothing inside single quotes is
/// expanded, so `$(...)`, backticks, `$x`, `!` and globs stay literal. Returns nil when the
/// text holds a NUL character, which no shell word can carry.
///
/// With `placeholders` (variable names), each placeholder becomes `"${NAME}"` between the
/// single-quoted literal parts, so the shell expands only those; without, placeholders show
/// as `<NAME>`.
public func shellQuote(_ text: String, placeholders: PlaceholderReferences? = nil) -> String? {
    if PlaceholderText.contains(text) {
        guard let placeholders else { return shellQuote(PlaceholderText.display(text)) }
        var out = ""
        for part in PlaceholderText.parts(text) {
            switch part {
            case .text(let literal):
                guard let quoted = shellQuote(literal) else { return nil }
                out += quoted
            case .placeholder(let name): out += "\"${" + placeholders(name) + "}\""
            }
        }
        return out
    }
    // Eight bytes at a time: a policy's JSON is long and seldom holds either.
    var bytes = text
    if !bytes.withUTF8({ ByteScan.contains(0, or: UInt8(ascii: "'"), in: $0) }) { return "'" + text + "'" }
    if text.utf8.contains(0) { return nil }
    var out = TextBuffer(capacity: text.utf8.count + 16)
    out += "'"
    for (index, piece) in text.utf8.split(separator: UInt8(ascii: "'"), omittingEmptySubsequences: false).enumerated() {
        if index > 0 { out += "'\\''" }
        out.append(contentsOf: piece)
    }
    out += "'"
    return out.text
}

/// Appends `text` as ``shellQuote(_:placeholders:)`` spells it; false (appending nothing) when
/// the text holds a NUL character.
func appendShellQuoted(_ text: String, placeholders: PlaceholderReferences?, into out: inout TextBuffer) -> Bool {
    let plain = ByteScan.withUTF8(of: text) { bytes in
        guard isPlainShellWord(bytes) else { return false }
        out.appendByte(UInt8(ascii: "'"))
        out.append(contentsOf: bytes)
        out.appendByte(UInt8(ascii: "'"))
        return true
    }
    if plain { return true }
    guard let quoted = shellQuote(text, placeholders: placeholders) else { return false }
    out += quoted
    return true
}

/// `shellQuote` of UTF-8 `text` (escaped text of a filter chain, such as a policy's JSON), as
/// UTF-8; nil when the text holds a NUL character.
func shellQuote(utf8 text: [UInt8], placeholders: PlaceholderReferences?) -> [UInt8]? {
    if text.withUnsafeBufferPointer(isPlainShellWord) {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 2)
        out.append(UInt8(ascii: "'"))
        out.append(contentsOf: text)
        out.append(UInt8(ascii: "'"))
        return out
    }
    return shellQuote(String(decoding: text, as: UTF8.self), placeholders: placeholders).map { Array($0.utf8) }
}

/// True when UTF-8 `bytes` hold no `'`, no NUL and no placeholder (whose token starts with
/// the byte 0xEE): text that goes between two single quotes as it is.
private func isPlainShellWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // Eight bytes at a time: a policy's JSON is long and seldom holds any of them.
    !ByteScan.contains(0, UInt8(ascii: "'"), 0xEE, in: bytes)
}
