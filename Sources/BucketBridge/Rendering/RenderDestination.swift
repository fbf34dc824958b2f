/// Renders every output file of one destination: the IAM JSON from the policy model, and one
/// file per template (templates under `partials/` are only included by others). A template
/// that renders to nothing but whitespace produces no file, so a template can decide that its
/// file does not apply to a destination.
public func renderDestination(
    _ destination: Destination, templates: TemplateSet, diagnostics: inout Diagnostics
) -> DestinationOutput? {
    let policies = buildPolicies(for: destination)
    var files = renderIAMJSON(policies)
    checkPolicySizes(policies, iamFiles: files, of: destination, diagnostics: &diagnostics)
    let summary = summarizeAccess(of: destination, policies: policies)
    let placeholders = PlaceholderFormats(uses: destination.placeholders)
    let context = templateContext(for: destination, policies: policies, summary: summary, placeholders: placeholders)
    var failed = false
    var cache = TemplateCache()
    for path in templates.outputPaths {
        guard let text = templates.render(
            path, context: context, placeholders: placeholders.templatePlaceholders, cache: &cache, diagnostics: &diagnostics)
        else {
            failed = true
            continue
        }
        if text.allSatisfy(\.isWhitespace) { continue }
        files.append(OutputFile(path: path, text: text, isExecutable: path.hasSuffix(".sh")))
    }
    return failed ? nil : DestinationOutput(name: destination.name, files: files)
}

extension TemplateSet {
    /// The templates that become output files: all but those under `partials/`, sorted.
    var outputPaths: [String] {
        paths.filter { !$0.hasPrefix("partials/") }.sorted()
    }
}
