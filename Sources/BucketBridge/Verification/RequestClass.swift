/// A class of requests, described by patterns: who asks, for which action, on which
/// resource, with which condition-key values. Comparing policies by meaning means asking
/// whether a statement applies to all, some or none of the requests of such a class.
struct RequestClass: Sendable {
    /// Who makes the requests.
    enum Caller: Sendable, Hashable {
        /// No principal is involved: the document is an identity policy (permissions).
        case identity
        /// This principal (normal form, see `PolicyPrincipals`).
        case principal(String)
        /// Any principal at all.
        case anyone
        /// A principal bucketbridge cannot name (a role whose account id the spec leaves out).
        case unknown
    }

    var caller: Caller
    /// An action pattern, normally one action (`s3:GetObject`).
    var action: String
    /// A resource pattern; `nil` for `sts:AssumeRole` on a trust policy, which has no resource.
    var resource: String?
    var context: RequestContext
}

/// The condition-key values of a class of requests. A key that is not listed is one
/// bucketbridge cannot know offline (`aws:SourceIp`): conditions on it are `unknown`.
struct RequestContext: Sendable {
    /// What a request of the class carries for one key.
    enum Value: Sendable, Hashable {
        /// The key is not in the request.
        case absent
        /// The key is present, with a value matching one of these patterns.
        case present([String])
        /// Either: the key may be missing or hold anything.
        case anyOrAbsent
    }

    private(set) var values: [String: Value] = [:]

    subscript(key: String) -> Value? {
        get { values[key.lowercased()] }
        set { values[key.lowercased()] = newValue }
    }
}

/// How much of a class of requests a statement, or one part of it, applies to.
enum Coverage: Sendable, Hashable {
    case none
    case some
    case all
    /// It depends on condition keys whose values bucketbridge cannot know.
    case unknown(Set<String>)

    /// Both must apply: `none` wins, then `unknown`, then `some`.
    static func && (lhs: Coverage, rhs: Coverage) -> Coverage {
        switch (lhs, rhs) {
        case (.none, _), (_, .none): .none
        case (.unknown(let left), .unknown(let right)): .unknown(left.union(right))
        case (.unknown, _): lhs
        case (_, .unknown): rhs
        case (.some, _), (_, .some): .some
        default: .all
        }
    }

    /// The coverage of the complement: what the `Not` form of an element applies to.
    var negated: Coverage {
        switch self {
        case .none: .all
        case .all: .none
        case .some, .unknown: self
        }
    }

    /// Either of two cases of one class: equal ones stay, different ones make `some`.
    func merged(with other: Coverage) -> Coverage {
        switch (self, other) {
        case (.unknown, _): self
        case (_, .unknown): other
        default: self == other ? self : .some
        }
    }

    /// A yes/no answer lifted: `all` or `none`.
    static func whether(_ flag: Bool) -> Coverage { flag ? .all : .none }
}

extension WildcardPatterns {
    /// How much of the texts `pattern` matches is matched by `patterns`.
    static func coverage(of pattern: String, by patterns: [String], ignoringCase: Bool = false) -> Coverage {
        if isContained(pattern, in: patterns, ignoringCase: ignoringCase) { return .all }
        return overlaps(pattern, patterns, ignoringCase: ignoringCase) ? .some : .none
    }
}
