/// Inline Markdown text that renders as exactly `text`, the same in CommonMark (GitHub,
/// markdown-it) and Python-Markdown (MkDocs), and starts no Markdown construct.
///
/// Only what could start markup is escaped, so ordinary text stays readable in the raw file:
/// `\` `` ` `` `*` `_` `[` `]` `{` `}` always get a backslash (both dialects honour it there);
/// `<`, `&`, `|`, `~` and tabs become character references (`&lt;`, `&amp;`, `&#124;`,
/// `&#126;`, `&#9;`), since Python-Markdown would print a backslash before them or expand the
/// tab. With `lineStart` (the text may begin a line), `#`, `+`, `-`, `>` and the `.` or `)`
/// after leading digits get a backslash, `=` becomes `&#61;` and leading spaces `&#32;`; with
/// `lineEnd` (the text may end a line), trailing spaces become `&#32;` so no engine drops
/// them. Line breaks and other control characters become one space, so the text cannot start
/// a heading, a list or a new paragraph.
public func escapeMarkdown(_ text: String, lineStart: Bool = true, lineEnd: Bool = true) -> String {
    let text = PlaceholderText.display(text)
    if isInertMarkdown(text, lineStart: lineStart, lineEnd: lineEnd) { return text }
    // Everything escaped is ASCII, so the text is read byte by byte: a byte of a multi-byte
    // character is never a digit, a space or punctuation, and is copied as it is.
    var out = TextBuffer(capacity: text.utf8.count + 16)
    ByteScan.withUTF8(of: text) { bytes in
        let start = appendMarkdownLineStart(bytes, lineStart: lineStart, into: &out)
        appendMarkdownEscaped(bytes, from: start, into: &out)
    }
    guard lineEnd, out.lastByte == UInt8(ascii: " ") else { return out.text }
    // Trailing spaces go by whole characters: after a non-ASCII character (a prepended mark
    // such as U+0600 joins the space that follows it), the String does the counting.
    let beforeSpaces = out.withUnsafeBytes { bytes in bytes.lastIndex { $0 != UInt8(ascii: " ") }.map { bytes[$0] } } ?? 0
    if beforeSpaces >= 0x80 {
        var text = out.text
        var trailing = 0
        while text.utf8.last == UInt8(ascii: " ") {
            text.removeLast()
            trailing += 1
        }
        return text + String(repeating: "&#32;", count: trailing)
    }
    let trailing = out.removeTrailingSpaces()
    for _ in 0..<trailing { out.append(literal: "&#32;") }
    return out.text
}

/// Appends the escaped start of UTF-8 `bytes` (see ``escapeMarkdown(_:lineStart:lineEnd:)``):
/// the bytes read while leading spaces, the first character or leading digits may still start
/// a construct. Returns the index of the first byte left, from which only the bytes
/// `appendMarkdownEscaped` escapes need escaping.
private func appendMarkdownLineStart(_ bytes: UnsafeBufferPointer<UInt8>, lineStart: Bool, into out: inout TextBuffer) -> Int {
    var leading = lineStart
    var atStart = lineStart
    var leadingDigits = lineStart
    var previous: UInt8 = 0
    var index = 0
    while index < bytes.count, leading || atStart || leadingDigits {
        let byte = bytes[index]
        index += 1
        defer { previous = byte }
        if leading, byte == UInt8(ascii: " ") {
            out.append(literal: "&#32;")
            continue
        }
        leading = false
        if byte == UInt8(ascii: "\n"), previous == UInt8(ascii: "\r") { continue }
        let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        defer {
            atStart = false
            leadingDigits = leadingDigits && isDigit
        }
        switch byte {
        case UInt8(ascii: "=") where atStart: out.append(literal: "&#61;")
        case _ where atStart && (byte == UInt8(ascii: "#") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ">")),
            _ where leadingDigits && !atStart && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")")):
            out.appendByte(UInt8(ascii: "\\"))
            out.appendByte(byte)
        default: appendMarkdownEscaped(UnsafeBufferPointer(rebasing: bytes[(index - 1)..<index]), from: 0, after: previous, into: &out)
        }
    }
    return index
}

