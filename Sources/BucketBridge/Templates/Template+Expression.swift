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
            var arguments: [JSONValue] = []
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
