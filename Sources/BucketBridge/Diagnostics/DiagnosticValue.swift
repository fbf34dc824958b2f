/// How a diagnostic's value is shown in text: strings quoted in JSON syntax (so control
/// characters stay visible), containers abbreviated, long strings shortened with their length.
enum DiagnosticValue {
    /// Strings longer than this many characters are shortened in text.
    static let maximumShown = 200
    /// How many characters of a shortened string are kept.
    static let keptWhenShortened = 80
}

/// The value as a diagnostic line shows it: `"Example_Bucket"`, `3600.5`, `[...]`, or
/// `"aaaa…" (5,000 characters)` for a long string.
func displayValue(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool(let flag): flag ? "true" : "false"
    case .int(let number): String(number)
    case .number(let text): text
    case .array: "[...]"
    case .object: "{...}"
    case .string(let text):
        shortened(text)
    }
}

/// A quoted string, shortened when it is longer than `DiagnosticValue.maximumShown` characters.
private func shortened(_ text: String) -> String {
    let length = text.unicodeScalars.count
    guard length > DiagnosticValue.maximumShown else { return quotedForDiagnostic(text) }
    var kept = String.UnicodeScalarView()
    kept.append(contentsOf: text.unicodeScalars.prefix(DiagnosticValue.keptWhenShortened))
    return quotedForDiagnostic(String(kept) + "…") + " (\(groupedThousands(length)) characters)"
}

/// `5000` → `5,000`.
func groupedThousands(_ number: Int) -> String {
    var digits = String(number)
    var index = digits.endIndex
    while digits.distance(from: digits.startIndex, to: index) > 3 {
        index = digits.index(index, offsetBy: -3)
        digits.insert(",", at: index)
    }
    return digits
}
