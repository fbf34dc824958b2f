extension Template {
    /// Parses a template source once; every syntax error is appended to `diagnostics`.
    ///
    /// Returns the template even when it has errors (with the broken tags left out), so that a
    /// caller can keep checking; render only templates that parsed without errors.
    public init(path: String, source: String, diagnostics: inout Diagnostics) {
        var parser = TemplateParser(path: path, source: source)
        parser.parse()
        for (error, position) in parser.errors {
            diagnostics.append(error.diagnostic(in: path, at: position))
        }
        self.init(path: path, format: TemplateFormat(path: path), nodes: parser.rootNodes, text: parser.text, includes: parser.includes)
    }
}

/// Builds the syntax tree from the lexemes, keeping a stack of the open `if` and `for` blocks.
private struct TemplateParser {
    /// An open block: what it is, where it opened, and the nodes gathered so far.
    private struct Frame {
        enum Kind {
            case root
            case conditional(branches: [TemplateBranch], condition: TemplateExpression?)
            case loop(variable: String, sequence: TemplateExpression)
        }

        var kind: Kind
        var tag: String
        var position: TemplatePosition
        var nodes: [TemplateNode] = []
    }

    let path: String
    private let lexer: TemplateLexer
    private var stack: [Frame]
    private(set) var errors: [(TemplateError, TemplatePosition)]
    /// Set while parsing a tag whose tokenizing failed: the parse errors that follow from the
    /// cut-off tokens are not reported, the lexical error is.
    private var tagHasLexicalError = false
    private(set) var includes: [(path: String, position: TemplatePosition)] = []
    /// Set when blocks nest too deep: the rest of the template is not parsed, so that no
    /// syntax tree deeper than the limit is ever built.
    private var abandoned = false
    private(set) var rootNodes: [TemplateNode] = []
    /// The literal text of the template's text nodes, as UTF-8, in source order.
    private(set) var text: [UInt8] = []

    init(path: String, source: String) {
        self.path = path
        lexer = TemplateLexer(source)
        errors = lexer.errors
        stack = [Frame(kind: .root, tag: "", position: TemplatePosition(line: 1, column: 1))]
    }

    mutating func parse() {
        for lexeme in lexer.lexemes where !abandoned {
            switch lexeme {
            case .comment: break
            case .text(let range):
                if !range.isEmpty {
                    let start = text.count
                    text.append(contentsOf: lexer.text(range).utf8)
                    stack[stack.count - 1].nodes.append(.text(start..<text.count))
                }
            case .output(let content, let position):
                let (tokens, lexicalError) = tokenizeTag(content, at: contentStart(position))
                tagHasLexicalError = lexicalError != nil
                do throws(TagError) {
                    var tag = TagParser(tokens: tokens)
                    if case .end = tag.current.kind, !tagHasLexicalError {
                        throw TagError(error: .emptyTag("{{ }}"), position: position)
                    }
                    let expression = try tag.parseExpression()
                    let filters = try tag.parseFilters()
                    guard case .end = tag.current.kind else { throw tag.unexpected("\"|\" or \"}}\"") }
                    stack[stack.count - 1].nodes.append(.output(expression, filters, position, cacheSlots: []))
                } catch {
                    record(error)
                }
                if let lexicalError { errors.append((lexicalError.error, lexicalError.position)) }
            case .block(let content, let position):
                let (tokens, lexicalError) = tokenizeTag(content, at: contentStart(position))
                tagHasLexicalError = lexicalError != nil
                do throws(TagError) {
                    try parseBlock(TagParser(tokens: tokens), at: position)
                } catch {
                    record(error)
                }
                if let lexicalError { errors.append((lexicalError.error, lexicalError.position)) }
            }
        }
        while stack.count > 1 {
            let frame = stack[stack.count - 1]
            if !abandoned { errors.append((.unclosedBlock(frame.tag), frame.position)) }
            closeTop()
        }
        rootNodes = stack[0].nodes
    }

    /// Reports a parse error, unless it only follows from the tag's lexical error.
    private mutating func record(_ error: TagError) {
        if !tagHasLexicalError { errors.append((error.error, error.position)) }
    }

    private func contentStart(_ position: TemplatePosition) -> TemplatePosition {
        TemplatePosition(line: position.line, column: position.column + 2)
    }

