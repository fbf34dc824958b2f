/// A single-quoted shell word that a POSIX shell reads back as exactly `text`.
///
/// Every `'` becomes `'\''` and the empty string is `''`; nothing inside single quotes is
/// expanded, so `$(...)`, backticks, `$x`, `!` and globs stay literal. Returns nil when the
/// text holds a NUL character, which no shell word can carry.
public func shellQuote(_ text: String) -> String? {
    var hasQuote = false
    for byte in text.utf8 {
        if byte == 0 { return nil }
        if byte == UInt8(ascii: "'") { hasQuote = true }
    }
    if !hasQuote { return "'" + text + "'" }
    var out = "'"
    for scalar in text.unicodeScalars {
        if scalar == "'" {
            out += "'\\''"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out + "'"
}
