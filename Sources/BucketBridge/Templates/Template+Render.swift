/// One render of one template: a walk over the syntax tree appending to `out`.
///
/// Holds only per-render state, so any number of renders can run at once on shared templates.
struct TemplateRenderer {
    /// A variable bound by an enclosing `for`, with its loop state.
    private struct LoopBinding {
        var name: String
        var value: JSONValue
        var index: Int
        var count: Int
    }

    let set: TemplateSet
    let context: [JSONValue.Member]
    let placeholders: TemplatePlaceholders
    var cache: TemplateCache
    /// The text rendered so far, as UTF-8.
    var out = TextBuffer(capacity: 16_384)
    var diagnostics = Diagnostics()
    private var bindings: [LoopBinding] = []
    private var includeStack: [String] = []
    /// Loop bodies rendered so far, against `TemplateLimits.iterations`.
    private var iterations = 0
    /// Set when a limit was reached: the render stops, with that error.
    private var stopped = false

    init(set: TemplateSet, context: [JSONValue.Member], placeholders: TemplatePlaceholders = TemplatePlaceholders(), cache: TemplateCache = TemplateCache()) {
        self.set = set
        self.context = context
        self.placeholders = placeholders
        self.cache = cache
    }

    mutating func render(_ template: Template) {
        includeStack.append(template.path)
        render(template.nodes, in: template)
        includeStack.removeLast()
    }

