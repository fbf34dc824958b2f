/// STS's rules for an external ID: 2–1224 characters of `[\w+=,.@:/-]`.
enum ExternalIDRules {
    static let minimumLength = 2
    static let maximumLength = 1224

    /// Every rule `text` breaks, as phrases after "is not a valid external ID: ".
    static func problems(_ text: String) -> [String] {
        var problems: [String] = []
        let length = text.scalarCount
        if length < minimumLength || length > maximumLength {
            problems.append("it must be \(minimumLength) to \(maximumLength) characters long, not \(length)")
        }
        if let phrase = CharacterRules.notAllowedPhrase(in: text, allowed: CharacterRules.isExternalID) {
            problems.append(phrase + " (only letters, digits and + = , . @ : / _ -)")
        }
        return problems
    }
}
