/// An IAM policy document: version 2012-10-17 and its statements.
public struct PolicyDocument: Sendable, Hashable {
    /// The policy language version every bucketbridge policy uses.
    public static let version = "2012-10-17"
    /// The statements, in a fixed order.
    public var statements: [PolicyStatement]

    /// Creates a document from its statements.
    public init(statements: [PolicyStatement]) {
        self.statements = statements
    }
}

/// One statement of a policy.
public struct PolicyStatement: Sendable, Hashable {
    /// Allow or deny.
    public enum Effect: String, Sendable {
        case allow = "Allow"
        case deny = "Deny"
    }

    /// Who the statement applies to (resource and trust policies only).
    public enum Principal: Sendable, Hashable {
        /// `{"AWS": [...]}`: the listed ARNs.
        case aws([String])
        /// `"*"`: everyone. Used only by the deny-without-TLS statement.
        case everyone
    }

    /// A stable statement id, so the statement can be merged into an existing policy.
    public var sid: String
    public var effect: Effect
    public var principal: Principal?
    public var actions: [String]
    public var resources: [String]
    /// Conditions in order; each is one operator, key and list of values.
    public var conditions: [PolicyCondition]

    /// Creates a statement.
    public init(
        sid: String, effect: Effect = .allow, principal: Principal? = nil, actions: [String],
        resources: [String] = [], conditions: [PolicyCondition] = []
    ) {
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.actions = actions
        self.resources = resources
        self.conditions = conditions
    }
}

/// One condition: `{"StringEquals": {"sts:ExternalId": "..."}}`.
public struct PolicyCondition: Sendable, Hashable {
    public var `operator`: String
    public var key: String
    public var values: [String]

    /// Creates a condition.
    public init(_ operator: String, _ key: String, _ values: [String]) {
        self.operator = `operator`
        self.key = key
        self.values = values
    }
}

extension PolicyDocument {
    /// The document as an ordered JSON value in IAM's conventional key order (Version,
    /// Statement; Sid, Effect, Principal, Action, Resource, Condition). A list of one element
    /// is written as a single string, as AWS's own examples do.
    public var jsonValue: JSONValue {
        var values: [JSONValue] = []
        values.reserveCapacity(statements.count)
        // Indices rather than an iterator, which would copy each statement.
        var index = 0
        while index < statements.count {
            values.append(statements[index].jsonValue)
            index += 1
        }
        return .object([JSONValue.Member("Version", .string(Self.version)), JSONValue.Member("Statement", .array(values))])
    }
}

extension PolicyStatement {
    /// The statement as an ordered JSON value.
    public var jsonValue: JSONValue {
        var members: [JSONValue.Member] = []
        members.reserveCapacity(6)
        members.append(.init("Sid", .string(sid)))
        members.append(.init("Effect", .string(effect.rawValue)))
        switch principal {
        case .aws(let arns)?: members.append(.init("Principal", .object([JSONValue.Member("AWS", stringOrList(arns))])))
        case .everyone?: members.append(.init("Principal", "*"))
        case nil: break
        }
        members.append(.init("Action", stringOrList(actions)))
        if !resources.isEmpty { members.append(.init("Resource", stringOrList(resources))) }
        if !conditions.isEmpty {
            var operators: [JSONValue.Member] = []
            for condition in conditions {
                let entry = JSONValue.Member(condition.key, stringOrList(condition.values))
                if let index = operators.firstIndex(where: { $0.key == condition.operator }),
                    case .object(let keys) = operators[index].value
                {
                    operators[index].value = .object(keys + [entry])
                } else {
                    operators.append(.init(condition.operator, .object([entry])))
                }
            }
            members.append(.init("Condition", .object(operators)))
        }
        return .object(members)
    }
}

/// One string as itself, several as a list.
private func stringOrList(_ values: [String]) -> JSONValue {
    values.count == 1 ? .string(values[0]) : .array(values.map(JSONValue.string))
}

extension PolicyDocument {
    /// The size IAM's and S3's quotas count: the compact JSON text, in bytes.
    public var size: Int { encodeCompactJSON(jsonValue).utf8.count }
}
