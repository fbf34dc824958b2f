/// A piece of template source: literal text or one tag.
enum TemplateLexeme {
    /// Literal text: a range of the source's Unicode scalars.
    case text(Range<Int>)
    /// `{{ content }}`; the position is that of `{{`.
    case output(String, TemplatePosition)
    /// `{% content %}`; the position is that of `{%`.
    case block(String, TemplatePosition)
    /// `{# ... #}`.
    case comment

    var isBlockOrComment: Bool {
        switch self {
        case .block, .comment: true
        case .text, .output: false
        }
    }
}

/// Splits a template source into text and tags, then drops the lines that hold only block tags
/// or comments (with their indentation and newline).
struct TemplateLexer {
    let scalars: [Unicode.Scalar]
    private(set) var lexemes: [TemplateLexeme] = []
    private(set) var errors: [(TemplateError, TemplatePosition)] = []

    init(_ source: String) {
        // One decoding pass, into room for the most scalars the UTF-8 can hold.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(source.utf8.count)
        for scalar in source.unicodeScalars { scalars.append(scalar) }
        self.scalars = scalars
        split(closers: TemplateClosers(scalars))
        dropTagOnlyLines()
    }

    /// The text of a scalar range.
    func text(_ range: Range<Int>) -> String {
        string(from: scalars[range])
    }

    private mutating func split(closers: TemplateClosers) {
        var index = 0, line = 1, column = 1, textStart = 0
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            guard scalar == "{", index + 1 < count, "{%#".unicodeScalars.contains(scalars[index + 1]) else {
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
                continue
            }
            let opener = scalars[index + 1]
            let position = TemplatePosition(line: line, column: column)
            guard let close = closers.close(opener: opener, from: index + 2) else {
                errors.append((.unterminatedTag(opener == "{" ? "{{" : opener == "%" ? "{%" : "{#"), position))
                if opener == "#" { lexemes.append(.text(textStart..<index)); return }
                index += 2; column += 2
                continue
            }
            if textStart < index { lexemes.append(.text(textStart..<index)) }
            let content = text(index + 2..<close)
            switch opener {
            case "{": lexemes.append(.output(content, position))
            case "%": lexemes.append(.block(content, position))
            default: lexemes.append(.comment)
            }
            for scalar in scalars[index..<close + 2] {
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            index = close + 2
            textStart = index
        }
        if textStart < count { lexemes.append(.text(textStart..<count)) }
    }

    /// Removes every line made only of block tags and comments plus spaces or tabs: the
    /// indentation before the first tag, the blanks between tags and the line break after.
    private mutating func dropTagOnlyLines() {
        var start = 0
        while start < lexemes.count {
            guard lexemes[start].isBlockOrComment else { start += 1; continue }
            var lastTag = start, next = start + 1
            while next < lexemes.count {
                if lexemes[next].isBlockOrComment {
                    lastTag = next
                } else if case .text(let range) = lexemes[next], range.allSatisfy({ isBlank(scalars[$0]) }) {
                    // blanks between tags on the same line
                } else { break }
                next += 1
            }
            defer { start = lastTag + 1 }
            guard let lineStart = lineStartBefore(start), let lineEnd = lineEndAfter(lastTag) else { continue }
            if start > 0, case .text(let range) = lexemes[start - 1] {
                lexemes[start - 1] = .text(range.lowerBound..<max(range.lowerBound, lineStart))
            }
            for between in start..<lastTag where !lexemes[between].isBlockOrComment {
                lexemes[between] = .text(0..<0)
            }
            if lastTag + 1 < lexemes.count, case .text(let range) = lexemes[lastTag + 1] {
                lexemes[lastTag + 1] = .text(min(lineEnd, range.upperBound)..<range.upperBound)
            }
        }
    }

    /// Where the line of the tag at `lexeme` starts, when only blanks stand before the tag on it.
    private func lineStartBefore(_ lexeme: Int) -> Int? {
        if lexeme == 0 { return 0 }
        guard case .text(let range) = lexemes[lexeme - 1] else { return nil }
        var index = range.upperBound
        while index > range.lowerBound, isBlank(scalars[index - 1]) { index -= 1 }
        if index > range.lowerBound { return scalars[index - 1] == "\n" ? index : nil }
        // The text is blank: it must start the file or follow a line break.
        return range.lowerBound == 0 || scalars[range.lowerBound - 1] == "\n" ? index : nil
    }

    /// Where the next line starts after the tag at `lexeme`, when only blanks follow it.
    private func lineEndAfter(_ lexeme: Int) -> Int? {
        guard lexeme + 1 < lexemes.count else { return scalars.count }
        guard case .text(let range) = lexemes[lexeme + 1] else { return nil }
        var index = range.lowerBound
        while index < range.upperBound, isBlank(scalars[index]) { index += 1 }
        if index < range.upperBound, scalars[index] == "\r" { index += 1 }
        if index < range.upperBound, scalars[index] == "\n" { return index + 1 }
        return index == scalars.count ? index : nil
    }

    private func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
}

/// The string of some Unicode scalars, encoded straight to UTF-8 (appending them to a
/// `String.UnicodeScalarView` costs several times as much, and a template has thousands).
///
/// Sized to its UTF-8 exactly: a string of up to 15 bytes is then stored inline, as the keys
/// of a render's context are, and comparing a name with the key it names is one compare of
/// two words instead of a call comparing bytes.
func string(from scalars: ArraySlice<Unicode.Scalar>) -> String {
    let length = scalars.reduce(0) { $0 + UTF8.width($1) }
    return String(unsafeUninitializedCapacity: length) { buffer in
        var count = 0
        for scalar in scalars {
            UTF8.encode(scalar) { byte in
                buffer[count] = byte
                count += 1
            }
        }
        return count
    }
}
