/// A condition operator taken apart: `ForAnyValue:StringNotLikeIfExists` is the set
/// qualifier `ForAnyValue`, the base `StringLike`, negated, with `IfExists`.
struct ConditionOperator: Sendable, Hashable {
    enum Family: Sendable, Hashable {
        /// Exact comparison (`StringEquals`, `Bool`); `ignoringCase` for `...IgnoreCase` and `Bool`.
        case equals(ignoringCase: Bool)
        /// Wildcard comparison (`StringLike`, `ArnLike`, `ArnEquals`: ARN operators take wildcards).
        case like
        /// `Null`: whether the key is absent.
        case null
        /// Numbers, dates, IP addresses, binary values: not modelled, so `unknown`.
        case other
    }

    var family: Family
    var negated: Bool
    var ifExists: Bool
    var qualifier: String?

    init(_ text: String) {
        var name = Substring(text)
        qualifier = nil
        for prefix in ["ForAnyValue:", "ForAllValues:"] where name.lowercased().hasPrefix(prefix.lowercased()) {
            qualifier = String(prefix.dropLast())
            name = name.dropFirst(prefix.count)
        }
        ifExists = name.hasSuffix("IfExists")
        if ifExists { name = name.dropLast("IfExists".count) }
        switch name {
        case "StringEquals", "StringNotEquals": family = .equals(ignoringCase: false)
        case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "Bool": family = .equals(ignoringCase: true)
        case "StringLike", "StringNotLike", "ArnLike", "ArnNotLike", "ArnEquals", "ArnNotEquals": family = .like
        case "Null": family = .null
        default: family = .other
        }
        negated = name.contains("Not")
    }

    /// True for operators that only let requests through with a matching value: their values
    /// describe the requests a statement applies to.
    var constrainsValues: Bool {
        !negated && !ifExists && qualifier == nil && family != .null && family != .other
    }
}

extension NormalisedCondition {
    /// How much of a class of requests this condition holds for, following IAM: a key missing
    /// from the request fails the condition, except for negated operators, `...IfExists`,
    /// `ForAllValues` and `Null`.
    func coverage(in context: RequestContext) -> Coverage {
        let parsed = ConditionOperator(`operator`)
        if parsed.family == .other { return .unknown([key]) }
        guard let value = context[key] else { return .unknown([key]) }
        switch value {
        case .absent:
            return whenAbsent(parsed)
        case .present(let patterns):
            return whenPresent(parsed, patterns)
        case .anyOrAbsent:
            return whenAbsent(parsed).merged(with: whenPresent(parsed, ["*"]))
        }
    }

    private func whenAbsent(_ parsed: ConditionOperator) -> Coverage {
        if parsed.family == .null { return .whether(values.contains { $0.text.lowercased() == "true" }) }
        return .whether(parsed.ifExists || parsed.negated || parsed.qualifier == "ForAllValues")
    }

    /// The condition for requests whose value matches one of `patterns`.
    private func whenPresent(_ parsed: ConditionOperator, _ patterns: [String]) -> Coverage {
        let texts = values.map(\.text)
        var result: Coverage?
        for pattern in patterns {
            let coverage: Coverage
            switch parsed.family {
            case .null:
                return .whether(texts.contains { $0.lowercased() == "false" })
            case .equals(let ignoringCase):
                let exact = !WildcardPatterns.hasWildcard(pattern)
                    && texts.contains { ignoringCase ? $0.lowercased() == pattern.lowercased() : $0 == pattern }
                let any = texts.contains { WildcardPatterns.matches(pattern, $0, ignoringCase: ignoringCase) }
                coverage = exact ? .all : (any ? .some : .none)
            case .like:
                coverage = WildcardPatterns.coverage(of: pattern, by: texts)
            case .other:
                return .unknown([key])
            }
            let oriented = parsed.negated ? coverage.negated : coverage
            result = result.map { $0.merged(with: oriented) } ?? oriented
        }
        return result ?? .none
    }
}

extension RequestContext {
    /// Narrows the context to the requests a statement's conditions let through, where the
    /// conditions say so plainly (`StringEquals`, `StringLike`, `Bool`, `ArnLike`): the values
    /// become the patterns of the key. Other conditions leave the key as it was.
    mutating func narrow(by conditions: [NormalisedCondition]) {
        for condition in conditions {
            let parsed = ConditionOperator(condition.operator)
            guard parsed.constrainsValues else { continue }
            self[condition.key] = .present(condition.values.map { value in
                if case .equals(let ignoringCase) = parsed.family {
                    // An exact value is a pattern only of itself (`*` in it is literal, which a
                    // pattern cannot say; such values do not occur in what bucketbridge builds).
                    return ignoringCase ? value.text.lowercased() : value.text
                }
                return value.text
            })
        }
    }
}
