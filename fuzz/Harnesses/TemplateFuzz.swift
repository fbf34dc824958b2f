// libFuzzer harness: the template parser with rendering (`TemplateSet`, Sources/BucketBridge/Templates/).
//
// The input is up to three templates separated by NUL bytes: the template rendered, then
// `partials/a.md` and `partials/b.json`, which it may include. The first byte picks the main
// template's format (JSON, YAML, HCL, shell, Markdown or plain text). The context is the real
// one of a destination with every feature and a placeholder, so templates see real policies,
// access summary, facts and placeholder tokens. Any
// source must parse or give errors with positions, and render or give errors; printing a
// template's own output never crashes.
@testable import BucketBridge

/// The context and placeholders a template sees for a role-and-bucket-policy destination with
/// KMS, tags, TLS and a placeholder, built the way `renderDestination` builds them.
let fuzzTemplateInputs: (context: JSONValue, placeholders: TemplatePlaceholders) = {
    let spec = """
        {"version": 1, "placeholders": {"EXTERNAL_ID": "The external ID the vendor shows you"},
        "destinations": [{
          "name": "acme-fuzz", "description": "Vendor \\"Q\\" reads ${acme} & writes 'logs' `now`",
          "vendor": "Fuzz & Co <ops>", "bucket": "acme-fuzz-data", "prefix": "in/#1/", "region": "us-west-2",
          "access": "read-write", "grant": "role-and-bucket-policy", "requireTls": true,
          "kmsKeyArn": "arn:aws:kms:us-west-2:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab",
          "trustedPrincipals": ["arn:aws:iam::111122223333:role/fuzz", "210987654321"],
          "externalId": "<EXTERNAL_ID>",
          "role": {"name": "FuzzAccess", "path": "/vendors/", "accountId": "666666666666",
            "permissionsBoundary": "arn:aws:iam::666666666666:policy/boundary",
            "tags": {"owner": "data team", "cost": "42"}}
        }]}
        """
    let result = validateFile(SourceFile(name: "context.json", text: spec))
    requireFuzz(!result.diagnostics.hasErrors && result.destinations.count == 1, "the context spec is invalid: \(result.diagnostics.map(\.description))")
    let destination = result.destinations[0]
    let policies = buildPolicies(for: destination)
    let placeholders = PlaceholderFormats(uses: destination.placeholders)
    let summary = summarizeAccess(of: destination, policies: policies)
    let context = templateContext(
        for: destination, policies: policies, documentValues: PolicyValues(policies), summary: summary, placeholders: placeholders)
    return (context, placeholders.templatePlaceholders)
}()

/// Main template paths by the input's first byte.
let fuzzTemplatePaths = ["fuzz.json", "fuzz.yaml", "fuzz.tf", "fuzz.sh", "fuzz.md", "fuzz.txt"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let path = fuzzTemplatePaths[Int(data[0]) % fuzzTemplatePaths.count]
    let parts = UnsafeBufferPointer(start: data + 1, count: size - 1)
        .split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    var sources = [path: parts[0]]
    if parts.count > 1 { sources["partials/a.md"] = parts[1] }
    if parts.count > 2 { sources["partials/b.json"] = parts[2] }
    var diagnostics = Diagnostics()
    let templates = TemplateSet(sources: sources, diagnostics: &diagnostics)
    for diagnostic in diagnostics { _ = diagnostic.description }
    var renderDiagnostics = Diagnostics()
    var cache = TemplateCache()
    let text = templates.render(
        path, context: fuzzTemplateInputs.context, placeholders: fuzzTemplateInputs.placeholders, cache: &cache,
        diagnostics: &renderDiagnostics)
    requireFuzz((text == nil) == renderDiagnostics.hasErrors, "render returned \(text == nil ? "no text" : "text") with \(renderDiagnostics.count) diagnostics")
    if diagnostics.contains(where: { $0.severity == .error && $0.location?.file == path }) {
        requireFuzz(text == nil, "a template with errors rendered")
    }
    for diagnostic in renderDiagnostics { _ = diagnostic.description }
    return 0
}
