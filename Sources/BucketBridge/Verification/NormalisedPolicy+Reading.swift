extension NormalisedPolicy {
    /// Reads a policy document parsed from a file. Shapes IAM would refuse are diagnostics at
    /// their position; a statement with such a problem is left out of the comparison.
    init?(reading root: JSONNode, locator: PolicyLocator, partition: Partition, diagnostics: inout Diagnostics) {
        var reader = PolicyReader(locator: locator, partition: partition)
        guard case .object(let members) = root.value else {
            reader.error(root, VerificationMessage.notAPolicy(root.typeName))
            diagnostics.append(contentsOf: reader.diagnostics)
            return nil
        }
        var statements: [NormalisedStatement] = []
        for member in members where !["Version", "Id", "Statement"].contains(member.key) {
            reader.error(root, VerificationMessage.unknownPolicyElement, key: member)
        }
        if let statement = root["Statement"] {
            let nodes: [JSONNode]
            switch statement.value {
            case .array(let elements): nodes = elements
            case .object: nodes = [statement]
            default:
                nodes = []
                reader.error(statement, Message.mustBe("a statement object or a list of them"))
            }
            statements = nodes.compactMap { reader.statement($0) }
        } else {
            reader.error(root, VerificationMessage.noStatement)
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        self.init(statements: statements, origin: locator.origin(of: root["Statement"] ?? root))
    }
}

/// Reads statements, collecting diagnostics; a statement with a problem reads as `nil`.
private struct PolicyReader {
    let locator: PolicyLocator
    let partition: Partition
    var diagnostics = Diagnostics()
    private var failed = false

    init(locator: PolicyLocator, partition: Partition) {
        self.locator = locator
        self.partition = partition
    }

    mutating func error(_ node: JSONNode, _ message: Message, key member: JSONNode.Member? = nil) {
        let origin = member.map { locator.origin(ofKey: $0, in: node) } ?? locator.origin(of: node)
        let value = member.map { JSONValue.string($0.key) } ?? node.jsonValue
        diagnostics.error(at: origin.location, path: origin.path, value: value, message)
        failed = true
    }

    mutating func statement(_ node: JSONNode) -> NormalisedStatement? {
        failed = false
        guard case .object(let members) = node.value else {
            error(node, Message.mustBe("a statement object"))
            return nil
        }
        let known = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]
        for member in members where !known.contains(member.key) {
            error(node, VerificationMessage.unknownStatementElement, key: member)
        }
        let effect = effectOf(node)
        let principals = pair(node, "Principal", "NotPrincipal", required: false) { $0.principal($1) }
        let actions = pair(node, "Action", "NotAction", required: true) { $0.strings($1) }
        let resources = pair(node, "Resource", "NotResource", required: false) { $0.strings($1) }
        let conditions = node["Condition"].map { conditionsOf($0) } ?? []
        guard !failed, let effect, let actions else { return nil }
        let sid: String? = if case .string(let text)? = node["Sid"]?.value { text } else { nil }
        return NormalisedStatement(
            sid: sid, effect: effect, principals: principals, actions: actions, resources: resources,
            conditions: conditions, origin: locator.origin(of: node))
    }

    private mutating func effectOf(_ node: JSONNode) -> PolicyStatement.Effect? {
        guard let effectNode = node["Effect"] else {
            error(node, VerificationMessage.missingElement("Effect"))
            return nil
        }
        guard case .string(let text) = effectNode.value, let effect = PolicyStatement.Effect(rawValue: text) else {
            error(effectNode, Message.notOneOf("\"Allow\" or \"Deny\""))
            return nil
        }
        return effect
    }

    /// An element that may be written in its plain or its `Not` form, but not both.
    private mutating func pair(
        _ node: JSONNode, _ plain: String, _ negated: String, required: Bool,
        read: (inout PolicyReader, JSONNode) -> [PolicyText]?
    ) -> PolicyElement? {
        switch (node[plain], node[negated]) {
        case (let element?, nil), (nil, let element?):
            guard let values = read(&self, element) else { return nil }
            return PolicyElement(negated: node[negated] != nil, values: values, origin: locator.origin(of: element))
        case (_?, let second?):
            error(second, VerificationMessage.bothForms(plain, negated))
        case (nil, nil):
            if required { error(node, VerificationMessage.missingElement("\(plain) or \(negated)")) }
        }
        return nil
    }

    /// A string or a list of strings; other JSON is a diagnostic.
    mutating func strings(_ node: JSONNode, scalars: Bool = false) -> [PolicyText]? {
        let elements: [JSONNode]
        switch node.value {
        case .array(let list): elements = list
        default: elements = [node]
        }
        var texts: [PolicyText] = []
        for element in elements {
            guard let text = scalarText(element), scalars || element.isString else {
                error(element, Message.mustBe("a string or a list of strings"))
                return nil
            }
            texts.append(PolicyText(text, origin: locator.origin(of: element)))
        }
        return texts
    }

    /// `"*"`, or an object of principal types (`AWS`, `Service`, ...) to strings, normalised.
    mutating func principal(_ node: JSONNode) -> [PolicyText]? {
        if case .string(let text) = node.value {
            guard text == PolicyPrincipals.everyone else {
                error(node, VerificationMessage.principalForm)
                return nil
            }
            return [PolicyText(text, origin: locator.origin(of: node))]
        }
        guard case .object(let members) = node.value else {
            error(node, VerificationMessage.principalForm)
            return nil
        }
        var texts: [PolicyText] = []
        for member in members {
            guard let values = strings(member.node) else { return nil }
            texts += values.map { value in
                let normal = member.key == "AWS"
                    ? PolicyPrincipals.normalise(aws: value.text, partition: partition)
                    : PolicyPrincipals.normalise(type: member.key, value.text)
                return PolicyText(normal, written: value.text, origin: value.origin)
            }
        }
        return texts
    }

    /// `{"Operator": {"key": value or [values]}}`.
    private mutating func conditionsOf(_ node: JSONNode) -> [NormalisedCondition] {
        guard case .object(let operators) = node.value else {
            error(node, Message.mustBe("an object of condition operators"))
            return []
        }
        var conditions: [NormalisedCondition] = []
        for entry in operators {
            guard case .object(let keys) = entry.node.value else {
                error(entry.node, Message.mustBe("an object of condition keys"))
                continue
            }
            for key in keys {
                guard let values = strings(key.node, scalars: true) else { continue }
                conditions.append(NormalisedCondition(entry.key, key.key, values, origin: locator.origin(of: key.node)))
            }
        }
        return conditions
    }

    /// Strings as themselves (condition values may also be booleans and numbers); booleans and numbers as their JSON text (IAM accepts `true`).
    private func scalarText(_ node: JSONNode) -> String? {
        switch node.value {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text): text
        default: nil
        }
    }
}

extension JSONNode {
    fileprivate var isString: Bool {
        if case .string = value { true } else { false }
    }
}