    private mutating func render(_ nodes: [TemplateNode], in template: Template) {
        for node in nodes {
            if stopped { return }
            if out.count > TemplateLimits.outputBytes {
                stop(.outputTooLarge(limit: TemplateLimits.outputBytes), in: template, at: nil)
                return
            }
            switch node {
            case .text(let range):
                template.text.withUnsafeBufferPointer { text in
                    precondition(range.lowerBound >= 0 && range.upperBound <= text.count)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: text[range]))
                }
            case .output(let expression, let filters, let position, let slots):
                guard let value = evaluate(expression, in: template) else { continue }
                var current = FilteredValue.value(value)
                // A collection (a policy) through filters: each escaped prefix of the chain is
                // kept for the context, so `json | shell` and `json | fenced` encode it once.
                let cached = value.isCollection && !slots.isEmpty && !isLoopVariable(expression)
                var applied = 0
                if cached {
                    for count in stride(from: filters.count, to: 0, by: -1) {
                        if let text = cache[slots[count - 1]] {
                            current = .escaped(text)
                            applied = count
                            break
                        }
                    }
                }
                var failed = false, printed = false
                for index in applied..<filters.count {
                    let call = filters[index]
                    // `yaml | indent(n)` or `hcl | indent(n)` at the end of the chain: the
                    // document written indented, without the text of each filter in between.
                    if index == filters.count - 2, case .value(let value) = current, case .indent(let width) = filters[index + 1].filter,
                        call.filter.appendIndented(value, by: width, placeholders: placeholders, to: &out)
                    {
                        printed = true
                        break
                    }
                    if index == filters.count - 1 {
                        // The last filter writes straight into the output when it can: escaped
                        // text indented, a scalar or a phrase escaped in place. Not when the
                        // chain's text is kept (`cached`): the cache needs it on its own.
                        if case .indent(let width) = call.filter, case .escaped(let text) = current {
                            out.appendIndenting(text, by: width)
                            printed = true
                            break
                        }
                        if !cached, call.filter.append(current, format: template.format, placeholders: placeholders, to: &out) {
                            printed = true
                            break
                        }
                    }
                    switch call.filter.apply(to: current, format: template.format, placeholders: placeholders) {
                    case .success(let next):
                        current = next
                        if cached, case .escaped(let text) = next { cache[slots[index]] = text }
                    case .failure(let error):
                        report(error, in: template, at: call.position)
                        failed = true
                    }
                    if failed { break }
                }
                if failed || printed { continue }
                switch current {
                case .escaped(let text): out.append(text)
                case .value(let value): printDefault(value, expression, in: template, at: position)
                }
            case .conditional(let branches, let otherwise):
                renderChosen(branches, otherwise: otherwise, in: template)
            case .loop(let variable, let sequence, let body, let position):
                guard let value = evaluate(sequence, in: template) else { continue }
                guard case .array(let elements) = value else {
                    report(.notIterable(describe(sequence), kind: value.kindDescription), in: template, at: position)
                    continue
                }
                for (index, element) in elements.enumerated() {
                    if stopped { return }
                    iterations += 1
                    if iterations > TemplateLimits.iterations {
                        stop(.tooManyIterations(limit: TemplateLimits.iterations), in: template, at: position)
                        return
                    }
                    bindings.append(LoopBinding(name: variable, value: element, index: index, count: elements.count))
                    render(body, in: template)
                    bindings.removeLast()
                }
            case .include(let path, let position):
                guard let included = set.parsedTemplate(path) else {
                    let error: TemplateError = set.contains(path) ? .brokenTemplate(path) : .missingInclude(path)
                    report(error, in: template, at: position)
                    continue
                }
                guard !includeStack.contains(path) else {
                    report(.includeCycle(includeStack + [path]), in: template, at: position)
                    continue
                }
                guard includeStack.count < TemplateLimits.includeDepth else {
                    stop(.includesTooDeep(limit: TemplateLimits.includeDepth), in: template, at: position)
                    return
                }
                render(included)
            }
        }
    }

    /// Renders the body of the first branch whose condition is true, else `otherwise`; nothing
    /// when a condition fails to evaluate.
    @inline(__always)
    private mutating func renderChosen(_ branches: [TemplateBranch], otherwise: [TemplateNode], in template: Template) {
        // By index: a copy of each branch would retain its condition and body.
        for index in branches.indices {
            guard let condition = evaluate(branches[index].condition, in: template) else { return }
            if condition.isTruthy { return render(branches[index].body, in: template) }
        }
        render(otherwise, in: template)
    }

    /// True when the expression's root names a variable of an enclosing `for` (in this template
    /// or one that includes it): its value is not the context's, so it is not cached.
    private func isLoopVariable(_ expression: TemplateExpression) -> Bool {
        guard case .variable(let names, let lookup) = expression else { return false }
        switch lookup {
        case .loopVariable: return true
        case .context: return false
        case .maybeBound, .unnumbered: return bindings.contains { $0.name == names[0].name }
        }
    }

    /// Prints a value no escaping filter handled, with the template format's default escape.
    private mutating func printDefault(
        _ value: JSONValue, _ expression: TemplateExpression, in template: Template, at position: TemplatePosition
    ) {
        switch value {
        case .null: report(.printsNull(describe(expression)), in: template, at: position)
        case .array, .object:
            report(.printsCollection(describe(expression), kind: value.kindDescription), in: template, at: position)
        case .string(let text):
            guard !template.format.appendEscaped(text, placeholders: placeholders, to: &out) else { return }
            if template.format == .shell {
                report(.shellNUL(describe(expression)), in: template, at: position)
            } else {
                report(.needsEscapingFilter(describe(expression)), in: template, at: position)
            }
        case .int, .number, .bool:
            out += value.scalarText ?? ""
        }
    }

    private mutating func evaluate(_ expression: TemplateExpression, in template: Template) -> JSONValue? {
        switch expression {
        case .literal(let value): return value
        case .variable(let names, let lookup):
            switch lookup {
            case .loopVariable(let depth):
                return lookUp(names, from: bindings[bindings.count - 1 - depth].value, in: template)
            case .context(let slot):
                // A name looked up before is read at once, without the full lookup.
                if let value = cache[lookup: slot] { return value }
            case .maybeBound(let slot):
                // Outside loops too; inside, a loop variable may shadow it.
                if bindings.isEmpty, let value = cache[lookup: slot] { return value }
            case .unnumbered:
                break
            }
            return lookUp(names, lookup: lookup, in: template)
        case .not(let inner): return evaluate(inner, in: template).map { .bool(!$0.isTruthy) }
        case .and(let left, let right):
            guard let left = evaluate(left, in: template) else { return nil }
            guard left.isTruthy else { return .bool(false) }
            return evaluate(right, in: template).map { .bool($0.isTruthy) }
        case .or(let left, let right):
            guard let left = evaluate(left, in: template) else { return nil }
            if left.isTruthy { return .bool(true) }
            return evaluate(right, in: template).map { .bool($0.isTruthy) }
        case .equal(let left, let right), .notEqual(let left, let right):
            guard let left = evaluate(left, in: template), let right = evaluate(right, in: template) else { return nil }
            if case .equal = expression { return .bool(left == right) }
            return .bool(left != right)
        }
    }

    /// The value of a dotted name: loop state, loop variables (innermost first), then the context.
    /// A name found in the context is kept in the cache under the lookup's slot, so each later
    /// lookup of it for the same context (in any template of the set) is one array read, not a
    /// scan of keys.
    private mutating func lookUp(_ names: [TemplateName], lookup: TemplateLookup, in template: Template) -> JSONValue? {
        let slot = lookup.contextSlot
        if let slot {
            // A numbered name's root is never `loop`: it is the context's unless a loop variable
            // shadows it (only a `maybeBound` one can be), and a name looked up before is read at once.
            if case .maybeBound = lookup, !bindings.isEmpty, let binding = innermostBinding(named: names[0].name) {
                return lookUp(names, from: binding, in: template)
            }
            if let value = cache[lookup: slot] { return value }
        }
        let root = names[0]
        // Loop state and loop variables for an unnumbered name only: a numbered one was
        // looked for among them above.
        if slot == nil, !bindings.isEmpty, sameName(root.name, "loop"), let loop = bindings.last {
            guard names.count == 2 else {
                let position = names.count > 2 ? names[2].position : root.position
                report(.unknownLoopProperty(names.count > 2 ? names[2].name : ""), in: template, at: position)
                return nil
            }
            switch names[1].name {
            case "first": return .bool(loop.index == 0)
            case "last": return .bool(loop.index == loop.count - 1)
            case "index": return .int(loop.index + 1)
            default:
                report(.unknownLoopProperty(names[1].name), in: template, at: names[1].position)
                return nil
            }
        } else if slot == nil, let binding = innermostBinding(named: root.name) {
            return lookUp(names, from: binding, in: template)
        } else if let slot, let value = cache.layout.value(of: names, slot: slot, in: context) {
            // Where an earlier context held the name, and this one does too: no scan of keys.
            cache[lookup: slot] = value
            return value
        } else if let index = memberIndex(root.name, in: context) {
            // Only values found are kept: a failed lookup reports its error every time.
            let value = lookUp(names, from: context[index].value, in: template)
            if let slot, let value {
                cache[lookup: slot] = value
                cache.layout.learn(names, slot: slot, in: context)
            }
            return value
        } else {
            let available = bindings.map(\.name) + context.map(\.key)
            report(.unknownVariable(root.name, available: available), in: template, at: root.position)
            return nil
        }
    }

    /// The value of the keys after the root of a dotted name, starting from the root's `value`.
    private mutating func lookUp(_ names: [TemplateName], from value: JSONValue, in template: Template) -> JSONValue? {
        var value = value
        // Index loops, not `first(where:)`: a render looks up hundreds of names.
        for offset in 1..<names.count {
            // The dotted name of the parent, built only for an error message.
            func parent() -> String { names[..<offset].map(\.name).joined(separator: ".") }
            guard case .object(let members) = value else {
                report(.notAnObject(parent(), kind: value.kindDescription), in: template, at: names[offset].position)
                return nil
            }
            guard let index = memberIndex(names[offset].name, in: members) else {
                report(.missingKey(names[offset].name, in: parent(), available: members.map(\.key)), in: template, at: names[offset].position)
                return nil
            }
            value = members[index].value
        }
        return value
    }

    /// The value of the innermost loop variable called `name`, if any.
    private func innermostBinding(named name: String) -> JSONValue? {
        var index = bindings.count - 1
        while index >= 0 {
            if sameName(bindings[index].name, name) { return bindings[index].value }
            index -= 1
        }
        return nil
    }

    private mutating func report(_ error: TemplateError, in template: Template, at position: TemplatePosition) {
        diagnostics.append(error.diagnostic(in: template.path, at: position))
    }

    /// Reports a limit reached and stops the whole render.
    private mutating func stop(_ error: TemplateError, in template: Template, at position: TemplatePosition?) {
        diagnostics.append(error.diagnostic(in: template.path, at: position))
        stopped = true
    }
}

/// `a == b`, comparing the lengths first: a lookup compares a name with every key before
/// the one it names, and most of them differ in length.
@inline(__always)
func sameName(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && a == b
}

/// The index of the first member called `name` (as ``sameName(_:_:)`` compares).
@inline(__always)
func memberIndex(_ name: String, in members: [JSONValue.Member]) -> Int? {
    let length = name.utf8.count
    var index = 0
    while index < members.count {
        if members[index].key.utf8.count == length, members[index].key == name { return index }
        index += 1
    }
    return nil
}

/// How a diagnostic names an expression: the dotted name, or "the value".
private func describe(_ expression: TemplateExpression) -> String {
    if case .variable(let names, _) = expression { return names.map(\.name).joined(separator: ".") }
    return "the value"
}
