/// Lookup and "did you mean" suggestions over the actions of one IAM service prefix; the
/// action catalogues (`S3ActionCatalogue`, `KMSActionCatalogue`) answer through one of these.
struct ActionNameIndex<Action: Sendable>: Sendable {
    /// The service prefix, lowercase: `s3`, `kms`.
    let servicePrefix: String
    private let byLowercasedName: [String: Action]
    /// The actions by full policy name as written canonically (`s3:GetObject`): the common
    /// case, found without lowercasing.
    private let byCanonicalName: [String: Action]
    /// (lowercased name, canonical name, action), in canonical-name order.
    private let entries: [(lowered: String, name: String, action: Action)]

    /// Indexes `actions`, each named (without its prefix) by `name`; names must be unique
    /// ignoring case.
    init(servicePrefix: String, actions: [Action], name: (Action) -> String) {
        self.servicePrefix = servicePrefix
        let entries = actions.map { (lowered: name($0).lowercased(), name: name($0), action: $0) }.sorted { $0.name < $1.name }
        self.entries = entries
        self.byLowercasedName = Dictionary(uniqueKeysWithValues: entries.map { ($0.lowered, $0.action) })
        self.byCanonicalName = Dictionary(uniqueKeysWithValues: entries.map { (servicePrefix + ":" + $0.name, $0.action) })
    }

    /// The action whose full policy name is `text` (`s3:GetObject`), ignoring case in both the
    /// prefix and the name, as AWS does. The prefix is required: a bare name, another service's
    /// prefix or a wildcard gives `nil`.
    func action(named text: String) -> Action? {
        if let action = byCanonicalName[text] { return action }
        guard let colon = text.firstIndex(of: ":"),
              text[..<colon].lowercased() == servicePrefix
        else { return nil }
        return byLowercasedName[text[text.index(after: colon)...].lowercased()]
    }

    /// Up to three full policy names closest to `text`, closest first (ties in name order).
    ///
    /// Anything up to the first `:` is ignored. Distances are Levenshtein distances between
    /// lowercased names; a name is close when the distance is at most max(2, L / 4), L being
    /// the length of the longer of the two names. An exact case-insensitive match is distance
    /// 0, so text that only lacks the prefix or uses another case gets its canonical spelling
    /// first. Empty when nothing is close.
    func suggestions(for text: String) -> [String] {
        let typed = text.firstIndex(of: ":").map { text[text.index(after: $0)...] } ?? text[...]
        let lowered = typed.lowercased()
        let typedLength = lowered.unicodeScalars.count
        guard typedLength > 0 else { return [] }

        var close: [(distance: Int, name: String)] = []
        for entry in entries {
            let candidateLength = entry.lowered.unicodeScalars.count
            let limit = max(2, max(typedLength, candidateLength) / 4)
            // The distance is at least the difference in length.
            guard abs(typedLength - candidateLength) <= limit else { continue }
            let distance = editDistance(lowered, entry.lowered)
            if distance <= limit { close.append((distance, entry.name)) }
        }
        return close
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
            .prefix(3)
            .map { servicePrefix + ":" + $0.name }
    }
}
