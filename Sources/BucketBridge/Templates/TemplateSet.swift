/// Every template of a loader, parsed once and checked together, ready to render many times.
///
/// Immutable and `Sendable`: renders from several threads at once share it safely.
public struct TemplateSet: Sendable {
    /// The templates that parsed without errors, by relative path.
    private let templates: [String: Template]
    /// Every template's relative path, including those with errors, sorted.
    public let paths: [String]
    /// The slot of each filter chain (and each start of one) through which a template prints a
    /// context variable: where a ``TemplateCache`` keeps its text.
    private let cacheSlots: [TemplateCache.Key: Int]
    /// The number of lookup slots (distinct dotted names of the context) the templates use.
    private let lookupSlotCount: Int
    /// Where the renders of this set found each lookup slot's name in their contexts, shared
    /// by all of them (and by every copy of the set).
    private let layoutMemory: ContextLayoutMemory
    /// The cache slot of `policies.NAME | json` by document name, for the templates that print it.
    private let policyJSONSlots: [String: Int]
    /// The templates that become output files: all but those under `partials/`, sorted.
    let outputPaths: [String]
    /// The parsed template of each of `outputPaths` (nil for one with errors).
    private let outputTemplates: [Template?]

    /// Parses every template of `loader`, appending all syntax errors of all templates and
    /// every missing include and include cycle to `diagnostics`. Throws only for I/O failures.
    public init(loader: any TemplateLoader, diagnostics: inout Diagnostics) throws {
        var sources: [String: String] = [:]
        for path in try loader.templatePaths() {
            if let source = try loader.source(of: path) { sources[path] = source }
        }
        self.init(sources: sources, diagnostics: &diagnostics)
    }

    /// Parses templates given in memory, keyed by relative path.
    public init(sources: [String: String], diagnostics: inout Diagnostics) {
        var templates: [String: Template] = [:]
        var parsed: [Template] = []
        for path in sources.keys.sorted() {
            var own = Diagnostics()
            let template = Template(path: path, source: sources[path]!, diagnostics: &own)
            diagnostics.append(contentsOf: own)
            parsed.append(template)
            if !own.hasErrors { templates[path] = template }
        }
        var loopVariables: Set<String> = []
        for template in templates.values { TemplateNode.loopVariables(in: template.nodes, into: &loopVariables) }
        var slots: [TemplateCache.Key: Int] = [:], lookups = LookupNumbering(loopVariables: loopVariables)
        for path in templates.keys.sorted() {
            let template = templates[path]!
            let nodes = Self.numberCacheSlots(template.nodes, format: template.format, slots: &slots, lookups: &lookups)
            templates[path] = Template(path: template.path, format: template.format, nodes: nodes, text: template.text, includes: template.includes)
        }
        cacheSlots = slots
        lookupSlotCount = lookups.slots.count
        layoutMemory = ContextLayoutMemory(ContextLayout(keyCounts: lookups.keyCounts))
        var policyJSONSlots: [String: Int] = [:]
        for (key, slot) in slots where key.names.count == 2 && key.names[0] == "policies" && key.filters == [.json] && key.format == nil {
            policyJSONSlots[key.names[1]] = slot
        }
        self.policyJSONSlots = policyJSONSlots
        self.templates = templates
        paths = sources.keys.sorted()
        outputPaths = paths.filter { !$0.hasPrefix("partials/") }
        outputTemplates = outputPaths.map { templates[$0] }
        Self.checkIncludes(parsed, diagnostics: &diagnostics)
    }

    /// Gives each output tag that prints a context variable through filters the cache slot of
    /// each start of its chain; equal chains share a slot across templates. Numbers each dotted
    /// name's lookup too (see ``TemplateExpression/numberingLookups(_:)``).
    private static func numberCacheSlots(
        _ nodes: [TemplateNode], format: TemplateFormat, slots: inout [TemplateCache.Key: Int], lookups: inout LookupNumbering
    ) -> [TemplateNode] {
        nodes.map { node in
            switch node {
            case .output(let unnumbered, let filters, let position, _):
                let expression = unnumbered.numberingLookups(&lookups)
                // A loop variable's value is not the context's: it is not cached.
                guard !filters.isEmpty, case .variable(let names, let lookup) = expression, lookup.contextSlot != nil else {
                    return .output(expression, filters, position)
                }
                let path = names.map(\.name), chain = filters.map(\.filter)
                let numbers = (1...chain.count).map { count in
                    let key = TemplateCache.Key(names: path, filters: Array(chain.prefix(count)), format: format)
                    if let slot = slots[key] { return slot }
                    slots[key] = slots.count
                    return slots.count - 1
                }
                return .output(expression, filters, position, cacheSlots: numbers)
            case .conditional(let branches, let otherwise):
                let numbered = branches.map {
                    TemplateBranch(
                        condition: $0.condition.numberingLookups(&lookups),
                        body: numberCacheSlots($0.body, format: format, slots: &slots, lookups: &lookups))
                }
                return .conditional(numbered, otherwise: numberCacheSlots(otherwise, format: format, slots: &slots, lookups: &lookups))
            case .loop(let variable, let sequence, let body, let position):
                // The sequence is evaluated outside the loop's own binding; the body inside it.
                let numberedSequence = sequence.numberingLookups(&lookups)
                lookups.enclosingLoops.append(variable)
                let numberedBody = numberCacheSlots(body, format: format, slots: &slots, lookups: &lookups)
                lookups.enclosingLoops.removeLast()
                return .loop(variable: variable, sequence: numberedSequence, body: numberedBody, position)
            case .text, .include:
                return node
            }
        }
    }

