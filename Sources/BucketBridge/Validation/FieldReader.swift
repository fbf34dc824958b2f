/// Typed access to a destination's merged fields, reporting wrong types as it reads.
struct FieldReader {
    /// The destination object (missing fields are reported at its position).
    let owner: JSONNode
    /// The merged fields.
    let fields: MergedObject
    var diagnostics = Diagnostics()
    /// The placeholders the spec file declares and the run's `--set` values.
    var placeholders = PlaceholderScope.none
    /// The placeholders read so far that stay placeholders, with the field each stands in.
    var placeholderUses: [(name: String, field: PlaceholderField)] = []

    /// The path of a field of this object.
    func path(_ key: String) -> FieldPath { owner.path.appending(key) }

    /// Takes over what a reader of a nested object found.
    mutating func absorb(_ nested: FieldReader) {
        diagnostics.append(contentsOf: nested.diagnostics)
        placeholderUses += nested.placeholderUses
    }

    /// Reports a problem with a value.
    mutating func report(_ node: JSONNode, _ message: Message, hint: String? = nil) {
        diagnostics.error(at: node.location, path: node.path, value: node.jsonValue, message, hint: hint)
    }

    /// Reports a warning about a value.
    mutating func warn(_ node: JSONNode, _ message: Message, hint: String? = nil) {
        diagnostics.warning(at: node.location, path: node.path, value: node.jsonValue, message, hint: hint)
    }

    /// Warns that an optional field is missing, at the object's position.
    mutating func warnMissing(_ key: String, _ message: Message, hint: String? = nil) {
        diagnostics.warning(at: owner.location, path: path(key), message, hint: hint)
    }

    /// Reports that a required field is missing.
    mutating func reportMissing(_ key: String, because reason: String? = nil) {
        diagnostics.error(at: owner.location, path: path(key), reason.map(Message.required) ?? Message.required)
    }

    /// Reports a value that breaks rules, all reasons in one line: `"x" is not a valid <what>: a; b`.
    mutating func report(
        _ node: JSONNode, invalid what: String, rule: DiagnosticRule, _ problems: [String], hint: String? = nil
    ) {
        guard !problems.isEmpty else { return }
        report(node, Message.notValid(rule, what, problems), hint: hint)
    }

    /// A string field, with its node; reports a value of another type.
    mutating func string(_ key: String) -> (value: String, node: JSONNode)? {
        guard let node = fields[key] else { return nil }
        guard case .string(let text) = node.value else {
            report(node, Message.mustBe("a string"))
            return nil
        }
        return (text, node)
    }

    /// A boolean field; reports a value of another type.
    mutating func bool(_ key: String) -> Bool? {
        guard let node = fields[key] else { return nil }
        guard case .bool(let flag) = node.value else {
            report(node, Message.mustBe("true or false"))
            return nil
        }
        return flag
    }

    /// An integer field, with its node; reports fractions, exponents and other types.
    mutating func integer(_ key: String) -> (value: Int, node: JSONNode)? {
        guard let node = fields[key] else { return nil }
        guard case .number(let text) = node.value, let value = Int(text) else {
            report(node, Message.mustBe("a whole number"))
            return nil
        }
        return (value, node)
    }

    /// An array-of-strings field; reports other types, element by element.
    mutating func strings(_ key: String) -> (values: [(value: String, node: JSONNode)], node: JSONNode)? {
        guard let node = fields[key] else { return nil }
        guard case .array(let elements) = node.value else {
            report(node, Message.mustBe("an array of strings"))
            return nil
        }
        var values: [(String, JSONNode)] = []
        for element in elements {
            if case .string(let text) = element.value {
                values.append((text, element))
            } else {
                report(element, Message.mustBe("a string"))
            }
        }
        return (values, node)
    }

    /// An object field as a reader of its own; reports other types.
    mutating func object(_ key: String) -> FieldReader? {
        guard let node = fields[key] else { return nil }
        guard case .object(let members) = node.value else {
            report(node, Message.mustBe("an object"))
            return nil
        }
        return FieldReader(owner: node, fields: MergedObject(members), placeholders: placeholders)
    }

    /// A field whose value must be one of an enum's raw values.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, as type: Choice.Type) -> Choice?
    where Choice.RawValue == String {
        guard let (text, node) = string(key) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            let names = Choice.allCases.map { quotedForDiagnostic($0.rawValue) }
            report(node, Message.notOneOf(listPhrase(names, conjunction: "or")),
                hint: closestMatch(to: text, in: Choice.allCases.map(\.rawValue)).map(Message.didYouMean))
            return nil
        }
        return choice
    }
}
