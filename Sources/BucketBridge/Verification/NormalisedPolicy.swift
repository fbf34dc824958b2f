/// Where a value of a policy document was written: its position and its path in the file.
public struct PolicyOrigin: Sendable, Hashable {
    /// Line and column in the file the user gave.
    public var location: SourceLocation
    /// The value's path in that file, e.g. `Statement[0].Condition.StringEquals["sts:ExternalId"]`.
    public var path: FieldPath

    /// Creates an origin.
    public init(location: SourceLocation, path: FieldPath) {
        self.location = location
        self.path = path
    }
}

/// One string of a policy document, with its origin when it was read from a file.
public struct PolicyText: Sendable, Hashable {
    /// The text compared: as written, except principals, which are in their normal form
    /// (see `PolicyPrincipals`).
    public var text: String
    /// The text as the document writes it, for reports.
    public var written: String
    /// Where it was written; `nil` for documents bucketbridge built itself.
    public var origin: PolicyOrigin?

    /// Creates a text; `written` defaults to `text`.
    public init(_ text: String, written: String? = nil, origin: PolicyOrigin? = nil) {
        self.text = text
        self.written = written ?? text
        self.origin = origin
    }
}

/// A list element of a statement (`Principal`, `Action`, `Resource`, or their `Not` forms),
/// after normalisation: a single string is a list of one.
public struct PolicyElement: Sendable, Hashable {
    /// True for `NotPrincipal`, `NotAction`, `NotResource`: the statement applies to
    /// everything *except* the values.
    public var negated: Bool
    /// The values.
    public var values: [PolicyText]
    /// Where the element was written.
    public var origin: PolicyOrigin?

    /// Creates an element.
    public init(negated: Bool = false, values: [PolicyText], origin: PolicyOrigin? = nil) {
        self.negated = negated
        self.values = values
        self.origin = origin
    }
}

/// One condition: an operator, a key and its values (`"StringEquals": {"sts:ExternalId": "x"}`).
public struct NormalisedCondition: Sendable, Hashable {
    /// The operator as written, e.g. `StringLikeIfExists` or `ForAnyValue:StringEquals`.
    public var `operator`: String
    /// The condition key as written; keys are compared without regard to case.
    public var key: String
    /// The values, in order; booleans and numbers as their JSON text.
    public var values: [PolicyText]
    /// Where the key's values were written.
    public var origin: PolicyOrigin?

    /// Creates a condition.
    public init(_ operator: String, _ key: String, _ values: [PolicyText], origin: PolicyOrigin? = nil) {
        self.operator = `operator`
        self.key = key
        self.values = values
        self.origin = origin
    }

    /// The key in lower case, as IAM compares it.
    var normalisedKey: String { key.lowercased() }
}

/// A statement reduced to what it means: order, `Sid`s and single-string lists no longer matter.
public struct NormalisedStatement: Sendable, Hashable {
    /// The statement's `Sid`, when it has one (reported, never compared).
    public var sid: String?
    /// Allow or deny.
    public var effect: PolicyStatement.Effect
    /// `Principal`/`NotPrincipal`; `nil` in identity policies, which have none.
    public var principals: PolicyElement?
    /// `Action`/`NotAction`.
    public var actions: PolicyElement
    /// `Resource`/`NotResource`; `nil` in trust policies, which have none.
    public var resources: PolicyElement?
    /// Every condition; all must hold.
    public var conditions: [NormalisedCondition]
    /// Where the statement was written.
    public var origin: PolicyOrigin?
}

/// A policy document reduced to its statements' meaning.
public struct NormalisedPolicy: Sendable, Hashable {
    /// The statements, in document order (order carries no meaning; it only orders reports).
    public var statements: [NormalisedStatement]
    /// Where the document's `Statement` element (or the document itself) was written.
    public var origin: PolicyOrigin?

    /// Creates a normalised policy.
    public init(statements: [NormalisedStatement], origin: PolicyOrigin? = nil) {
        self.statements = statements
        self.origin = origin
    }

    /// A document bucketbridge built, in the same normal form as the ones read from files.
    public init(_ document: PolicyDocument, partition: Partition) {
        statements = document.statements.map { statement in
            let principals: PolicyElement? =
                switch statement.principal {
                case .aws(let arns)?: PolicyElement(values: arns.map { PolicyText(PolicyPrincipals.normalise(aws: $0, partition: partition)) })
                case .everyone?: PolicyElement(values: [PolicyText(PolicyPrincipals.everyone)])
                case nil: nil
                }
            return NormalisedStatement(
                sid: statement.sid, effect: statement.effect, principals: principals,
                actions: PolicyElement(values: statement.actions.map { PolicyText($0) }),
                resources: statement.resources.isEmpty ? nil : PolicyElement(values: statement.resources.map { PolicyText($0) }),
                conditions: statement.conditions.map { NormalisedCondition($0.operator, $0.key, $0.values.map { PolicyText($0) }) })
        }
        origin = nil
    }

    /// The statements that allow.
    var allows: [NormalisedStatement] { statements.filter { $0.effect == .allow } }
    /// The statements that deny.
    var denies: [NormalisedStatement] { statements.filter { $0.effect == .deny } }
}
