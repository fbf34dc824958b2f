/// One field of the spec file: the single source of its name, where it may appear, whether it
/// is required, what it means, its JSON Schema and examples. Unknown-field checks, "did you
/// mean" hints, `bucketbridge schema` and the spec reference (`bucketbridge schema
/// --markdown`, committed as docs/spec-reference.md) all read `SpecFields.all`, so they
/// cannot disagree.
///
/// To add a field: append one `SpecField` to `SpecFields.all` (then validate it in
/// Validation/ and regenerate docs/spec-reference.md; a test says when it is stale). A field
/// holding a new object (`onboarding`, `user`) names a new `SpecObject` case as `nested`,
/// and its own fields list that case as `object`.
public struct SpecField: Sendable {
    /// The key: `bucket`.
    public var name: String
    /// The object the key belongs to.
    public var object: SpecObject
    /// When it must be given: nil when optional, else a phrase (`yes`, `for role grants`).
    public var required: String?
    /// What it means, for the schema's `description` and the reference's table.
    public var description: String
    /// Its JSON Schema (without `description` and `examples`, which are added from here).
    public var schema: JSONValue
    /// Typical values, for the schema's `examples` and the reference.
    public var examples: [JSONValue]
    /// For a field holding an object of its own (`role`): which one.
    public var nested: SpecObject?

    init(
        _ name: String, in object: SpecObject, required: String? = nil, _ description: String, schema: JSONValue,
        examples: [JSONValue] = [], nested: SpecObject? = nil
    ) {
        self.name = name
        self.object = object
        self.required = required
        self.description = description
        self.schema = schema
        self.examples = examples
        self.nested = nested
    }
}

/// The objects of a spec file that hold fields; the raw value names the schema's `$defs` entry.
public enum SpecObject: String, Sendable, CaseIterable {
    /// The top level of the file.
    case document
    /// A destination, and `defaults`.
    case destination = "destinationFields"
    /// A destination's `role`.
    case role
    /// A destination's `onboarding`: what the customer's README says beyond the policies.
    case onboarding
    /// A destination's `user`: the IAM user of a `user` grant.
    case user

    /// The heading of the object's section in the spec reference.
    var title: String {
        switch self {
        case .document: "Top level"
        case .destination: "Destination fields (also allowed in `defaults`)"
        case .role: "`role`: the customer's IAM role"
        case .onboarding: "`onboarding`: the vendor's onboarding story in the customer's README"
        case .user: "`user`: the customer's IAM user (grant `user`)"
        }
    }
}

/// The fields a spec file may hold.
public enum SpecFields {
    /// The keys of `object`, in table order.
    public static func names(in object: SpecObject) -> [String] {
        all.filter { $0.object == object }.map(\.name)
    }

    /// The field `name` of `object`.
    public static func field(_ name: String, in object: SpecObject) -> SpecField? {
        all.first { $0.object == object && $0.name == name }
    }

    /// Top-level keys of a spec file.
    public static var document: [String] { names(in: .document) }
    /// Keys of a destination (and of `defaults`).
    public static var destination: [String] { names(in: .destination) }
    /// Keys of a destination's `role` object.
    public static var role: [String] { names(in: .role) }

    /// Every field, by object, in the order the reference lists them.
    public static let all: [SpecField] = documentFields + destinationFields + roleFields + userFields + onboardingFields
}
