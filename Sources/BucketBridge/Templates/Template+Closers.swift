/// Where each tag that opens at a given place closes, worked out for the whole source in one
/// pass from the end, so that the lexer finds every tag's closer in constant time.
///
/// Searching forward from each opener instead made a line full of unclosed `{{` (or of tags
/// holding an unterminated string) quadratic: each opener scanned to the end of the line.
///
/// The rules: `{{ … }}` and `{% … %}` close on their own line, and a closer inside a string
/// literal does not count (`\` escapes the next character); when the tag's string is never
/// terminated, the first closer on the line counts, so that the parser can report the string
/// and the block structure survives. `{# … #}` closes at the next `#}`, across lines.
struct TemplateClosers {
    /// For `{{` and `{%`: from each offset, the closer outside strings, or -1.
    private let outsideStrings: [Unicode.Scalar: [Int]]
    /// For `{{` and `{%`: from each offset, the first closer on the line, strings or not, or -1.
    private let anywhereOnLine: [Unicode.Scalar: [Int]]
    /// From each offset, the next `#}`, or -1.
    private let commentEnds: [Int]

    init(_ scalars: [Unicode.Scalar]) {
        var outside: [Unicode.Scalar: [Int]] = [:]
        var anywhere: [Unicode.Scalar: [Int]] = [:]
        for opener in ["{", "%"] as [Unicode.Scalar] {
            (outside[opener], anywhere[opener]) = Self.tagEnds(scalars, closer: opener == "{" ? "}" : opener)
        }
        outsideStrings = outside
        anywhereOnLine = anywhere
        var comments = [Int](repeating: -1, count: scalars.count + 2)
        if scalars.count >= 2 {
            for index in stride(from: scalars.count - 2, through: 0, by: -1) {
                comments[index] = scalars[index] == "#" && scalars[index + 1] == "}" ? index : comments[index + 1]
            }
        }
        commentEnds = comments
    }

    /// The offset of the closer of a tag whose opener is `{` + `opener` and whose content
    /// starts at `start`; nil when it is not closed (on its line, for `{{` and `{%`).
    func close(opener: Unicode.Scalar, from start: Int) -> Int? {
        let found: Int
        if opener == "#" {
            found = commentEnds[start]
        } else {
            let outside = outsideStrings[opener]![start]
            found = outside >= 0 ? outside : anywhereOnLine[opener]![start]
        }
        return found >= 0 ? found : nil
    }

    /// For each offset, the closer (`closer` + `}`) that a scan from there finds outside
    /// strings, and the first one on the line. A scan in a string is tracked alongside: it
    /// needs only the values one and two places further on.
    private static func tagEnds(_ scalars: [Unicode.Scalar], closer: Unicode.Scalar) -> ([Int], [Int]) {
        let count = scalars.count
        let newline: UInt32 = 0x0A, backslash: UInt32 = 0x5C, quote: UInt32 = 0x22, brace: UInt32 = 0x7D
        let closer = closer.value
        // Each table is written whole, offset by offset from the end, then -1 at the two offsets
        // past it: no filling first.
        let outside = [Int](unsafeUninitializedCapacity: count + 2) { outside, initialized in
            // The in-string scan's result from index + 1 and index + 2.
            var inStringNext = -1
            var inStringAfterNext = -1
            // The table's value at index + 1 (-1 past the end).
            var outsideNext = -1
            var next: UInt32? = nil
            var index = count - 1
            while index >= 0 {
                let scalar = scalars[index].value
                let inString: Int
                switch scalar {
                case newline: inString = -1
                case backslash: inString = next == newline ? -1 : inStringAfterNext
                case quote: inString = outsideNext
                default: inString = inStringNext
                }
                if next == nil || scalar == newline {
                    outsideNext = -1
                } else if scalar == closer && next == brace {
                    outsideNext = index
                } else if scalar == quote {
                    outsideNext = inStringNext
                }
                outside[index] = outsideNext
                inStringAfterNext = inStringNext
                inStringNext = inString
                next = scalar
                index -= 1
            }
            outside[count] = -1
            outside[count + 1] = -1
            initialized = count + 2
        }
        let anywhere = [Int](unsafeUninitializedCapacity: count + 2) { anywhere, initialized in
            var anywhereNext = -1
            var next: UInt32? = nil
            var index = count - 1
            while index >= 0 {
                let scalar = scalars[index].value
                if next == nil || scalar == newline {
                    anywhereNext = -1
                } else if scalar == closer && next == brace {
                    anywhereNext = index
                }
                anywhere[index] = anywhereNext
                next = scalar
                index -= 1
            }
            anywhere[count] = -1
            anywhere[count + 1] = -1
            initialized = count + 2
        }
        return (outside, anywhere)
    }
}
