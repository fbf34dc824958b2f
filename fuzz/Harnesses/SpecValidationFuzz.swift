// libFuzzer harness: spec decoding with validation (`validateFile`, Sources/BucketBridge/Validation/).
//
// Any bytes must give valid destinations or diagnostics with positions inside the file. A spec
// that validates must then build its policies and render with the built-in templates without a
// template error, and its IAM JSON must read back as JSON: validation is what stands between
// hostile text and every writer.
@testable import BucketBridge

/// The built-in templates, parsed once.
let fuzzBuiltInTemplates: TemplateSet = {
    var diagnostics = Diagnostics()
    let templates = TemplateSet(sources: EmbeddedTemplates.files, diagnostics: &diagnostics)
    requireFuzz(!diagnostics.hasErrors, "the built-in templates do not parse")
    return templates
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpecValidation(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = SourceFile(name: "fuzz.json", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let result = validateFile(file)
    requireFuzzPositions(result.diagnostics, in: file)
    if !result.diagnostics.hasErrors {
        requireFuzz(!result.destinations.isEmpty, "a spec without errors has no destination")
    }
    var validator = SpecValidator()
    var diagnostics = Diagnostics()
    let destinations = validator.merge(result, diagnostics: &diagnostics)
    if diagnostics.hasErrors { return 0 }
    // Rendering is the expensive part (most of an execution): the first destination shows
    // what any of them would, as the fuzzer mutates them all alike.
    for destination in destinations.prefix(1) {
        var renderDiagnostics = Diagnostics()
        let output = renderDestination(destination, templates: fuzzBuiltInTemplates, diagnostics: &renderDiagnostics)
        let templateErrors = renderDiagnostics.filter { $0.severity == .error && $0.location?.file != file.name }
        requireFuzz(templateErrors.isEmpty, "a valid spec fails to render: \(templateErrors.map(\.description))")
        for iamFile in output?.files ?? [] where iamFile.path.hasPrefix("iam/") {
            var jsonDiagnostics = Diagnostics()
            let parsed = parseJSON(SourceFile(name: iamFile.path, bytes: iamFile.contents), diagnostics: &jsonDiagnostics)
            requireFuzz(parsed != nil && !jsonDiagnostics.hasErrors, "\(iamFile.path) is not valid JSON")
        }
    }
    return 0
}
