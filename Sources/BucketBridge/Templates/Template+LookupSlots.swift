extension TemplateExpression {
    /// This expression with each dotted name given the slot where a ``TemplateCache`` keeps its
    /// value in the context; equal dotted names share one slot across the templates of a set.
    /// `loop.*` gets none: its value is the enclosing loop's, not the context's.
    func numberingLookups(_ slots: inout [String: Int]) -> TemplateExpression {
        switch self {
        case .variable(let names, _):
            guard names[0].name != "loop" else { return self }
            let path = names.map(\.name).joined(separator: ".")
            if let slot = slots[path] { return .variable(names, slot: slot) }
            slots[path] = slots.count
            return .variable(names, slot: slots.count - 1)
        case .literal:
            return self
        case .not(let inner):
            return .not(inner.numberingLookups(&slots))
        case .and(let left, let right):
            return .and(left.numberingLookups(&slots), right.numberingLookups(&slots))
        case .or(let left, let right):
            return .or(left.numberingLookups(&slots), right.numberingLookups(&slots))
        case .equal(let left, let right):
            return .equal(left.numberingLookups(&slots), right.numberingLookups(&slots))
        case .notEqual(let left, let right):
            return .notEqual(left.numberingLookups(&slots), right.numberingLookups(&slots))
        }
    }
}