    /// Records in `cache` that `policies.NAME | json` prints `json` (UTF-8), when a template
    /// prints that: the IAM JSON file the caller already encoded the same way.
    func seedPolicyJSON(_ cache: inout TemplateCache, _ name: String, _ json: [UInt8]) {
        if let slot = policyJSONSlots[name] { cache[slot] = json }
    }

    /// An empty cache for one context, with room for every slot of the set's templates, and
    /// the layout of the contexts rendered so far (where its renders look for names first).
    func makeCache() -> TemplateCache {
        TemplateCache(entries: cacheSlots.count, lookups: lookupSlotCount, layout: layoutMemory.current)
    }

    /// Reports includes of templates that do not exist, and each include that closes a cycle.
    private static func checkIncludes(_ parsed: [Template], diagnostics: inout Diagnostics) {
        let byPath = Dictionary(uniqueKeysWithValues: parsed.map { ($0.path, $0) })
        var finished: Set<String> = []
        var stack: [String] = []
        func visit(_ template: Template) {
            stack.append(template.path)
            for include in template.includes {
                guard let target = byPath[include.path] else {
                    let error = TemplateError.missingInclude(include.path)
                    diagnostics.append(error.diagnostic(in: template.path, at: include.position))
                    continue
                }
                if let start = stack.firstIndex(of: include.path) {
                    let error = TemplateError.includeCycle(Array(stack[start...]) + [include.path])
                    diagnostics.append(error.diagnostic(in: template.path, at: include.position))
                } else if !finished.contains(include.path) {
                    visit(target)
                }
            }
            stack.removeLast()
            finished.insert(template.path)
        }
        for template in parsed where !finished.contains(template.path) { visit(template) }
    }

    /// True when the set has a template at `path` (with or without errors).
    public func contains(_ path: String) -> Bool { paths.contains(path) }

    /// The output format of the template at `path`, chosen by its extension.
    public func format(of path: String) -> TemplateFormat { TemplateFormat(path: path) }

    /// The parsed template at `path`, when it exists and parsed without errors.
    func parsedTemplate(_ path: String) -> Template? { templates[path] }

    /// Renders the template at `path` with the variables of `context` (an object).
    ///
    /// Returns the text, or nil after appending the render errors (unknown variables, values a
    /// filter cannot take, ...) to `diagnostics`. Every error of the render is reported, not only
    /// the first.
    public func render(_ path: String, context: JSONValue, diagnostics: inout Diagnostics) -> String? {
        var cache = TemplateCache()
        return render(path, context: context, cache: &cache, diagnostics: &diagnostics)
    }

    /// Renders like `render(_:context:diagnostics:)`, reusing `cache` across the templates
    /// rendered with the same context, so a policy printed by several templates (or twice by
    /// one) is encoded once. A cache must never be shared between different contexts or
    /// different template sets.
    public func render(
        _ path: String, context: JSONValue, placeholders: TemplatePlaceholders = TemplatePlaceholders(),
        cache: inout TemplateCache, diagnostics: inout Diagnostics
    ) -> String? {
        renderUTF8(path, context: context, placeholders: placeholders, cache: &cache, diagnostics: &diagnostics)?.text
    }

    /// Renders like `render(_:context:placeholders:cache:diagnostics:)`, into UTF-8 bytes.
    func renderUTF8(
        _ path: String, context: JSONValue, placeholders: TemplatePlaceholders,
        cache: inout TemplateCache, diagnostics: inout Diagnostics
    ) -> TextBuffer? {
        renderUTF8(path, templates[path], context: context, placeholders: placeholders, cache: &cache, diagnostics: &diagnostics)
    }

