/// The one place that names the stages of a run:
///
///     read specs → validate → build policies and access summary → render → write or check
///
/// Each stage appends to a `Diagnostics` collection and carries on; the pipeline checks for
/// errors only between stages, and writes nothing when any stage found one. The command line
/// parses arguments, calls one of the runs below and prints what it returns.
public struct Pipeline: Sendable, Equatable {
    /// The spec files, as the user named them.
    public var specPaths: [String]
    /// `--templates DIR`: a folder whose files replace the built-in templates of the same path.
    public var templateOverrides: String?
    /// `--set NAME=VALUE`: values for declared placeholders, validated as if written in the spec.
    public var placeholderValues: [String: String]
    /// How many destinations are read, validated and rendered together (tests make it small).
    var batchSize = Pipeline.defaultBatchSize

    /// A pipeline over `specPaths`, rendering with the built-in templates overlaid by
    /// `templateOverrides`, with `placeholderValues` filled in.
    public init(specPaths: [String], templateOverrides: String? = nil, placeholderValues: [String: String] = [:]) {
        self.specPaths = specPaths
        self.templateOverrides = templateOverrides
        self.placeholderValues = placeholderValues
    }

    // MARK: Runs

    /// Reads and validates every spec; returns the valid destinations (`explain` uses them).
    public func validate(diagnostics: inout Diagnostics) throws(PipelineError) -> [Destination] {
        let destinations = try readAndValidate(diagnostics: &diagnostics)
        if diagnostics.hasErrors { throw .invalid }
        return destinations
    }

    /// `validate`: reads and validates every spec a batch at a time, keeping no destination;
    /// returns how many are valid.
    public func countValid(diagnostics: inout Diagnostics) throws(PipelineError) -> Int {
        var count = 0
        try validateInBatches(diagnostics: &diagnostics) { destinations, _, _ in count += destinations.count }
        if diagnostics.hasErrors { throw .invalid }
        return count
    }

    /// How many destinations `render` holds back, validated but not rendered, until it knows
    /// every destination is valid, when `staged` are rendered already: it then renders them
    /// beside the renames that move the others in. A rename takes about as long as a thirtieth
    /// of a render on one core, so a thirty-second of those staged, at least a batch; at most
    /// 4,096 (about 8 MB of destinations), so memory stays flat however many there are.
    func holdBack(staged: Int) -> Int {
        min(max(batchSize, staged / 32), 4_096)
    }

    /// `render`: validates every destination and renders the valid ones a batch at a time
    /// into a staging folder under `out`; when all are valid, swaps every destination folder in.
    /// With any error the staging folder is removed and nothing under `out` changes. Returns
    /// how many destinations were written.
    public func render(into out: String, diagnostics: inout Diagnostics) throws(PipelineError) -> Int {
        let templates = try loadTemplates(diagnostics: &diagnostics)
        var writer: OutputWriter?
        var staged: [StagedDestination] = []
        // The last batches validated, not rendered yet (see `holdBack`).
        var held: [Destination] = []
        do throws(PipelineError) {
            try validateInBatches(diagnostics: &diagnostics) { destinations, isLast, diagnostics throws(PipelineError) in
                // Once anything is wrong, the rest is only validated.
                guard !diagnostics.hasErrors else {
                    held = []
                    return
                }
                do throws(IOError) {
                    let current: OutputWriter
                    if let writer { current = writer } else { current = try OutputWriter(root: out) }
                    writer = current
                    held += destinations
                    if !isLast {
                        // What is beyond the last `holdBack` destinations is rendered now.
                        let ready = held.count - holdBack(staged: staged.count)
                        guard ready > 0 else { return }
                        staged += try renderInParallel(Array(held[..<ready]), templates: templates, diagnostics: &diagnostics) { output throws(IOError) in
                            try current.stage(output)
                        }
                        held.removeFirst(ready)
                        return
                    }
                    // Every destination is valid now: the new ones staged so far move in while
                    // the held ones render (one task beside them all), instead of after, on one
                    // core. Should anything still fail, `abort` moves them back out.
                    let side = staged.isEmpty ? nil : current.moveInAhead(of: staged)
                    let last = held
                    held = []
                    staged += try renderInParallel(
                        last, templates: templates, diagnostics: &diagnostics, chunkSize: max(last.count, 1), alongside: side
                    ) { output throws(IOError) in
                        try current.stage(output)
                    }
                } catch {
                    throw .io(error)
                }
            }
            // Nothing is held now unless there are errors: without errors the last spec file
            // has destinations (an empty or missing list is an error), so `body` saw `isLast`.
            if diagnostics.hasErrors { throw .invalid }
            do throws(IOError) {
                if writer == nil { writer = try OutputWriter(root: out) }
                try writer?.commit(staged)
            } catch {
                throw .io(error)
            }
        } catch {
            writer?.abort()
            throw error
        }
        return staged.count
    }

    /// `render --check`: renders in memory, a batch at a time, and compares with the files under
    /// `out`, writing nothing of its own. Returns every difference, with the expected bytes for a
    /// diff. It holds the `--out` lock while it compares, and cleans up after killed renders first.
    public func check(against out: String, diagnostics: inout Diagnostics) throws(PipelineError) -> [OutputDifference] {
        let templates = try loadTemplates(diagnostics: &diagnostics)
        // Taken before the first comparison; nil when `out` does not exist.
        var locked = false
        var lock: OutputLock?
        defer { lock?.release() }
        var differences: [OutputDifference] = []
        try validateInBatches(diagnostics: &diagnostics) { destinations, _, diagnostics throws(PipelineError) in
            guard !diagnostics.hasErrors else { return }
            do throws(IOError) {
                if !locked {
                    lock = try OutputLock.forCheck(out)
                    locked = true
                }
                differences += try renderInParallel(destinations, templates: templates, diagnostics: &diagnostics) { output throws(IOError) in
                    try checkOutput(output, in: out)
                }.joined()
            } catch {
                throw .io(error)
            }
        }
        if diagnostics.hasErrors { throw .invalid }
        return differences
    }

