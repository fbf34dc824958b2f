/// Reads JSON text into `JSONNode`s that keep each value's position and path.
///
/// Foundation's `JSONSerialization` gives no positions and `JSONDecoder` silently accepts
/// duplicate keys; this reader reports both a syntax error's position and every duplicate key.
/// A syntax error stops the file (nothing after it can be trusted); duplicate keys do not.
public func parseJSON(_ file: SourceFile, diagnostics: inout Diagnostics) -> JSONNode? {
    var parser = JSONParser(file: file)
    do throws(JSONSyntaxError) {
        parser.skipWhitespace()
        let root = try parser.parseValue(path: .root, depth: 0)
        parser.skipWhitespace()
        if parser.index < parser.bytes.count {
            throw JSONSyntaxError(
                offset: parser.index,
                message: "unexpected \(parser.describeByte(at: parser.index)) after the end of the JSON value: a spec holds one object")
        }
        diagnostics.append(contentsOf: parser.diagnostics)
        return root
    } catch {
        diagnostics.append(contentsOf: parser.diagnostics)
        diagnostics.error(
            at: file.location(ofOffset: error.offset), Message.invalidJSON(error.message),
            hint: looksLikeYAML(file) ? Message.looksLikeYAML : nil)
        return nil
    }
}

/// A JSON syntax error at a byte offset.
struct JSONSyntaxError: Error {
    var offset: Int
    var message: String
}

/// The recursive-descent reader behind `parseJSON`.
struct JSONParser {
    let file: SourceFile
    let bytes: [UInt8]
    var index = 0
    var diagnostics = Diagnostics()
    /// Deeper nesting than this is refused rather than risking the stack.
    static let maximumDepth = 256

    init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
        // A UTF-8 byte order mark is allowed and skipped.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    func fail(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? index, message: message)
    }

    mutating func parseValue(path: FieldPath, depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard index < bytes.count else { throw fail("unexpected end of file, expected a value") }
        let start = index
        func node(_ value: JSONNode.Value) -> JSONNode {
            JSONNode(value: value, offset: start, path: path, file: file)
        }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            guard depth < Self.maximumDepth else { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
            return node(.object(try parseObject(path: path, depth: depth)))
        case UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
            return node(.array(try parseArray(path: path, depth: depth)))
        case UInt8(ascii: "\""):
            return node(.string(try parseString()))
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return node(.bool(true))
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return node(.bool(false))
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return node(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return node(.number(try parseNumber()))
        default:
            throw unexpectedToken(expected: "a value")
        }
    }

    mutating func parseObject(path: FieldPath, depth: Int) throws(JSONSyntaxError) -> [JSONNode.Member] {
        index += 1
        var members: [JSONNode.Member] = []
        var firstOffsets: [String: Int] = [:]
        var lastComma: Int?
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return members
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                if index < bytes.count, bytes[index] == UInt8(ascii: "}"), let comma = members.isEmpty ? nil : lastComma {
                    throw fail(JSONSyntaxMessage.trailingCommaInObject, at: comma)
                }
                if index < bytes.count, isWordStart(bytes[index]) { throw fail(JSONSyntaxMessage.unquotedKey) }
                throw index < bytes.count ? unexpectedToken(expected: "a quoted key") : fail("unexpected end of file inside an object")
            }
            let keyOffset = index
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw fail("expected \":\" after the key \(quotedForDiagnostic(key))")
            }
            index += 1
            skipWhitespace()
            let child = try parseValue(path: path.appending(key), depth: depth + 1)
            if let first = firstOffsets[key] {
                let firstLocation = file.location(ofOffset: first)
                diagnostics.error(
                    at: file.location(ofOffset: keyOffset), path: path.appending(key), Message.duplicateKey(firstLocation))
            } else {
                firstOffsets[key] = keyOffset
            }
            members.append(JSONNode.Member(key: key, keyOffset: keyOffset, node: child))
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of file inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                lastComma = index
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return members
            }
            if bytes[index] == UInt8(ascii: "\"") { throw fail(JSONSyntaxMessage.missingComma(between: "object members")) }
            throw unexpectedToken(expected: "\",\" or \"}\"")
        }
    }

    mutating func parseArray(path: FieldPath, depth: Int) throws(JSONSyntaxError) -> [JSONNode] {
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        var lastComma: Int?
        while true {
            skipWhitespace()
            if let comma = lastComma, index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                throw fail(JSONSyntaxMessage.trailingCommaInArray, at: comma)
            }
            elements.append(try parseValue(path: path.appending(index: elements.count), depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of file inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                lastComma = index
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return elements
            }
            if startsValue(bytes[index]) { throw fail(JSONSyntaxMessage.missingComma(between: "array elements")) }
            throw unexpectedToken(expected: "\",\" or \"]\"")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let start = index
        let count = literal.utf8CodeUnitCount
        let matches = index + count <= bytes.count && literal.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[start + $0] == expected[$0] }
        }
        guard matches else { throw unexpectedToken(expected: "a value") }
        index += count
    }
}