    /// Renders the template `outputPaths[index]` like `renderUTF8(_:context:placeholders:cache:diagnostics:)`.
    func renderOutput(
        _ index: Int, context: JSONValue, placeholders: TemplatePlaceholders,
        cache: inout TemplateCache, diagnostics: inout Diagnostics
    ) -> TextBuffer? {
        renderUTF8(outputPaths[index], outputTemplates[index], context: context, placeholders: placeholders, cache: &cache, diagnostics: &diagnostics)
    }

    /// Renders `template`, the parsed template at `path` (nil when it has errors or is unknown).
    private func renderUTF8(
        _ path: String, _ template: Template?, context: JSONValue, placeholders: TemplatePlaceholders,
        cache: inout TemplateCache, diagnostics: inout Diagnostics
    ) -> TextBuffer? {
        guard let template else {
            let error: TemplateError = contains(path) ? .brokenTemplate(path) : .unknownTemplate(path)
            diagnostics.append(error.diagnostic(in: path, at: nil))
            return nil
        }
        guard case .object(let members) = context else {
            diagnostics.append(TemplateError.contextNotObject.diagnostic(in: path, at: nil))
            return nil
        }
        // The cache is swapped in and out, not copied: a copy would make the renderer's first
        // write duplicate both of its arrays.
        var renderer = TemplateRenderer(set: self, context: members, placeholders: placeholders)
        swap(&renderer.cache, &cache)
        renderer.render(template)
        swap(&renderer.cache, &cache)
        // Shared as soon as learned, so that the renders starting next search less.
        if cache.layout.learned { layoutMemory.remember(&cache.layout) }
        guard renderer.diagnostics.isEmpty else {
            diagnostics.append(contentsOf: renderer.diagnostics)
            return nil
        }
        return renderer.out
    }
}

/// Filter results of one context, kept across the templates of one set rendered with it: the
/// encoded text of a collection (a policy) under a filter chain, or under the start of one, in
/// the slot the set numbered for the variable's dotted name and that chain; and the value of
/// each dotted name looked up in the context, in the slot the set numbered for that name.
public struct TemplateCache {
    struct Key: Hashable {
        var names: [String]
        var filters: [TemplateFilter]
        /// The template's format, for chains that print differently by format (`prose`).
        var format: TemplateFormat?

        /// A key for `names` under `filters` in a template of `format`; the format is kept
        /// only when the chain holds `prose`, so other chains share one entry across templates.
        init(names: [String], filters: [TemplateFilter], format: TemplateFormat?) {
            self.names = names
            self.filters = filters
            self.format = filters.contains(.prose) ? format : nil
        }
    }

    /// The texts by slot, as UTF-8; nil where nothing is kept yet.
    private var entries: [[UInt8]?] = []
    /// The context's values of dotted names, by lookup slot; nil where none is kept yet.
    private var values: [JSONValue?] = []
    /// Where earlier contexts held each lookup slot's name: where a render looks first.
    var layout = ContextLayout()

    /// An empty cache, for one context.
    public init() {}

    /// An empty cache with room for `entries` texts and `lookups` values: its slots are set
    /// without growing the arrays. Its renders look for names where `layout` says first.
    init(entries: Int, lookups: Int, layout: ContextLayout) {
        self.entries = Self.empty(entries)
        values = Self.empty(lookups)
        self.layout = layout
    }

    /// `count` nils: stored one by one as the constant they are (`Array(repeating:count:)`
    /// copies its argument into each element through the generic value witness).
    private static func empty<Element>(_ count: Int) -> [Element?] {
        [Element?](unsafeUninitializedCapacity: count) { slots, initialized in
            for index in 0..<count { (slots.baseAddress! + index).initialize(to: nil) }
            initialized = count
        }
    }

    subscript(slot: Int) -> [UInt8]? {
        get { slot < entries.count ? entries[slot] : nil }
        set {
            if slot >= entries.count { entries.append(contentsOf: repeatElement(nil, count: slot + 1 - entries.count)) }
            entries[slot] = newValue
        }
    }

    /// The context's value of the dotted name numbered `slot`, once a render has looked it up.
    subscript(lookup slot: Int) -> JSONValue? {
        get { slot < values.count ? values[slot] : nil }
        set {
            // Grown by doubling: a render meets the slots about in order, one more at a time.
            if slot >= values.count { values.append(contentsOf: repeatElement(nil, count: max(slot + 1, 2 * values.count) - values.count)) }
            values[slot] = newValue
        }
    }
}
