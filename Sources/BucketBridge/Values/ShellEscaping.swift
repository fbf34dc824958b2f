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
