/// How the entries of one service's action list are checked: `actions` (s3) and `kmsActions`
/// (kms) go through the same steps with their own catalogue and messages.
struct ActionEntryRules<Action>: Sendable {
    /// The service prefix with its colon, lowercase: `s3:`.
    var prefix: String
    /// The error for a wildcard.
    var wildcard: Message
    /// The error for an entry without `prefix`.
    var otherService: Message
    /// A hint for such an entry (given its text, lowercased), or nil.
    var otherServiceHint: @Sendable (String) -> String?
    /// The error for a name the catalogue does not know.
    var unknown: Message
    /// The catalogue's lookup (`S3ActionCatalogue.action(named:)`).
    var lookup: @Sendable (String) -> Action?
    /// The catalogue's "did you mean" candidates.
    var suggestions: @Sendable (String) -> [String]
    /// The error for an action the field cannot grant where it grants it, else nil.
    var outOfReach: @Sendable (Action) -> Message?
    /// The warning for an action that changes access control, else nil.
    var permissionsManagement: @Sendable (Action) -> Message?
}

extension FieldReader {
    /// One entry of an action list: no wildcard, the service's prefix, a known action the
    /// field can grant; a permissions-management action is warned about. Nil after an error.
    mutating func resolveActionEntry<Action>(_ text: String, node: JSONNode, rules: ActionEntryRules<Action>) -> Action? {
        if text.containsASCII("*") || text.containsASCII("?") {
            report(node, rules.wildcard)
            return nil
        }
        let lowered = text.lowercased()
        guard lowered.hasPrefix(rules.prefix) else {
            report(node, rules.otherService, hint: rules.otherServiceHint(lowered))
            return nil
        }
        guard let action = rules.lookup(text) else {
            report(node, rules.unknown, hint: Message.didYouMean(anyOf: rules.suggestions(text)))
            return nil
        }
        if let problem = rules.outOfReach(action) {
            report(node, problem)
            return nil
        }
        if let warning = rules.permissionsManagement(action) { warn(node, warning) }
        return action
    }
}