/// Appends UTF-8 `bytes` from `start` on, escaped where not at the start of a line (see
/// ``escapeMarkdown(_:lineStart:lineEnd:)``); `previous` is the byte before `bytes`, if any.
/// Runs of bytes that need no escape are copied whole.
private func appendMarkdownEscaped(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, after previous: UInt8 = 0, into out: inout TextBuffer) {
    var copied = start
    var index = start
    while index < bytes.count {
        let byte = bytes[index]
        // One bit per ASCII byte to escape: bytes 0–63 in the first mask, 64–127 in the second.
        let mask = byte < 64 ? markdownSpecialBelow64 : byte < 128 ? markdownSpecialFrom64 : 0
        if mask >> UInt64(byte & 63) & 1 == 0 {
            index += 1
            continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
        switch byte {
        case UInt8(ascii: "<"): out.append(literal: "&lt;")
        case UInt8(ascii: "&"): out.append(literal: "&amp;")
        case UInt8(ascii: "|"): out.append(literal: "&#124;")
        case UInt8(ascii: "~"): out.append(literal: "&#126;")
        case UInt8(ascii: "\t"): out.append(literal: "&#9;")
        case UInt8(ascii: "\n") where (index > 0 ? bytes[index - 1] : previous) == UInt8(ascii: "\r"): break
        case 0..<0x20, 0x7F: out.appendByte(UInt8(ascii: " "))
        default:
            out.appendByte(UInt8(ascii: "\\"))
            out.appendByte(byte)
        }
        index += 1
        copied = index
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
}

/// The bytes below 64 that `appendMarkdownEscaped` escapes, one bit each: control characters, `&*<`.
private let markdownSpecialBelow64: UInt64 = 0x1000_0440_FFFF_FFFF
/// The bytes from 64 to 127 that it escapes (bit 0 is byte 64): `[\]_` and the backtick, `{|}~` and DEL.
private let markdownSpecialFrom64: UInt64 = 0xF800_0001_B800_0000

/// Appends `text` as ``escapeMarkdown(_:lineStart:lineEnd:)`` spells it; text that needs no
/// escaping (the common case) is copied as it is.
func appendEscapedMarkdown(_ text: String, lineStart: Bool = true, lineEnd: Bool = true, into out: inout TextBuffer) {
    // Inert text is plain ASCII, so it holds no placeholder to display either.
    let inert = ByteScan.withUTF8(of: text) { bytes in
        guard isInertMarkdown(bytes, lineStart: lineStart, lineEnd: lineEnd) else { return false }
        out.append(contentsOf: bytes)
        return true
    }
    if !inert { out += escapeMarkdown(text, lineStart: lineStart, lineEnd: lineEnd) }
}

/// An inline Markdown code span showing `text`: the backtick fence is longer than any run of
/// backticks inside, with a padding space on both sides when the text starts or ends with a
/// backtick. Line breaks become spaces (as CommonMark renders them anyway) so the span cannot be
/// cut by a blank line. Python-Markdown strips a code span's outer spaces and expands its tabs,
/// so text with a tab or with spaces at either end is written as escaped text instead (see
/// `escapeMarkdown`), which both dialects show exactly. The empty string gives empty text.
public func markdownCodeSpan(_ text: String) -> String {
    var out = TextBuffer(capacity: text.utf8.count + 2)
    appendMarkdownCodeSpan(text, into: &out)
    return out.text
}

/// Appends `text` as an inline Markdown code span (see ``markdownCodeSpan(_:)``): plain ASCII
/// straight between two backticks, anything else as `markdownCodeSpan` spells it.
func appendMarkdownCodeSpan(_ text: String, into out: inout TextBuffer) {
    // Plain ASCII holds no placeholder token, so it needs no displaying either.
    let space = UInt8(ascii: " ")
    let startsOrEndsWithSpace = text.utf8.first.map { $0 == space } ?? true || text.utf8.last == space
    if !startsOrEndsWithSpace, out.appendQuoted(text, quote: UInt8(ascii: "`"), ifPlainExcept: UInt8(ascii: "`")) { return }
    appendUnusualCodeSpan(PlaceholderText.display(text), into: &out)
}

/// The general case of ``markdownCodeSpan(_:)``, placeholders already displayed: empty text,
/// text that is not plain ASCII, or that starts or ends with a space.
private func appendUnusualCodeSpan(_ text: String, into out: inout TextBuffer) {
    // The common case: text on one line, without tabs, that neither starts nor ends with a
    // space, goes into the span as it is.
    let spanned = ByteScan.withUTF8(of: text) { bytes in
        guard let first = bytes.first, let last = bytes.last else { return true }
        guard first != UInt8(ascii: " "), last != UInt8(ascii: " "),
            !ByteScan.contains(UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), in: bytes)
        else { return false }
        appendBacktickFenced(bytes, into: &out)
        return true
    }
    if spanned { return }
    // Line breaks are ASCII, so bytes can be replaced one by one.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var previous: UInt8 = 0
    for byte in text.utf8 {
        defer { previous = byte }
        if byte == UInt8(ascii: "\n"), previous == UInt8(ascii: "\r") { continue }
        bytes.append(byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") ? UInt8(ascii: " ") : byte)
    }
    guard let first = bytes.first, let last = bytes.last else { return }
    if first == UInt8(ascii: " ") || last == UInt8(ascii: " ") || bytes.contains(UInt8(ascii: "\t")) {
        out += escapeMarkdown(String(decoding: bytes, as: UTF8.self))
        return
    }
    bytes.withUnsafeBufferPointer { appendBacktickFenced($0, into: &out) }
}

/// Appends non-empty UTF-8 `bytes` between backtick fences longer than any run of backticks
/// inside, padded with a space on both sides when they start or end with a backtick.
private func appendBacktickFenced(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout TextBuffer) {
    let fence = longestBacktickRun(bytes) + 1
    let padded = bytes.first == UInt8(ascii: "`") || bytes.last == UInt8(ascii: "`")
    out.appendBackticks(fence)
    if padded { out.appendByte(UInt8(ascii: " ")) }
    out.append(contentsOf: bytes)
    if padded { out.appendByte(UInt8(ascii: " ")) }
    out.appendBackticks(fence)
}

/// An inline Markdown link `[text](url)`: the text escaped, and in the URL every character
/// that could end or break the destination (spaces, parentheses, angle brackets, backslashes,
/// control and non-ASCII characters) percent-encoded, which both dialects read back alike.
public func markdownLink(_ text: String, url: String) -> String {
    var target = ""
    for byte in url.utf8 {
        switch byte {
        case 0x21...0x7E where !"()<>\\[]`\"'".utf8.contains(byte): target.unicodeScalars.append(Unicode.Scalar(byte))
        default: target += "%" + hexDigits(UInt32(byte), width: 2, uppercase: true)
        }
    }
    return "[" + escapeMarkdown(text, lineStart: false, lineEnd: false) + "](" + target + ")"
}

/// A fenced Markdown code block around `text` with an optional info string; the backtick fence
/// is longer than any run of backticks inside (at least 3). No trailing newline. Returns nil when
/// the info string holds a backtick or a line break, which would end or corrupt the fence line.
public func markdownFencedBlock(_ text: String, language: String = "") -> String? {
    if language.unicodeScalars.contains(where: { $0 == "`" || $0 == "\n" || $0 == "\r" }) { return nil }
    var text = PlaceholderText.display(text)
    var out = TextBuffer(capacity: text.utf8.count + language.utf8.count + 16)
    text.withUTF8 { appendMarkdownFencedBlock($0, language: language, into: &out) }
    return out.text
}

/// Appends UTF-8 `text`, which holds no placeholder, as a fenced code block (see
/// ``markdownFencedBlock(_:language:)``); `language` is one that function accepts.
func appendMarkdownFencedBlock(_ text: UnsafeBufferPointer<UInt8>, language: String, into out: inout TextBuffer) {
    let fence = max(3, longestBacktickRun(text) + 1)
    out.appendBackticks(fence)
    out += language
    out.appendByte(UInt8(ascii: "\n"))
    out.append(contentsOf: text)
    if let last = text.last, last != UInt8(ascii: "\n") { out.appendByte(UInt8(ascii: "\n")) }
    out.appendBackticks(fence)
}

/// The length of the longest run of consecutive backticks in UTF-8 `bytes`.
private func longestBacktickRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let first = ByteScan.firstIndex(of: UInt8(ascii: "`"), in: bytes) else { return 0 }
    var longest = 0, current = 0
    for byte in UnsafeBufferPointer(rebasing: bytes[first...]) {
        current = byte == UInt8(ascii: "`") ? current + 1 : 0
        longest = max(longest, current)
    }
    return longest
}

/// True when `text` needs no Markdown escaping: ASCII letters, digits, spaces and punctuation
/// that starts nothing; beginning with a letter when it may start a line, not ending with a
/// space when it may end one. The common case, checked byte by byte.
private func isInertMarkdown(_ text: String, lineStart: Bool, lineEnd: Bool) -> Bool {
    ByteScan.withUTF8(of: text) { isInertMarkdown($0, lineStart: lineStart, lineEnd: lineEnd) }
}

/// `isInertMarkdown` of UTF-8 `bytes`.
private func isInertMarkdown(_ bytes: UnsafeBufferPointer<UInt8>, lineStart: Bool, lineEnd: Bool) -> Bool {
    guard let first = bytes.first, let last = bytes.last else { return true }
    if lineStart, (first | 0x20) < UInt8(ascii: "a") || (first | 0x20) > UInt8(ascii: "z") { return false }
    if lineEnd, last == UInt8(ascii: " ") { return false }
    for byte in bytes {
        // One bit per inert ASCII byte: bytes 0–63 in the first mask, 64–127 in the second.
        let mask = byte < 64 ? inertBytesBelow64 : byte < 128 ? inertBytesFrom64 : 0
        if mask >> UInt64(byte & 63) & 1 == 0 { return false }
    }
    return true
}

/// The inert bytes below 64, one bit each: space, `!"#%'()+,-./`, the digits and `:;=?`.
private let inertBytesBelow64: UInt64 = 0xAFFF_FBAF_0000_0000
/// The inert bytes from 64 to 127, one bit each (bit 0 is byte 64): `@` and the letters.
private let inertBytesFrom64: UInt64 = 0x07FF_FFFE_07FF_FFFF
