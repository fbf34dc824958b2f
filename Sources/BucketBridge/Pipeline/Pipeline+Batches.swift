/// Reading and validating specs a batch of destinations at a time, so that a run's memory
/// does not grow with the number of destinations beyond what the run-wide rules keep (each
/// name and bucket-policy Sid, with its position).
extension Pipeline {
    /// Destinations read, validated and rendered together by default: enough to keep every
    /// core busy, few enough that their trees and rendered files take little memory.
    static let defaultBatchSize = 256

    /// Reads every spec file in order and validates its destinations up to `batchSize` at a time on
    /// every core. After each batch, its diagnostics and those of the run-wide rules over it are
    /// in `diagnostics`, and `body` gets its valid destinations in file order; a batch's trees
    /// and destinations are dropped before the next one is read. A spec file's bytes are kept
    /// while its destinations are read (positions and the skimmed elements point into them).
    ///
    /// The merge of a batch (its diagnostics, the run-wide rules) runs on one core while the
    /// others validate the next batch, and the destinations `body` had are freed there too:
    /// nothing but `body` waits for one core. The order of diagnostics and of `body` calls is
    /// that of a run without batches.
    ///
    /// `body`'s `isLast` is true for the last batch of the last spec file: every destination of
    /// the run has been validated and merged by then.
    ///
    /// An unreadable file and an undeclared `--set` name are usage errors, thrown when reached.
    func validateInBatches(
        diagnostics: inout Diagnostics,
        _ body: (_ destinations: [Destination], _ isLast: Bool, inout Diagnostics) throws(PipelineError) -> Void
    ) throws(PipelineError) {
        let merger = BatchMerger(diagnostics: diagnostics)
        diagnostics = Diagnostics()
        defer { diagnostics = merger.diagnostics }
        var declared: Set<String> = []
        for (fileIndex, path) in specPaths.enumerated() {
            let file = try readInputFile(path)
            guard let skimmed = parseJSON(file, skimmingElementsOf: "destinations", diagnostics: &merger.diagnostics),
                let header = decodeSpecHeader(skimmed.root, diagnostics: &merger.diagnostics)
            else { continue }
            declared.formUnion(header.placeholders.map(\.name))
            let offsets = header.list == nil ? [] : skimmed.skimmedOffsets
            if let list = header.list, offsets.isEmpty {
                merger.diagnostics.error(at: list.location, path: list.path, value: .array([]), Message.noDestinations)
            }
            let listPath = FieldPath.root.appending("destinations")
            let scope = PlaceholderScope(declarations: header.placeholders, values: placeholderValues)
            merger.startFile()
            // Batches of at most `batchSize`, as equal as can be: the last one is not a handful
            // of destinations, so a render has a whole batch to render while it moves the
            // others in (see `Pipeline.render`).
            let batches = (offsets.count + batchSize - 1) / batchSize
            let size = batches > 1 ? (offsets.count + batches - 1) / batches : batchSize
            // Each pass validates the batch from `start` while the one before it is merged; the
            // last pass validates nothing and only merges.
            var start = 0
            var merging = false
            repeat {
                let first = start, end = min(start + size, offsets.count)
                let validated = parallelMap(count: end - start, alongside: merging ? merger.mergePending : nil) { offset -> ValidatedElement in
                    let index = first + offset
                    var local = Diagnostics()
                    guard let element = parseJSONElement(in: file, at: offsets[index], path: listPath.appending(index: index), diagnostics: &local),
                        let source = decodeDestination(element, index: index, defaults: header.defaults, diagnostics: &local)
                    else { return ValidatedElement(decoding: local, validation: nil) }
                    return ValidatedElement(decoding: local, validation: validateSource(source, specFile: file.name, placeholders: scope))
                }
                if merging {
                    let destinations = merger.takeMerged()
                    let isLast = end == start && fileIndex == specPaths.count - 1
                    try body(destinations, isLast, &merger.diagnostics)
                    merger.retire(destinations)
                }
                merger.pending = validated
                merging = end > start
                start = end
            } while merging
            if !merger.validationFailed {
                merger.diagnostics.append(contentsOf: unusedPlaceholderWarnings(header.placeholders, used: merger.used, values: placeholderValues))
            }
        }
        if let undeclared = placeholderValues.keys.sorted().first(where: { !declared.contains($0) }) {
            throw .usage(UsageError(message: "--set \(undeclared): no spec declares the placeholder \(undeclared)" +
                (declared.isEmpty ? "" : " (declared: \(declared.sorted().joined(separator: ", ")))")))
        }
    }
}

/// One destination element of a batch: the diagnostics of reading it, and its validation
/// (nil when it could not be read).
struct ValidatedElement: Sendable {
    var decoding: Diagnostics
    var validation: DestinationValidation?
}

/// What `validateInBatches` merges batch after batch: the run's diagnostics, the run-wide
/// rules, and per spec file the placeholders its destinations use.
///
/// A class so that `mergePending` can run on another core while the caller validates the next
/// batch. One thread at a time touches it: `mergePending` runs inside a `parallelMap` that
/// the caller waits for, and the caller touches it only before and after.
final class BatchMerger: @unchecked Sendable {
    var diagnostics: Diagnostics
    /// The last batch validated, waiting for `mergePending`.
    var pending: [ValidatedElement] = []
    /// The placeholders the current file's destinations use.
    private(set) var used: Set<String> = []
    /// True when a destination of the current file has an error.
    private(set) var validationFailed = false
    private var validator = SpecValidator()
    /// The valid destinations of the batch `mergePending` merged last.
    private var merged: [Destination] = []
    /// Destinations done with, freed by the next `mergePending`.
    private var retired: [Destination] = []

    init(diagnostics: Diagnostics) {
        self.diagnostics = diagnostics
    }

    /// Starts a spec file: the placeholders it uses are counted afresh.
    func startFile() {
        used = []
        validationFailed = false
    }

    /// Merges `pending` in file order: its diagnostics, the run-wide rules over it (reported
    /// into `diagnostics`), its valid destinations into `merged`. Frees what was retired.
    func mergePending() {
        retired = []
        let batch = pending
        pending = []
        var file = FileValidation(destinations: [], diagnostics: Diagnostics(), names: [])
        for element in batch {
            file.diagnostics.append(contentsOf: element.decoding)
            guard let validation = element.validation else { continue }
            file.add(validation)
            validationFailed = validationFailed || validation.diagnostics.hasErrors
            for use in validation.destination?.placeholders ?? [] { used.insert(use.name) }
        }
        merged = validator.merge(file, diagnostics: &diagnostics)
    }

    /// The destinations `mergePending` merged last; they are no longer kept here.
    func takeMerged() -> [Destination] {
        defer { merged = [] }
        return merged
    }

    /// Hands over destinations done with, to be freed by the next `mergePending` (on whichever
    /// core runs it) rather than by the caller.
    func retire(_ destinations: [Destination]) {
        retired = destinations
    }
}
