/// Reading and validating specs a batch of destinations at a time, so that a run's memory
/// does not grow with the number of destinations beyond what the run-wide rules keep (each
/// name and bucket-policy Sid, with its position).
extension Pipeline {
    /// Destinations read, validated and rendered together by default: enough to keep every
    /// core busy, few enough that their trees and rendered files take little memory.
    static let defaultBatchSize = 256

    /// Reads every spec file in order and validates its destinations `batchSize` at a time on
    /// every core. After each batch, its diagnostics and those of the run-wide rules over it are
    /// in `diagnostics`, and `body` gets its valid destinations in file order; a batch's trees
    /// and destinations are dropped before the next one is read. A spec file's bytes are kept
    /// while its destinations are read (positions and the skimmed elements point into them).
    ///
    /// An unreadable file and an undeclared `--set` name are usage errors, thrown when reached.
    func validateInBatches(
        diagnostics: inout Diagnostics,
        _ body: ([Destination], inout Diagnostics) throws(PipelineError) -> Void
    ) throws(PipelineError) {
        var validator = SpecValidator()
        var declared: Set<String> = []
        for path in specPaths {
            let file = try readInputFile(path)
            guard let skimmed = parseJSON(file, skimmingElementsOf: "destinations", diagnostics: &diagnostics),
                let header = decodeSpecHeader(skimmed.root, diagnostics: &diagnostics)
            else { continue }
            declared.formUnion(header.placeholders.map(\.name))
            let offsets = header.list == nil ? [] : skimmed.skimmedOffsets
            if let list = header.list, offsets.isEmpty {
                diagnostics.error(at: list.location, path: list.path, value: .array([]), Message.noDestinations)
            }
            let listPath = FieldPath.root.appending("destinations")
            let scope = PlaceholderScope(declarations: header.placeholders, values: placeholderValues)
            var used: Set<String> = []
            var validationFailed = false
            for start in stride(from: 0, to: offsets.count, by: batchSize) {
                let end = min(start + batchSize, offsets.count)
                let validated = parallelMap(count: end - start) { offset -> (Diagnostics, DestinationValidation?) in
                    let index = start + offset
                    var local = Diagnostics()
                    guard let element = parseJSONElement(in: file, at: offsets[index], path: listPath.appending(index: index), diagnostics: &local),
                        let source = decodeDestination(element, index: index, defaults: header.defaults, diagnostics: &local)
                    else { return (local, nil) }
                    return (local, validateSource(source, specFile: file.name, placeholders: scope))
                }
                var batch = FileValidation(destinations: [], diagnostics: Diagnostics(), names: [])
                for (decoding, validation) in validated {
                    batch.diagnostics.append(contentsOf: decoding)
                    guard let validation else { continue }
                    batch.add(validation)
                    validationFailed = validationFailed || validation.diagnostics.hasErrors
                    for use in validation.destination?.placeholders ?? [] { used.insert(use.name) }
                }
                let destinations = validator.merge(batch, diagnostics: &diagnostics)
                try body(destinations, &diagnostics)
            }
            if !validationFailed {
                diagnostics.append(contentsOf: unusedPlaceholderWarnings(header.placeholders, used: used, values: placeholderValues))
            }
        }
        if let undeclared = placeholderValues.keys.sorted().first(where: { !declared.contains($0) }) {
            throw .usage(UsageError(message: "--set \(undeclared): no spec declares the placeholder \(undeclared)" +
                (declared.isEmpty ? "" : " (declared: \(declared.sorted().joined(separator: ", ")))")))
        }
    }
}
