/// The output format of a template, which decides how `{{ value }}` is escaped by default.
public enum TemplateFormat: String, Sendable, Hashable, CaseIterable {
    /// `.json`: values print as JSON literals.
    case json
    /// `.yaml`, `.yml`: strings print as double-quoted YAML scalars.
    case yaml
    /// `.tf`, `.hcl`: strings print as quoted HCL strings with `${` and `%{` escaped.
    case hcl
    /// `.sh`: strings print as single-quoted shell words.
    case shell
    /// `.md`: strings print as Markdown text with punctuation backslash-escaped.
    case markdown
    /// Anything else: strings need an explicit escaping filter or `raw`.
    case text

    /// The format of a template file, from its extension (case-insensitive).
    public init(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            self = .text
            return
        }
        switch name[name.index(after: dot)...].lowercased() {
        case "json": self = .json
        case "yaml", "yml": self = .yaml
        case "tf", "hcl": self = .hcl
        case "sh": self = .shell
        case "md": self = .markdown
        default: self = .text
        }
    }

    /// Appends the default escape of a string in this format to `out`, placeholders spelt as
    /// `placeholders` says; false (appending nothing) in `text`, or for a shell word holding a
    /// NUL character. The escaped string is written straight into `out`.
    func appendEscaped(_ text: String, placeholders: TemplatePlaceholders, to out: inout TextBuffer) -> Bool {
        switch self {
        case .json: appendJSONString(text, into: &out)
        case .yaml: appendYAMLString(text, placeholders: placeholders.yaml, into: &out)
        case .hcl: appendHCLString(text, placeholders: placeholders.hcl, into: &out)
        case .shell: return appendShellQuoted(text, placeholders: placeholders.shell, into: &out)
        case .markdown: appendEscapedMarkdown(text, into: &out)
        case .text: return false
        }
        return true
    }
}

/// How each format's templates refer to the placeholders inside values: a YAML template (the
/// CloudFormation template) through parameters, an HCL one through Terraform expressions, a
/// shell script through variables. JSON and Markdown show `<NAME>`.
public struct TemplatePlaceholders: Sendable {
    /// References in `.yaml` templates.
    public var yaml: PlaceholderReferences
    /// References in `.tf` and `.hcl` templates.
    public var hcl: PlaceholderReferences
    /// References in `.sh` templates.
    public var shell: PlaceholderReferences

    /// The references of each format; by default named after the placeholders.
    public init(
        yaml: PlaceholderReferences = .cloudFormation(), hcl: PlaceholderReferences = .terraform(),
        shell: PlaceholderReferences = .shell()
    ) {
        self.yaml = yaml
        self.hcl = hcl
        self.shell = shell
    }
}
