/// The keys a rule has seen so far, each with the node it was last seen at, for rules that
/// report repeats (tag keys, trusted principals).
///
/// Scanned while there are few (a destination has a handful, and hashing each key cost more
/// than all of its other checks), hashed once there are many.
struct SeenKeys {
    private struct Entry {
        var key: String
        var node: JSONNode
    }

    private var entries: [Entry] = []
    private var hashed: [String: JSONNode]?
    private static let scanLimit = 16

    /// Records that `key` was seen at `node`; returns where it was seen before, if it was.
    mutating func record(_ key: String, at node: JSONNode) -> JSONNode? {
        if hashed != nil { return hashed!.updateValue(node, forKey: key) }
        let previous = entries.lastIndex { $0.key == key }.map { entries[$0].node }
        entries.append(Entry(key: key, node: node))
        if entries.count > Self.scanLimit {
            hashed = Dictionary(entries.map { ($0.key, $0.node) }, uniquingKeysWith: { $1 })
            entries = []
        }
        return previous
    }
}
