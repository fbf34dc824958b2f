/// A JSON value read from a spec file, with where it was written.
///
/// Every node knows its byte offset in the file and its field path from the document root, so a
/// value merged from `defaults` into a destination still reports its own position and path.
public struct JSONNode: Sendable {
    /// The value and, for containers, the child nodes.
    public indirect enum Value: Sendable {
        case null
        case bool(Bool)
        /// A number, kept as its source text so that `3600` and `3600.0` can be told apart.
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([Member])
    }

    /// One member of an object, with the position of its key.
    public struct Member: Sendable {
        public var key: String
        public var keyOffset: Int
        public var node: JSONNode
    }

    /// The value.
    public var value: Value
    /// Byte offset of the value's first character.
    public var offset: Int
    /// The field path of this value in its own document.
    public var path: FieldPath
    /// The file the node was read from.
    public var file: SourceFile

    /// The node stored under `key`, when this node is an object.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.last { $0.key == key }?.node
    }

    /// The position of this value.
    public var location: SourceLocation { file.location(ofOffset: offset) }

    /// A short name of the value's JSON type, for messages.
    public var typeName: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value as a `JSONValue` (positions dropped): what diagnostics carry as the offending
    /// value. Numbers that fit an `Int` become `.int`, others keep their text.
    public var jsonValue: JSONValue {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let text): Int(text).map(JSONValue.int) ?? .number(text)
        case .string(let text): .string(text)
        case .array(let elements): .array(elements.map(\.jsonValue))
        case .object(let members): .object(members.map { JSONValue.Member($0.key, $0.node.jsonValue) })
        }
    }
}
