/// Every problem the template engine reports: the catalogue of its messages.
enum TemplateError: Error, Sendable, Hashable {
    // Lexing and parsing
    case unterminatedTag(String)
    case emptyTag(String)
    case unexpectedCharacter(String)
    case unterminatedString
    case invalidEscape(String)
    case integerOutOfRange(String)
    case expected(String, found: String)
    case unknownTag(String)
    case filterInBlockTag
    case unexpectedBlockEnd(String)
    case unclosedBlock(String)
    case closedByOther(String, by: String)
    case elifAfterElse
    case duplicateElse
    case invalidLoopVariable(String)
    case unknownLoopProperty(String)
    case unknownFilter(String)
    case filterArguments(filter: String, expected: String)
    case invalidIncludePath(String)
    // Linking
    case missingInclude(String)
    case includeCycle([String])
    // Rendering
    case unknownTemplate(String)
    case brokenTemplate(String)
    case contextNotObject
    case unknownVariable(String, available: [String])
    case missingKey(String, in: String, available: [String])
    case notAnObject(String, kind: String)
    case notIterable(String, kind: String)
    case printsNull(String)
    case printsCollection(String, kind: String)
    case needsEscapingFilter(String)
    case filterInput(filter: String, expected: String, found: String)
    case shellNUL(String)

    /// The diagnostic at a place in a template.
    func diagnostic(in file: String, at position: TemplatePosition?) -> Diagnostic {
        let location = SourceLocation(file: file, line: position?.line ?? 0, column: position?.column ?? 0)
        return Diagnostic(.error, rule, at: location, message, hint: hint)
    }

    /// The rule of each error: syntax, linking, or rendering.
    var rule: DiagnosticRule {
        switch self {
        case .missingInclude, .includeCycle: .templateInclude
        case .unknownTemplate, .brokenTemplate, .contextNotObject, .unknownVariable, .missingKey, .notAnObject,
            .notIterable, .printsNull, .printsCollection, .needsEscapingFilter, .filterInput, .shellNUL:
            .templateRender
        default: .templateSyntax
        }
    }

    var message: String {
        switch self {
        case .unterminatedTag(let opener): "\(opener) is not closed on its line"
        case .emptyTag(let opener): "empty \(opener) tag"
        case .unexpectedCharacter(let text): "unexpected character \(quotedForDiagnostic(text)) in tag"
        case .unterminatedString: "string literal is not terminated"
        case .invalidEscape(let text): "invalid escape \(quotedForDiagnostic(text)) in string literal"
        case .integerOutOfRange(let text): "integer \(text) is out of range"
        case .expected(let what, let found): "expected \(what), found \(found)"
        case .unknownTag(let name): "unknown tag \(quotedForDiagnostic(name))"
        case .filterInBlockTag: "filters are only allowed in {{ }} tags"
        case .unexpectedBlockEnd(let name): "\(name) without a matching opening tag"
        case .unclosedBlock(let name): "\(name) is never closed"
        case .closedByOther(let name, let other): "\(name) is not closed before \(other)"
        case .elifAfterElse: "elif after else"
        case .duplicateElse: "second else in one if"
        case .invalidLoopVariable(let name): "\(quotedForDiagnostic(name)) cannot be a loop variable"
        case .unknownLoopProperty(let name): "loop has no property \(quotedForDiagnostic(name))"
        case .unknownFilter(let name): "unknown filter \(quotedForDiagnostic(name))"
        case .filterArguments(let filter, let expected): "filter \(filter) takes \(expected)"
        case .invalidIncludePath(let path):
            "include path \(quotedForDiagnostic(path)) must be relative to the template root without \"..\""
        case .missingInclude(let path): "included template \(quotedForDiagnostic(path)) does not exist"
        case .includeCycle(let cycle): "include cycle: \(cycle.joined(separator: " → "))"
        case .unknownTemplate(let path): "no template \(quotedForDiagnostic(path))"
        case .brokenTemplate(let path): "template \(quotedForDiagnostic(path)) has errors and cannot be rendered"
        case .contextNotObject: "the template context must be an object"
        case .unknownVariable(let name, _): "unknown variable \(quotedForDiagnostic(name))"
        case .missingKey(let key, let path, _): "\(path) has no key \(quotedForDiagnostic(key))"
        case .notAnObject(let path, let kind): "\(path) is \(kind), not an object"
        case .notIterable(let path, let kind): "for needs an array, but \(path) is \(kind)"
        case .printsNull(let path): "\(path) is null and cannot be printed"
        case .printsCollection(let path, let kind): "\(path) is \(kind) and cannot be printed as it is"
        case .needsEscapingFilter(let path):
            "\(path) is a string printed in a text template: choose an escaping filter or raw"
        case .filterInput(let filter, let expected, let found): "filter \(filter) needs \(expected), not \(found)"
        case .shellNUL(let path): "\(path) contains a NUL character, which a shell word cannot hold"
        }
    }

    var hint: String? {
        switch self {
        case .unknownVariable(_, let available), .missingKey(_, _, let available):
            available.isEmpty
                ? nil
                : "available: " + available.prefix(20).joined(separator: ", ") + (available.count > 20 ? ", …" : "")
        case .unknownFilter:
            "filters: raw, json, json_compact, yaml, hcl, shell, markdown, markdown_code, fenced, indent, join, length"
        case .printsNull: "test it with if, or print it with json"
        case .printsCollection: "use the json, yaml or hcl filter"
        default: nil
        }
    }
}

extension JSONValue {
    /// "a string", "an array", ...: how diagnostics name the kind of a value.
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
