/// Renders every output file of one destination: the IAM JSON from the policy model, and one
/// file per template (templates under `partials/` are only included by others). A template
/// that renders to nothing but whitespace produces no file, so a template can decide that its
/// file does not apply to a destination.
public func renderDestination(
    _ destination: Destination, templates: TemplateSet, diagnostics: inout Diagnostics
) -> DestinationOutput? {
    let policies = buildPolicies(for: destination)
    var files: [OutputFile] = []
    // Room for every file from the start (the IAM files and one per template): growing the
    // array would copy it for each few files.
    files.reserveCapacity(3 + templates.outputPaths.count)
    // Each policy is encoded once: for its IAM JSON file, and for templates printing it with `json`.
    var cache = templates.makeCache()
    // Each document's JSON value is built once too: the templates' context holds the same values.
    var documentValues = PolicyValues()
    for (path, name, document) in iamDocuments(policies) {
        let value = document.jsonValue
        documentValues[name] = value
        var json = TextBuffer(capacity: 4096)
        appendJSON(value, pretty: true, into: &json)
        templates.seedPolicyJSON(&cache, name, json.bytes)
        // The file keeps the writer's buffer, as a template's file does: its bytes are not
        // copied again to add the final newline.
        json.appendByte(UInt8(ascii: "\n"))
        files.append(OutputFile(path: path, rendered: json))
    }
    checkPolicySizes(policies, iamFiles: files, of: destination, diagnostics: &diagnostics)
    let summary = summarizeAccess(of: destination, policies: policies, withProbes: false)
    let placeholders = PlaceholderFormats(uses: destination.placeholders)
    let context = templateContext(
        for: destination, policies: policies, documentValues: documentValues, summary: summary, placeholders: placeholders)
    let templatePlaceholders = placeholders.templatePlaceholders
    var failed = false
    for (index, path) in templates.outputPaths.enumerated() {
        guard let text = templates.renderOutput(
            index, context: context, placeholders: templatePlaceholders, cache: &cache, diagnostics: &diagnostics)
        else {
            failed = true
            continue
        }
        if text.isBlank { continue }
        files.append(OutputFile(path: path, rendered: text, isExecutable: path.hasSuffix(".sh")))
    }
    return failed ? nil : DestinationOutput(name: destination.name, files: files)
}
