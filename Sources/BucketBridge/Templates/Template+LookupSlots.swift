/// Where a render finds the root of a dotted name, as far as the ``TemplateSet`` can tell
/// before rendering. `loop.*` is never numbered: its value is the enclosing loop's state.
enum TemplateLookup: Sendable {
    /// Not numbered: found by the full lookup (loop state, loop variables, then the context).
    case unnumbered
    /// The root is the variable of the `for` `depth` loops out from the innermost one that
    /// encloses the name in its own template (0: the innermost itself). Loops of an including
    /// template are bound before that one, so the binding sits `depth` below the top.
    case loopVariable(depth: Int)
    /// The root is no `for` variable of the set, so only the context can hold it; its value
    /// is kept in the ``TemplateCache`` under `slot`.
    case context(slot: Int)
    /// The root is the variable of some `for` of the set but of none enclosing the name in its
    /// own template: a loop of an including template may bind it, so the render searches its
    /// loops first; a value found in the context is kept under `slot`.
    case maybeBound(slot: Int)

    /// The cache slot of the name's value in the context, if it may come from there.
    var contextSlot: Int? {
        switch self {
        case .context(let slot), .maybeBound(let slot): slot
        case .unnumbered, .loopVariable: nil
        }
    }
}

/// What numbering the dotted names of a set's templates keeps track of.
struct LookupNumbering {
    /// The slot of each dotted name of the context numbered so far, by its dotted text: equal
    /// names share one slot across the templates of a set.
    var slots: [String: Int] = [:]
    /// The number of keys of each slot's dotted name (root included), by slot.
    var keyCounts: [Int] = []
    /// The variable of every `for` of the set's templates.
    let loopVariables: Set<String>
    /// The variables of the `for` blocks enclosing the current node in its own template,
    /// outermost first.
    var enclosingLoops: [String] = []

    init(loopVariables: Set<String>) {
        self.loopVariables = loopVariables
    }

    /// Where a render finds the dotted name `names` (see ``TemplateLookup``), numbering its
    /// slot when it is new.
    mutating func lookup(of names: [TemplateName]) -> TemplateLookup {
        let root = names[0].name
        guard root != "loop" else { return .unnumbered }
        if let index = enclosingLoops.lastIndex(of: root) {
            return .loopVariable(depth: enclosingLoops.count - 1 - index)
        }
        let path = names.map(\.name).joined(separator: ".")
        let slot: Int
        if let numbered = slots[path] {
            slot = numbered
        } else {
            slot = slots.count
            slots[path] = slot
            keyCounts.append(names.count)
        }
        return loopVariables.contains(root) ? .maybeBound(slot: slot) : .context(slot: slot)
    }
}

extension TemplateExpression {
    /// This expression with each dotted name told where a render finds it (see ``TemplateLookup``).
    func numberingLookups(_ numbering: inout LookupNumbering) -> TemplateExpression {
        switch self {
        case .variable(let names, _):
            return .variable(names, lookup: numbering.lookup(of: names))
        case .literal:
            return self
        case .not(let inner):
            return .not(inner.numberingLookups(&numbering))
        case .and(let left, let right):
            return .and(left.numberingLookups(&numbering), right.numberingLookups(&numbering))
        case .or(let left, let right):
            return .or(left.numberingLookups(&numbering), right.numberingLookups(&numbering))
        case .equal(let left, let right):
            return .equal(left.numberingLookups(&numbering), right.numberingLookups(&numbering))
        case .notEqual(let left, let right):
            return .notEqual(left.numberingLookups(&numbering), right.numberingLookups(&numbering))
        }
    }
}

extension TemplateNode {
    /// The variable of every `for` among `nodes` and their descendants.
    static func loopVariables(in nodes: [TemplateNode], into variables: inout Set<String>) {
        for node in nodes {
            switch node {
            case .loop(let variable, _, let body, _):
                variables.insert(variable)
                loopVariables(in: body, into: &variables)
            case .conditional(let branches, let otherwise):
                for branch in branches { loopVariables(in: branch.body, into: &variables) }
                loopVariables(in: otherwise, into: &variables)
            case .text, .output, .include:
                break
            }
        }
    }
}
