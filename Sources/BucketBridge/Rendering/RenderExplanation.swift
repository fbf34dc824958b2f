/// `explain`'s output formats.
public enum ExplanationFormat: String, Sendable, CaseIterable {
    /// Indented plain text for a reviewer.
    case text
    /// The summaries as JSON (see `AccessSummary.jsonValue(phrases:)`).
    case json
}

/// The access summaries of a run as `explain` prints them.
public func renderExplanation(_ summaries: [AccessSummary], format: ExplanationFormat) -> String {
    switch format {
    case .json:
        let document: JSONValue = [
            "formatVersion": 1,
            "destinations": .array(summaries.map { $0.jsonValue(phrases: .plain) }),
        ]
        return encodeJSON(document) + "\n"
    case .text:
        // Placeholders as the spec writes them, `<NAME>` (the JSON writer does the same).
        return PlaceholderText.replacing(summaries.map(explanationText).joined(separator: "\n")) { "<\($0)>" }
    }
}

/// One destination in words: who, where, can, cannot, notes.
private func explanationText(_ summary: AccessSummary) -> String {
    var lines = ["\(summary.destination) (\(summary.specFile))", "  Who:", "    " + summary.who.plainText]
    for principal in summary.principals {
        lines.append("    - " + principal.phrase.plainText)
    }
    lines += ["  Where:", "    " + summary.place.plainText]
    lines.append("  Can:")
    lines += summary.capabilities.map { "    - " + $0.phrase.plainText }
    lines.append("  Cannot:")
    lines += summary.limits.map { "    - " + $0.phrase.plainText }
    if !summary.notes.isEmpty {
        lines.append("  Notes:")
        lines += summary.notes.map { "    - " + $0.phrase.plainText }
    }
    return lines.joined(separator: "\n") + "\n"
}
