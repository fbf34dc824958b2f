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

/// Splits the content of a tag into names, literals and symbols, ended by an `.end` token.
///
/// On a lexical error, returns the tokens before it (ended where it is) and the error, so that
/// the parser still sees which block tag it was.
func tokenizeTag(_ content: String, at start: TemplatePosition) -> (tokens: [TagToken], error: TagError?) {
    let scalars = Array(content.unicodeScalars)
    var tokens: [TagToken] = []
    var index = 0
    func position(_ offset: Int) -> TemplatePosition {
        TemplatePosition(line: start.line, column: start.column + offset)
    }
    do throws(TagError) {
        while index < scalars.count {
            let scalar = scalars[index], begin = index
            if tokens.count == TemplateLimits.tagTokens {
                throw TagError(error: .tagTooLong(limit: TemplateLimits.tagTokens), position: position(begin))
            }
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
    } catch {
        tokens.append(TagToken(kind: .end, position: error.position))
        return (tokens, error)
    }
    tokens.append(TagToken(kind: .end, position: position(scalars.count)))
    return (tokens, nil)
}

private func slice(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
    string(from: scalars[range])
}
