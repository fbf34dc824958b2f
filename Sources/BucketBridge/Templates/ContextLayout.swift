import Dispatch

/// Where the dotted names of a ``TemplateSet`` were found in a context: for each lookup slot,
/// the index of each of its keys among the members of the object holding it.
///
/// Every destination's context has the same keys in (almost always) the same order, so where a
/// name was found in one context is where a render looks first in the next, instead of
/// comparing the name with each key before it. A guess is checked by name and, when it misses,
/// the render searches as it would have anyway: a context of another shape only costs that
/// search. A context's keys are unique (a spec setting a key twice, or a tag key twice, is
/// rejected), so the member with the name at the remembered index is the one a search finds.
struct ContextLayout: Sendable {
    /// Where each slot's indices start in `indices`, then where the last slot's end.
    private let starts: [Int]
    /// The member index of each key of each slot's dotted name, -1 where none is known.
    private var indices: [Int32]
    /// True once `learn` has changed `indices`: the layout has something to share.
    private(set) var learned = false

    /// A layout that remembers nothing: every guess misses and nothing is learned.
    init() {
        starts = []
        indices = []
    }

    /// A layout knowing no index yet, for slots whose dotted names have `keyCounts` keys each.
    init(keyCounts: [Int]) {
        var starts = [0]
        for count in keyCounts { starts.append(starts.last! + count) }
        self.starts = starts
        indices = Array(repeating: -1, count: starts.last!)
    }

    /// The value of `names`, the dotted name numbered `slot`, in the object of `members`, when
    /// each of its keys is where the layout remembers it; nil when one is not.
    func value(of names: [TemplateName], slot: Int, in members: [JSONValue.Member]) -> JSONValue? {
        guard slot + 1 < starts.count else { return nil }
        let start = starts[slot]
        guard starts[slot + 1] - start == names.count else { return nil }
        // The root among the context's members, then each key in the object of the one before.
        var index = Int(indices[start])
        guard index >= 0, index < members.count, sameName(members[index].key, names[0].name) else { return nil }
        var value = members[index].value
        var offset = 1
        while offset < names.count {
            guard case .object(let inner) = value else { return nil }
            index = Int(indices[start + offset])
            guard index >= 0, index < inner.count, sameName(inner[index].key, names[offset].name) else { return nil }
            value = inner[index].value
            offset += 1
        }
        return value
    }

    /// Remembers where each key of `names`, the dotted name numbered `slot`, is in the object
    /// of `members`, as far as the name is found.
    mutating func learn(_ names: [TemplateName], slot: Int, in members: [JSONValue.Member]) {
        guard slot + 1 < starts.count, starts[slot + 1] - starts[slot] == names.count else { return }
        var members = members
        for (offset, name) in names.enumerated() {
            guard let index = memberIndex(name.name, in: members) else { return }
            indices[starts[slot] + offset] = Int32(index)
            learned = true
            guard case .object(let inner) = members[index].value else { return }
            members = inner
        }
    }

    /// Marks the layout as shared: nothing learned since.
    mutating func markShared() {
        learned = false
    }
}

/// The ``ContextLayout`` the renders of one set learned last, shared by the renders running at
/// once on other threads: each takes it once per destination and hands it back when it learned
/// something.
///
/// `@unchecked Sendable`: its one variable is only touched on its serial queue (the package
/// links no Foundation, so no `NSLock`; `Mutex` needs macOS 15).
final class ContextLayoutMemory: @unchecked Sendable {
    private let queue = DispatchQueue(label: "bucketbridge.context-layout")
    private var layout: ContextLayout

    /// A memory starting from `layout`.
    init(_ layout: ContextLayout) {
        self.layout = layout
    }

    /// The layout learned last.
    var current: ContextLayout {
        queue.sync { layout }
    }

    /// Keeps `learned` for the renders that start next, and marks it as shared.
    func remember(_ learned: inout ContextLayout) {
        learned.markShared()
        let shared = learned
        queue.sync { layout = shared }
    }
}
