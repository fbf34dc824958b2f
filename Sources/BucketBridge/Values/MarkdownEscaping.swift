/// ASCII punctuation that `escapeMarkdown` leaves alone: it starts no Markdown or HTML
/// construct anywhere in a line.
private let markdownSafePunctuation: Set<Unicode.Scalar> = [",", "/", ":", ";", "?", "'", "\"", "%", "@"]

/// Inline Markdown text that renders as exactly `text` and starts no Markdown construct.
///
/// Every other ASCII punctuation character (`\` `` ` `` `*` `_` `{` `}` `[` `]` `(` `)` `#`
/// `+` `-` `.` `!` `|` `<` `>` `~` `&` `$` `=` `^`) is backslash-escaped, as CommonMark allows
/// before any ASCII punctuation. Line breaks (CR, LF, CRLF) and other control characters become
/// one space, so the text cannot start a heading, a list or a new paragraph, and leading spaces
/// or tabs are written as character references so they cannot start a code block.
public func escapeMarkdown(_ text: String) -> String {
    if isInertMarkdown(text) { return text }
    var out = ""
    var leading = true
    var previous: Unicode.Scalar? = nil
    for scalar in text.unicodeScalars {
        defer { previous = scalar }
        if leading, scalar == " " || scalar == "\t" {
            out += scalar == " " ? "&#32;" : "&#9;"
            continue
        }
        leading = false
        if scalar == "\n", previous == "\r" { continue }
        if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F {
            out += " "
        } else if scalar.isASCII, isASCIIPunctuation(scalar), !markdownSafePunctuation.contains(scalar) {
            out += "\\"
            out.unicodeScalars.append(scalar)
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// An inline Markdown code span showing `text`: the backtick fence is longer than any run of
/// backticks inside, with a padding space on both sides when the text starts or ends with a
/// backtick or with spaces on both ends. Line breaks become spaces (as CommonMark renders them
/// anyway) so the span cannot be cut by a blank line. The empty string gives empty text.
public func markdownCodeSpan(_ text: String) -> String {
    if !text.isEmpty, text.utf8.first != UInt8(ascii: " "), isPlainASCII(text, except: UInt8(ascii: "`")) {
        return "`" + text + "`"
    }
    var content = ""
    var previous: Unicode.Scalar? = nil
    for scalar in text.unicodeScalars {
        defer { previous = scalar }
        if scalar == "\n", previous == "\r" { continue }
        content.unicodeScalars.append(scalar == "\n" || scalar == "\r" ? " " : scalar)
    }
    if content.isEmpty { return "" }
    let fence = String(repeating: "`", count: longestBacktickRun(content) + 1)
    let first = content.unicodeScalars.first!, last = content.unicodeScalars.last!
    let allSpaces = content.unicodeScalars.allSatisfy { $0 == " " }
    let pad = first == "`" || last == "`" || (first == " " && last == " " && !allSpaces)
    let space = pad ? " " : ""
    return fence + space + content + space + fence
}

/// A fenced Markdown code block around `text` with an optional info string; the backtick fence
/// is longer than any run of backticks inside (at least 3). No trailing newline. Returns nil when
/// the info string holds a backtick or a line break, which would end or corrupt the fence line.
public func markdownFencedBlock(_ text: String, language: String = "") -> String? {
    if language.unicodeScalars.contains(where: { $0 == "`" || $0 == "\n" || $0 == "\r" }) { return nil }
    let fence = String(repeating: "`", count: max(3, longestBacktickRun(text) + 1))
    var out = fence + language + "\n" + text
    if let last = text.unicodeScalars.last, last != "\n" { out += "\n" }
    return out + fence
}

/// The length of the longest run of consecutive backticks.
private func longestBacktickRun(_ text: String) -> Int {
    var longest = 0, current = 0
    for scalar in text.unicodeScalars {
        current = scalar == "`" ? current + 1 : 0
        longest = max(longest, current)
    }
    return longest
}

/// True for the 32 ASCII punctuation characters `!` through `~` that are not letters or digits.
private func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
    default: false
    }
}

/// True when `text` needs no Markdown escaping: ASCII letters, digits, spaces (not leading) and
/// the punctuation `escapeMarkdown` leaves alone. The common case, checked byte by byte.
private func isInertMarkdown(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
        guard bytes.first != UInt8(ascii: " ") else { return false }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "/"),
                UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "\""),
                UInt8(ascii: "%"), UInt8(ascii: "@"):
                continue
            default:
                return false
            }
        }
        return true
    }
}
