/// A value a template can print, test or iterate over: JSON-shaped, with ordered object keys.
///
/// The policy model converts to this type, and the JSON writer encodes it, so the IAM JSON
/// files and every policy embedded in another format come from one tree.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number that is not an `Int` (`3600.5`, `1e3`), kept as its JSON text. Only values read
    /// from a spec carry one (diagnostics show the offending value exactly as written).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// An object whose keys keep the order they were given in.
    case object([Member])

    /// One key of an object with its value.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value stored under `key` when this is an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// True for arrays and objects.
    public var isCollection: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }

    /// True for arrays and objects with at least one element: the values the writers lay out
    /// over several lines.
    var isNonEmptyCollection: Bool {
        switch self {
        case .array(let elements): !elements.isEmpty
        case .object(let members): !members.isEmpty
        default: false
        }
    }

    /// Truthiness for `if`: false, null, 0, "" and empty collections are false.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .int(let value): value != 0
        case .number(let text): text.contains { $0 != "0" && $0 != "." && $0 != "-" && $0 != "+" && $0 != "e" && $0 != "E" }
        case .string(let value): !value.isEmpty
        case .array(let values): !values.isEmpty
        case .object(let members): !members.isEmpty
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// Builds an object; the literal's order is kept.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        // A loop rather than `map`: literals are built by the thousand, and a debug build runs
        // `map` through its unspecialised generic code.
        var members: [Member] = []
        members.reserveCapacity(elements.count)
        var index = 0
        while index < elements.count {
            members.append(Member(elements[index].0, elements[index].1))
            index += 1
        }
        self = .object(members)
    }
}
