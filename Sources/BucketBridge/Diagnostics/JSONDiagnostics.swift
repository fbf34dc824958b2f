/// Diagnostics as a JSON array, one object per diagnostic, keys always in this order:
///
///     { "severity": "error", "rule": "BB104", "file": "specs/acme.json", "line": 14, "column": 17,
///       "path": "destinations[0].bucket", "value": "Example_Bucket",
///       "message": "is not a valid S3 bucket name: ...", "hint": null }
///
/// `value` is the offending value as a JSON value and is absent when there is none; `file`,
/// `line`, `column`, `path` and `hint` are null when unknown. `message` is the sentence
/// that follows the value in text output.
func formatDiagnosticsAsJSON(_ diagnostics: [Diagnostic]) -> String {
    encodeJSON(.array(diagnostics.map(\.jsonObject))) + "\n"
}

extension Diagnostic {
    /// The diagnostic as `formatDiagnosticsAsJSON` writes it.
    var jsonObject: JSONValue {
        var members: [JSONValue.Member] = [
            JSONValue.Member("severity", .string(severity.rawValue)),
            JSONValue.Member("rule", .string(rule.id)),
            JSONValue.Member("file", location.map { .string($0.file) } ?? .null),
            JSONValue.Member("line", location.flatMap { $0.line > 0 ? .int($0.line) : nil } ?? .null),
            JSONValue.Member("column", location.flatMap { $0.column > 0 ? .int($0.column) : nil } ?? .null),
            JSONValue.Member("path", path.map { .string($0.description) } ?? .null),
        ]
        if let value { members.append(JSONValue.Member("value", value)) }
        members.append(JSONValue.Member("message", .string(message)))
        members.append(JSONValue.Member("hint", hint.map(JSONValue.string) ?? .null))
        return .object(members)
    }
}
