/// Reads JSON text into `JSONNode`s that keep each value's position and path.
///
/// Foundation's `JSONSerialization` gives no positions and `JSONDecoder` silently accepts
/// duplicate keys; this reader reports both a syntax error's position and every duplicate key.
/// A syntax error stops the file (nothing after it can be trusted); duplicate keys do not.
public func parseJSON(_ file: SourceFile, diagnostics: inout Diagnostics) -> JSONNode? {
    var parser = JSONParser(file: file)
    return parser.parseDocument(diagnostics: &diagnostics)
}

/// A JSON document read with the elements of one array of its root object left in the file:
/// the array's node has no elements, and `skimmedOffsets` says where each one starts.
///
/// The skipped elements are read in full for their syntax (a syntax error in one is reported
/// exactly as `parseJSON` reports it), then dropped, so a spec of 100,000 destinations never
/// holds all of their trees at once. `parseJSONElement` reads one of them again.
struct SkimmedJSON: Sendable {
    /// The document, with the skimmed array empty.
    var root: JSONNode
    /// The byte offset of each element of the skimmed array, in order.
    var skimmedOffsets: [Int]
}

/// Reads `file` like `parseJSON`, skimming the elements of the array stored under `key` in the
/// root object (the last one, when the key is repeated). Duplicate keys inside the skimmed
/// elements are reported by `parseJSONElement`, not here.
func parseJSON(_ file: SourceFile, skimmingElementsOf key: String, diagnostics: inout Diagnostics) -> SkimmedJSON? {
    var parser = JSONParser(file: file)
    parser.skimmedKey = key
    guard let root = parser.parseDocument(diagnostics: &diagnostics) else { return nil }
    return SkimmedJSON(root: root, skimmedOffsets: parser.skimmedOffsets)
}

/// Reads the element of a skimmed array that starts at `offset` (one of `skimmedOffsets`),
/// with its field path `path`, appending its duplicate-key errors to `diagnostics`.
func parseJSONElement(in file: SourceFile, at offset: Int, path: FieldPath, diagnostics: inout Diagnostics) -> JSONNode? {
    var parser = JSONParser(file: file)
    parser.index = offset
    do throws(JSONSyntaxError) {
        // The root object is at depth 0, the skimmed array at 1, its elements at 2.
        let node = try parser.parseValue(path: path, depth: 2)
        diagnostics.append(contentsOf: parser.diagnostics)
        return node
    } catch {
        // Not reached for an offset `parseJSON(_:skimmingElementsOf:diagnostics:)` gave: it read the element already.
        diagnostics.append(contentsOf: parser.diagnostics)
        diagnostics.error(at: file.location(ofOffset: error.offset), Message.invalidJSON(error.message))
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
    /// The root object's key whose array elements are skimmed (see `SkimmedJSON`), if any.
    var skimmedKey: String?
    /// Where each skimmed element starts.
    var skimmedOffsets: [Int] = []
    /// Deeper nesting than this is refused rather than risking the stack.
    static let maximumDepth = 256

    init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
        // A UTF-8 byte order mark is allowed and skipped.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// The whole document: one value and nothing after it but whitespace. A syntax error is
    /// reported (with a hint when the file looks like YAML) and gives nil.
    mutating func parseDocument(diagnostics: inout Diagnostics) -> JSONNode? {
        do throws(JSONSyntaxError) {
            skipWhitespace()
            let root = try parseValue(path: .root, depth: 0)
            skipWhitespace()
            if index < bytes.count {
                throw JSONSyntaxError(
                    offset: index,
                    message: "unexpected \(describeByte(at: index)) after the end of the JSON value: a spec holds one object")
            }
            diagnostics.append(contentsOf: self.diagnostics)
            return root
        } catch {
            diagnostics.append(contentsOf: self.diagnostics)
            diagnostics.error(
                at: file.location(ofOffset: error.offset), Message.invalidJSON(error.message),
                hint: looksLikeYAML(file) ? Message.looksLikeYAML : nil)
            return nil
        }
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

    /// Up to this many members, an object's keys are scanned for duplicates rather than hashed.
    private static let keyScanLimit = 24

    mutating func parseObject(path: FieldPath, depth: Int) throws(JSONSyntaxError) -> [JSONNode.Member] {
        index += 1
        var members: [JSONNode.Member] = []
        // Where each key was first written, for duplicate keys: found by scanning `members` while
        // they are few (cheaper than hashing every key), from a dictionary once they are many.
        var firstOffsets: [String: Int]?
        var lastComma: Int?
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return members
        }
        // Room for a destination's usual fields: growing one member at a time allocated four
        // times for most objects.
        members.reserveCapacity(8)
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
            let child: JSONNode
            if depth == 0, key == skimmedKey, index < bytes.count, bytes[index] == UInt8(ascii: "[") {
                let start = index
                child = JSONNode(value: .array(try parseArray(path: path.appending(key), depth: depth + 1, skim: true)),
                    offset: start, path: path.appending(key), file: file)
            } else {
                child = try parseValue(path: path.appending(key), depth: depth + 1)
            }
            if let first = Self.firstOffset(of: key, in: members, offsets: firstOffsets) {
                let firstLocation = file.location(ofOffset: first)
                diagnostics.error(
                    at: file.location(ofOffset: keyOffset), path: path.appending(key), Message.duplicateKey(firstLocation))
            } else if firstOffsets != nil {
                firstOffsets?[key] = keyOffset
            }
            members.append(JSONNode.Member(key: key, keyOffset: keyOffset, node: child))
            if firstOffsets == nil, members.count > Self.keyScanLimit {
                var offsets: [String: Int] = [:]
                for member in members where offsets[member.key] == nil { offsets[member.key] = member.keyOffset }
                firstOffsets = offsets
            }
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

    /// Where `key` was first written among `members`, from `offsets` once there are many. (Not a
    /// local function: locals it captured would live in boxes, every access checked at run time.)
    private static func firstOffset(of key: String, in members: [JSONNode.Member], offsets: [String: Int]?) -> Int? {
        if let offsets { return offsets[key] }
        // By index: a closure over the members would copy (and retain) each one it looks at.
        return members.indices.first { members[$0].key == key }.map { members[$0].keyOffset }
    }

    /// The elements of an array; with `skim`, none: each is read and dropped, and its offset
    /// recorded in `skimmedOffsets` (which starts again, for a repeated key).
    mutating func parseArray(path: FieldPath, depth: Int, skim: Bool = false) throws(JSONSyntaxError) -> [JSONNode] {
        index += 1
        var elements: [JSONNode] = []
        var count = 0
        if skim { skimmedOffsets = [] }
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
            if skim {
                skimmedOffsets.append(index)
                if !skipWellFormedValue(depth: depth + 1) {
                    let before = diagnostics
                    _ = try parseValue(path: path.appending(index: count), depth: depth + 1)
                    diagnostics = before
                }
            } else {
                elements.append(try parseValue(path: path.appending(index: count), depth: depth + 1))
            }
            count += 1
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
