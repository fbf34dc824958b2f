/// An error inside one tag, with where it is; parsing of that tag stops there.
struct TagError: Error {
    var error: TemplateError
    var position: TemplatePosition
}

/// A token inside a tag.
struct TagToken {
    enum Kind: Equatable {
        case name(String)
        case string(String)
        case int(Int)
        case symbol(String)
        case end
    }

    var kind: Kind
    var position: TemplatePosition

    /// How the token is named in "expected ..., found ..." messages.
    var description: String {
        switch kind {
        case .name(let name): "\(quotedForDiagnostic(name))"
        case .string(let text): "string \(quotedForDiagnostic(text))"
        case .int(let number): "integer \(number)"
        case .symbol(let symbol): "\(quotedForDiagnostic(symbol))"
        case .end: "end of tag"
        }
    }
}

/// Splits the content of a tag into names, literals and symbols.
func tokenizeTag(_ content: String, at start: TemplatePosition) throws(TagError) -> [TagToken] {
    let scalars = Array(content.unicodeScalars)
    var tokens: [TagToken] = []
    var index = 0
    func position(_ offset: Int) -> TemplatePosition {
        TemplatePosition(line: start.line, column: start.column + offset)
    }
    while index < scalars.count {
        let scalar = scalars[index], begin = index
        if scalar == " " || scalar == "\t" {
            index += 1
        } else if isASCIILetter(scalar) || scalar == "_" {
            while index < scalars.count, isASCIILetter(scalars[index]) || isASCIIDigit(scalars[index]) || scalars[index] == "_" {
                index += 1
            }
            tokens.append(TagToken(kind: .name(slice(scalars, begin..<index)), position: position(begin)))
        } else if isASCIIDigit(scalar) || (scalar == "-" && index + 1 < scalars.count && isASCIIDigit(scalars[index + 1])) {
            index += 1
            while index < scalars.count, isASCIIDigit(scalars[index]) { index += 1 }
            let digits = slice(scalars, begin..<index)
            guard let number = Int(digits) else { throw TagError(error: .integerOutOfRange(digits), position: position(begin)) }
            tokens.append(TagToken(kind: .int(number), position: position(begin)))
        } else if scalar == "\"" {
            var text = String.UnicodeScalarView()
            index += 1
            while true {
                guard index < scalars.count else { throw TagError(error: .unterminatedString, position: position(begin)) }
                let next = scalars[index]
                if next == "\"" { break }
                if next == "\\" {
                    let escaped: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
                    switch escaped {
                    case "\""?, "\\"?: text.append(escaped!)
                    case "n"?: text.append("\n")
                    case "t"?: text.append("\t")
                    default:
                        let shown = escaped.map { "\\" + String($0) } ?? "\\"
                        throw TagError(error: .invalidEscape(shown), position: position(index))
                    }
                    index += 2
                } else {
                    text.append(next)
                    index += 1
                }
            }
            index += 1
            tokens.append(TagToken(kind: .string(String(text)), position: position(begin)))
        } else if (scalar == "=" || scalar == "!"), index + 1 < scalars.count, scalars[index + 1] == "=" {
            index += 2
            tokens.append(TagToken(kind: .symbol(slice(scalars, begin..<index)), position: position(begin)))
        } else if ".|(),".unicodeScalars.contains(scalar) {
            index += 1
            tokens.append(TagToken(kind: .symbol(String(scalar)), position: position(begin)))
        } else {
            throw TagError(error: .unexpectedCharacter(String(scalar)), position: position(begin))
        }
    }
    tokens.append(TagToken(kind: .end, position: position(scalars.count)))
    return tokens
}

private func slice(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[range])
    return String(view)
}

/// Words that cannot be variable names.
let templateKeywords: Set<String> = ["and", "or", "not", "in"]

/// A recursive-descent parser over the tokens of one tag.
struct TagParser {
    var tokens: [TagToken]
    var index = 0

    var current: TagToken { tokens[index] }

    mutating func advance() -> TagToken {
        defer { if index < tokens.count - 1 { index += 1 } }
        return tokens[index]
    }

    /// Consumes the symbol or keyword when it comes next.
    mutating func accept(_ kind: TagToken.Kind) -> Bool {
        guard current.kind == kind else { return false }
        _ = advance()
        return true
    }

    mutating func expect(_ kind: TagToken.Kind, _ what: String) throws(TagError) {
        guard accept(kind) else { throw unexpected(what) }
    }

    func unexpected(_ what: String) -> TagError {
        TagError(error: .expected(what, found: current.description), position: current.position)
    }

    /// `or`-expression: the lowest precedence level.
    mutating func parseExpression() throws(TagError) -> TemplateExpression {
        var left = try parseAnd()
        while accept(.name("or")) { left = .or(left, try parseAnd()) }
        return left
    }

    private mutating func parseAnd() throws(TagError) -> TemplateExpression {
        var left = try parseNot()
        while accept(.name("and")) { left = .and(left, try parseNot()) }
        return left
    }

    private mutating func parseNot() throws(TagError) -> TemplateExpression {
        if accept(.name("not")) { return .not(try parseNot()) }
        let left = try parsePrimary()
        if accept(.symbol("==")) { return .equal(left, try parsePrimary()) }
        if accept(.symbol("!=")) { return .notEqual(left, try parsePrimary()) }
        return left
    }

    private mutating func parsePrimary() throws(TagError) -> TemplateExpression {
        let token = advance()
        switch token.kind {
        case .string(let text): return .literal(.string(text))
        case .int(let number): return .literal(.int(number))
        case .symbol("("):
            let inner = try parseExpression()
            try expect(.symbol(")"), "\")\"")
            return inner
        case .name(let name) where !templateKeywords.contains(name):
            var names = [TemplateName(name: name, position: token.position)]
            while accept(.symbol(".")) {
                let key = advance()
                guard case .name(let keyName) = key.kind else {
                    throw TagError(error: .expected("a key name after \".\"", found: key.description), position: key.position)
                }
                names.append(TemplateName(name: keyName, position: key.position))
            }
            return .variable(names)
        default:
            throw TagError(error: .expected("a name, a string or an integer", found: token.description), position: token.position)
        }
    }

    /// `| name` or `| name(literal, ...)`, repeated until the end of the tag.
    mutating func parseFilters() throws(TagError) -> [TemplateFilterCall] {
        var calls: [TemplateFilterCall] = []
        while accept(.symbol("|")) {
            let nameToken = advance()
            guard case .name(let name) = nameToken.kind else {
                throw TagError(error: .expected("a filter name", found: nameToken.description), position: nameToken.position)
            }
            var arguments: [TemplateValue] = []
            if accept(.symbol("(")), !accept(.symbol(")")) {
                repeat {
                    let argument = advance()
                    switch argument.kind {
                    case .string(let text): arguments.append(.string(text))
                    case .int(let number): arguments.append(.int(number))
                    default:
                        throw TagError(error: .expected("a string or integer argument", found: argument.description), position: argument.position)
                    }
                } while accept(.symbol(","))
                try expect(.symbol(")"), "\")\"")
            }
            switch TemplateFilter.make(name: name, arguments: arguments) {
            case .success(let filter): calls.append(TemplateFilterCall(filter: filter, position: nameToken.position))
            case .failure(let error): throw TagError(error: error, position: nameToken.position)
            }
        }
        return calls
    }
}
