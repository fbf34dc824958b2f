/// How `validate`, `render` (and later `verify`) print their diagnostics: `--format`.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `file:line:col: error: path: "value" message (hint)` lines on stderr (CONTRACT.md §2).
    case text
    /// A JSON array of objects on stdout (`formatDiagnosticsAsJSON`).
    case json
    /// GitHub Actions workflow commands on stdout: `::error file=F,line=L,col=C::message`.
    case github
    /// A SARIF 2.1.0 log on stdout, for code scanning.
    case sarif

    /// True when the diagnostics go to stdout; `text` goes to stderr with the other messages.
    public var writesToStandardOutput: Bool { self != .text }

    /// The diagnostics in this format, each ending in a newline (empty text for none in `text`
    /// and `github`; an empty array or log in `json` and `sarif`).
    public func format(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text: formatDiagnosticsAsText(diagnostics)
        case .json: formatDiagnosticsAsJSON(diagnostics)
        case .github: formatDiagnosticsAsGitHubCommands(diagnostics)
        case .sarif: formatDiagnosticsAsSARIF(diagnostics)
        }
    }
}