    /// `explain`: the access summary of every destination, built from its policies.
    public func explain(diagnostics: inout Diagnostics) throws(PipelineError) -> [AccessSummary] {
        try validate(diagnostics: &diagnostics).map { summarizeAccess(of: $0, policies: buildPolicies(for: $0)) }
    }

    /// `show`: one rendered file of one destination, byte for byte what `render` writes, without
    /// writing anything. `destination` may be left out when the specs hold one destination.
    public func show(file: String, destination name: String?, diagnostics: inout Diagnostics) throws(PipelineError) -> [UInt8] {
        let (destinations, templates) = try prepare(diagnostics: &diagnostics)
        let destination = try choose(name, from: destinations, for: "show")
        guard let output = renderDestination(destination, templates: templates, diagnostics: &diagnostics), !diagnostics.hasErrors else {
            throw .invalid
        }
        guard let found = output.files.first(where: { $0.path == file }) else {
            let available = output.files.map(\.path).sorted().joined(separator: ", ")
            throw .usage(UsageError(message: "\(file): the destination \(destination.name) has no such file; it has \(available)"))
        }
        return found.contents
    }

    /// The destination `name` names, or the only one; a usage error otherwise.
    func choose(_ name: String?, from destinations: [Destination], for command: String) throws(PipelineError) -> Destination {
        let names = destinations.map(\.name).joined(separator: ", ")
        if let name {
            guard let found = destinations.first(where: { $0.name == name }) else {
                let hint = closestMatch(to: name, in: destinations.map(\.name)).map { " (did you mean \(quotedForDiagnostic($0))?)" } ?? ""
                throw .usage(UsageError(message: "--destination \(quotedForDiagnostic(name)): no such destination\(hint); the specs hold \(names)"))
            }
            return found
        }
        guard destinations.count == 1 else {
            throw .usage(UsageError(message: "\(command): the specs hold \(destinations.count) destinations; choose one with --destination (\(names))"))
        }
        return destinations[0]
    }

    // MARK: Stages

    /// Reads and validates every spec file (an unreadable one is a usage error); returns the
    /// valid destinations of all of them, in input order.
    func readAndValidate(diagnostics: inout Diagnostics) throws(PipelineError) -> [Destination] {
        var all: [Destination] = []
        try validateInBatches(diagnostics: &diagnostics) { destinations, _, _ in all += destinations }
        return all
    }

    /// The built-in templates, overlaid by `--templates DIR` when given. A missing or
    /// unreadable folder is a usage error; broken templates are diagnostics.
    func loadTemplates(diagnostics: inout Diagnostics) throws(PipelineError) -> TemplateSet {
        var loader: any TemplateLoader = EmbeddedTemplateLoader()
        if let templateOverrides {
            guard FileSystem.kind(of: templateOverrides, following: true) == .directory else {
                throw .usage(UsageError(message: "--templates: \(templateOverrides): no such folder"))
            }
            loader = OverlayTemplateLoader(primary: DirectoryTemplateLoader(root: templateOverrides), fallback: loader)
        }
        do {
            return try TemplateSet(loader: loader, diagnostics: &diagnostics)
        } catch {
            throw .usage(UsageError(message: "--templates: \(error)"))
        }
    }

    /// Validated destinations and parsed templates, or the reason to stop before rendering.
    private func prepare(diagnostics: inout Diagnostics) throws(PipelineError) -> ([Destination], TemplateSet) {
        let destinations = try readAndValidate(diagnostics: &diagnostics)
        let templates = try loadTemplates(diagnostics: &diagnostics)
        if diagnostics.hasErrors { throw .invalid }
        return (destinations, templates)
    }

    /// An input file's bytes (a spec, or a policy for `verify`), or the usage error that
    /// names why it cannot be read.
    func readInputFile(_ path: String, what: String = "spec file") throws(PipelineError) -> SourceFile {
        switch FileSystem.kind(of: path, following: true) {
        case nil: throw .usage(UsageError(message: "\(path): no such file"))
        case .directory: throw .usage(UsageError(message: "\(path): is a folder, not a \(what)"))
        default: break
        }
        let bytes: [UInt8]?
        do throws(IOError) {
            bytes = try FileSystem.read(path)
        } catch {
            throw .usage(UsageError(message: "\(path): \(error.message)"))
        }
        guard let bytes else { throw .usage(UsageError(message: "\(path): not a regular file")) }
        return SourceFile(name: path, bytes: bytes)
    }
}

/// Why a run stopped. The command line maps each case to its exit code.
public enum PipelineError: Error, Sendable {
    /// The command cannot run as given (missing file, missing folder): exit 2.
    case usage(UsageError)
    /// The diagnostics hold at least one error: exit 1, nothing written.
    case invalid
    /// Writing or comparing the output failed: exit 1, nothing written.
    case io(IOError)
}

/// A command line that cannot be run: exit code 2.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming what the user typed.
    public var message: String

    /// A usage error with its message.
    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
