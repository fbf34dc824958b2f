/// One spec file after decoding: its destinations with `defaults` merged in.
public struct SpecDocument: Sendable {
    /// The file the spec was read from.
    public var file: SourceFile
    /// Each destination as a merged JSON object, in file order.
    public var destinations: [DestinationSource]
    /// The placeholders the file declares, in file order.
    public var placeholders: [PlaceholderDeclaration] = []
}

/// A placeholder a spec file declares: `"placeholders": {"NAME": "where the customer finds it"}`.
public struct PlaceholderDeclaration: Sendable {
    /// `^[A-Z][A-Z0-9_]{0,63}$`.
    public var name: String
    /// Where the customer finds the value, for README.md and the formats' descriptions.
    public var description: String
    /// Where the declaration is written.
    public var location: SourceLocation
}

/// A destination before validation: its JSON object with the file's `defaults` merged in.
///
/// Merged values keep their own node, so a value that came from `defaults` is reported at its
/// place in `defaults`.
public struct DestinationSource: Sendable {
    /// The destination's index in its file's `destinations` array.
    public var index: Int
    /// The destination object as written (position and path of `destinations[i]`).
    public var node: JSONNode
    /// The merged fields.
    public var fields: MergedObject

    /// The merged value of a field, when set.
    public subscript(key: String) -> JSONNode? { fields[key] }
}

/// An object merged from `defaults` and a destination: the destination's value wins, and
/// objects found on both sides (such as `role` and `role.tags`) merge key by key.
public struct MergedObject: Sendable {
    /// One member: a key and its merged value. (A struct, not a tuple: arrays of tuples are
    /// destroyed element by element through the runtime's generic tuple code.)
    public struct Member: Sendable {
        public var key: String
        public var node: JSONNode
    }

    /// The members in order: the defaults' keys first, then keys only the destination sets.
    public var members: [Member] {
        didSet { positions = nil }
    }

    /// Where each key is in `members`, as `init` made them (each key once), for objects of more
    /// than `scanLimit` keys; nil for smaller ones and once `members` has been changed.
    private var positions: [String: Int]?

    /// Up to this many keys, scanning them costs less than hashing one: most objects (a
    /// destination, its role, its tags) are that small.
    private static let scanLimit = 24

    /// The merged value of `key`, when set.
    public subscript(key: String) -> JSONNode? {
        // The index rather than a scan: fields are looked up by the dozen per destination.
        if let positions { return positions[key].map { members[$0].node } }
        // By index: a closure over the members would copy (and retain) each one it looks at.
        // Lengths first: most keys differ from the one asked for in length, and comparing two
        // lengths costs far less than comparing two strings.
        let length = key.utf8.count
        var index = 0
        while index < members.count {
            if members[index].key.utf8.count == length && members[index].key == key { return members[index].node }
            index += 1
        }
        return nil
    }

    /// The members of one object as written, as merging them over nothing gives them: copied
    /// as they are when they are few and no key is repeated (most objects, and every object a
    /// merge made), rather than merged key by key.
    init(_ members: [JSONNode.Member]) {
        guard members.count <= Self.scanLimit, !Self.repeatsKey(members) else {
            self = MergedObject(base: [], overlay: members)
            return
        }
        self.members = members.map { Member(key: $0.key, node: $0.node) }
    }

    /// True when some key of `members` is written twice. (By index, lengths first, as the
    /// subscript scans.)
    private static func repeatsKey(_ members: [JSONNode.Member]) -> Bool {
        var index = 1
        while index < members.count {
            let length = members[index].key.utf8.count
            var earlier = 0
            while earlier < index {
                if members[earlier].key.utf8.count == length && members[earlier].key == members[index].key { return true }
                earlier += 1
            }
            index += 1
        }
        return false
    }

    /// Merges `overlay` over `base`; both must be object members.
    init(base: [JSONNode.Member], overlay: [JSONNode.Member]) {
        var merged = Merging(capacity: base.count + overlay.count)
        for member in base where merged.position(of: member.key) == nil {
            merged.append(member.key, member.node)
        }
        for member in overlay {
            if let existing = merged.position(of: member.key) {
                merged.members[existing].node = Self.merge(merged.members[existing].node, member.node)
            } else {
                merged.append(member.key, member.node)
            }
        }
        members = merged.members
        positions = merged.positions
    }

    /// The members merged so far. (A struct with methods rather than local functions: locals
    /// captured by functions live in boxes and every access to them is checked at run time.)
    private struct Merging {
        var members: [Member] = []
        /// Where each key is in `members`, once there are many: an object with many keys merges
        /// in linear time.
        var positions: [String: Int]?

        init(capacity: Int) {
            members.reserveCapacity(capacity)
        }

        func position(of key: String) -> Int? {
            if let positions { return positions[key] }
            let length = key.utf8.count
            return members.indices.first { members[$0].key.utf8.count == length && members[$0].key == key }
        }

        mutating func append(_ key: String, _ node: JSONNode) {
            members.append(Member(key: key, node: node))
            if positions != nil {
                positions![key] = members.count - 1
            } else if members.count > MergedObject.scanLimit {
                positions = Dictionary(uniqueKeysWithValues: members.indices.map { (members[$0].key, $0) })
            }
        }
    }

    /// An object on both sides merges key by key; anything else is replaced by the overlay.
    private static func merge(_ base: JSONNode, _ overlay: JSONNode) -> JSONNode {
        guard case .object(let baseMembers) = base.value, case .object(let overlayMembers) = overlay.value else {
            return overlay
        }
        let merged = MergedObject(base: baseMembers, overlay: overlayMembers)
        var node = overlay
        node.value = .object(merged.members.map { JSONNode.Member(key: $0.key, keyOffset: $0.node.offset, node: $0.node) })
        return node
    }
}
