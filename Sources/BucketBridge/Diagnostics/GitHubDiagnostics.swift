/// Diagnostics as GitHub Actions workflow commands, which the runner turns into annotations on
/// the pull request: `::error file=F,line=L,col=C,title=BB104 bucket-name::path: "value" message`.
/// Warnings use `::warning`, notes `::notice`.
func formatDiagnosticsAsGitHubCommands(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(\.workflowCommand).map { $0 + "\n" }.joined()
}

extension Diagnostic {
    /// One workflow command line, escaped as the runner expects.
    var workflowCommand: String {
        let command =
            switch severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
        var properties: [(String, String)] = []
        if let location {
            properties.append(("file", location.file))
            if location.line > 0 { properties.append(("line", String(location.line))) }
            if location.column > 0 { properties.append(("col", String(location.column))) }
        }
        properties.append(("title", "\(rule.id) \(rule.name)"))
        let list = properties.map { "\($0.0)=\(escapeWorkflowCommand($0.1, isProperty: true))" }.joined(separator: ",")
        return "::\(command) \(list)::\(escapeWorkflowCommand(summary))"
    }
}

/// Escapes text for a workflow command as the runner expects: `%`, CR and LF always; `:` and
/// `,` too in a property value (`file=...`), where they would end the value.
func escapeWorkflowCommand(_ text: String, isProperty: Bool = false) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "%": out += "%25"
        case "\r": out += "%0D"
        case "\n": out += "%0A"
        case ":" where isProperty: out += "%3A"
        case "," where isProperty: out += "%2C"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}