    private mutating func parseBlock(_ parser: TagParser, at position: TemplatePosition) throws(TagError) {
        var tag = parser
        guard case .name(let name) = tag.advance().kind else {
            throw TagError(error: .emptyTag("{% %}"), position: position)
        }
        if name == "if" || name == "for", stack.count > TemplateLimits.blockDepth {
            abandoned = true
            throw TagError(error: .nestedTooDeep(limit: TemplateLimits.blockDepth), position: position)
        }
        switch name {
        case "if", "elif":
            let condition = parseConditionRecovering(&tag)
            if name == "if" {
                stack.append(Frame(kind: .conditional(branches: [], condition: condition), tag: "if", position: position))
            } else {
                guard case .conditional(var branches, let previous) = stack[stack.count - 1].kind else {
                    throw TagError(error: .unexpectedBlockEnd("elif"), position: position)
                }
                guard let previous else { throw TagError(error: .elifAfterElse, position: position) }
                branches.append(TemplateBranch(condition: previous, body: stack[stack.count - 1].nodes))
                stack[stack.count - 1].kind = .conditional(branches: branches, condition: condition)
                stack[stack.count - 1].nodes = []
            }
        case "else":
            guard case .conditional(var branches, let previous) = stack[stack.count - 1].kind else {
                throw TagError(error: .unexpectedBlockEnd("else"), position: position)
            }
            guard let previous else { throw TagError(error: .duplicateElse, position: position) }
            branches.append(TemplateBranch(condition: previous, body: stack[stack.count - 1].nodes))
            stack[stack.count - 1].kind = .conditional(branches: branches, condition: nil)
            stack[stack.count - 1].nodes = []
            try expectEnd(&tag)
        case "for":
            // A broken for still opens a block, so that its endfor is not reported as well.
            var kind = Frame.Kind.loop(variable: "loop", sequence: .literal(.array([])))
            defer { stack.append(Frame(kind: kind, tag: "for", position: position)) }
            let variableToken = tag.advance()
            guard case .name(let variable) = variableToken.kind else {
                throw TagError(error: .expected("a loop variable name", found: variableToken.description), position: variableToken.position)
            }
            guard variable != "loop", !templateKeywords.contains(variable) else {
                throw TagError(error: .invalidLoopVariable(variable), position: variableToken.position)
            }
            try tag.expect(.name("in"), "\"in\"")
            kind = .loop(variable: variable, sequence: try parseCondition(&tag))
        case "endif", "endfor":
            try close(name == "endif" ? "if" : "for", by: name, at: position)
            try expectEnd(&tag)
        case "include":
            let pathToken = tag.advance()
            guard case .string(let included) = pathToken.kind else {
                throw TagError(error: .expected("a quoted template path", found: pathToken.description), position: pathToken.position)
            }
            try expectEnd(&tag)
            guard isSafeRelativePath(included) else {
                throw TagError(error: .invalidIncludePath(included), position: pathToken.position)
            }
            includes.append((included, position))
            stack[stack.count - 1].nodes.append(.include(included, position))
        default:
            throw TagError(error: .unknownTag(name), position: position)
        }
    }

    /// The condition of an `if` or `elif`; a broken one is reported and replaced by a false
    /// literal so that the block structure stays intact.
    private mutating func parseConditionRecovering(_ tag: inout TagParser) -> TemplateExpression {
        do throws(TagError) {
            return try parseCondition(&tag)
        } catch {
            record(error)
            return .literal(.bool(false))
        }
    }

    /// An expression that must fill the rest of the tag.
    private func parseCondition(_ tag: inout TagParser) throws(TagError) -> TemplateExpression {
        let expression = try tag.parseExpression()
        if case .symbol("|") = tag.current.kind { throw TagError(error: .filterInBlockTag, position: tag.current.position) }
        try expectEnd(&tag)
        return expression
    }

    private func expectEnd(_ tag: inout TagParser) throws(TagError) {
        guard case .end = tag.current.kind else { throw tag.unexpected("\"%}\"") }
    }

    /// Closes the innermost open `if` or `for`; blocks opened inside it and still open are
    /// reported as unclosed. An end tag with no such block open is an error.
    private mutating func close(_ tagName: String, by endName: String, at position: TemplatePosition) throws(TagError) {
        guard let target = stack.lastIndex(where: { $0.tag == tagName }) else {
            throw TagError(error: .unexpectedBlockEnd(endName), position: position)
        }
        while stack.count - 1 > target {
            let frame = stack[stack.count - 1]
            errors.append((.closedByOther(frame.tag, by: endName), frame.position))
            closeTop()
        }
        closeTop()
    }

    /// Pops the innermost block and appends its node to the enclosing one.
    private mutating func closeTop() {
        let frame = stack.removeLast()
        let node: TemplateNode
        switch frame.kind {
        case .root: return
        case .conditional(var branches, let condition):
            if let condition {
                branches.append(TemplateBranch(condition: condition, body: frame.nodes))
                node = .conditional(branches, otherwise: [])
            } else {
                node = .conditional(branches, otherwise: frame.nodes)
            }
        case .loop(let variable, let sequence):
            node = .loop(variable: variable, sequence: sequence, body: frame.nodes, frame.position)
        }
        stack[stack.count - 1].nodes.append(node)
    }
}

/// True for a path relative to the template root that stays inside it: not empty, not
/// absolute, no empty, `.` or `..` component, no backslash or NUL.
func isSafeRelativePath(_ path: String) -> Bool {
    guard !path.isEmpty, !path.hasPrefix("/"), !path.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\0" }) else {
        return false
    }
    return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != "" && $0 != "." && $0 != ".." }
}
