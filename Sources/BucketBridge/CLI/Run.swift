/// Exit codes of CONTRACT.md §2.
public enum ExitCode {
    public static let success: Int32 = 0
    /// The spec is invalid, or `--check` found differences.
    public static let invalid: Int32 = 1
    /// Unknown flag, missing file, unreadable file.
    public static let usage: Int32 = 2
}

/// Runs a command line (without the program name) and returns the exit code. Results go to
/// `output`, diagnostics to `errors` (or to `output` in a machine-readable `--format`);
/// nothing here touches the process's own streams.
///
/// The command line only parses and prints: every run is one of `Pipeline`'s.
public func runBucketBridge<Out: TextOutputStream, Err: TextOutputStream>(
    _ arguments: [String], output: inout Out, errors: inout Err
) -> Int32 {
    let report: RunReport
    switch parseCommandLine(arguments) {
    case .failure(let error):
        report = RunReport(errors: "bucketbridge: error: \(error.message)\n\(usageHint(arguments))", status: ExitCode.usage)
    case .success(let command):
        report = run(command)
    }
    output.write(report.output)
    errors.write(report.errors)
    return report.status
}

/// What a command printed and its exit code.
struct RunReport {
    var format = DiagnosticFormat.text
    var output = ""
    var errors = ""
    var status = ExitCode.success
}

/// Runs one parsed command: one case per command of `CommandCatalogue`.
func run(_ command: Command) -> RunReport {
    switch command {
    case .help(let name):
        return RunReport(output: name.flatMap(CommandCatalogue.command(named:)).map(commandHelp) ?? overviewHelp())
    case .version:
        return RunReport(output: "bucketbridge \(BucketBridgeVersion.current)\n")
    case .schema(let markdown):
        return RunReport(output: markdown ? specReferenceMarkdown() : encodeJSON(specSchema) + "\n")
    case .externalID(let prefix, let length):
        return RunReport(output: ExternalIDGenerator.generate(prefix: prefix, length: length) + "\n")
    case .completions(let shell):
        return RunReport(output: completionScript(for: shell))
    case .validate(let arguments):
        var diagnostics = Diagnostics()
        let pipeline = Pipeline(specPaths: arguments.specs, placeholderValues: arguments.placeholderValues)
        let result = capture { () throws(PipelineError) in try pipeline.countValid(diagnostics: &diagnostics) }
        var report = RunReport(format: arguments.format, diagnostics.sorted)
        switch result {
        case .success(let valid):
            report.summary("ok: \(count(valid, "destination")) in \(count(arguments.specs.count, "spec file"))")
        case .failure(let error):
            report.fail(error, diagnostics, summary: "in \(count(arguments.specs.count, "spec file"))")
        }
        return report
    case .verify(let arguments):
        return runVerify(arguments)
    case .explain(let specs, let format, let values):
        var diagnostics = Diagnostics()
        let pipeline = Pipeline(specPaths: specs, placeholderValues: values)
        let result = capture { () throws(PipelineError) in try pipeline.explain(diagnostics: &diagnostics) }
        var report = RunReport(format: .text, diagnostics.sorted)
        switch result {
        case .success(let summaries): report.output += renderExplanation(summaries, format: format)
        case .failure(let error): report.fail(error, diagnostics, summary: "in \(count(specs.count, "spec file"))")
        }
        return report
    case .show(let arguments):
        var diagnostics = Diagnostics()
        let pipeline = Pipeline(specPaths: arguments.specs, templateOverrides: arguments.templates, placeholderValues: arguments.placeholderValues)
        let result = capture { () throws(PipelineError) in
            try pipeline.show(file: arguments.file, destination: arguments.destination, diagnostics: &diagnostics)
        }
        var report = RunReport(format: .text, diagnostics.sorted)
        switch result {
        case .success(let bytes): report.output += String(decoding: bytes, as: UTF8.self)
        case .failure(let error): report.fail(error, diagnostics, summary: "in \(count(arguments.specs.count, "spec file"))")
        }
        return report
    case .render(let arguments):
        return runRender(arguments)
    }
}

/// `verify`: the differences as diagnostics in the chosen format, and a closing line.
private func runVerify(_ arguments: VerifyArguments) -> RunReport {
    var diagnostics = Diagnostics()
    let pipeline = Pipeline(specPaths: arguments.specs, placeholderValues: arguments.placeholderValues)
    let result = capture { () throws(PipelineError) in
        try pipeline.verify(destination: arguments.destination, inputs: arguments.inputs, diagnostics: &diagnostics)
    }
    var report = RunReport(format: arguments.format, diagnostics.sorted)
    switch result {
    case .success(let verification) where verification.findings.isEmpty && !diagnostics.hasErrors:
        report.summary("ok: the documents grant exactly what destination \(verification.destination) specifies")
    case .success(let verification):
        let unread = verification.findings.isEmpty ? "; a document could not be read" : ""
        report.errors += "bucketbridge: \(count(verification.findings.count, "difference")) from destination \(verification.destination)\(unread)\n"
        report.status = ExitCode.invalid
    case .failure(let error):
        report.fail(error, diagnostics, summary: "in \(count(arguments.specs.count, "spec file"))")
    }
    return report
}

/// `render`, and `render --check` with its list of differences and their diffs.
private func runRender(_ arguments: RenderArguments) -> RunReport {
    let pipeline = Pipeline(specPaths: arguments.specs, templateOverrides: arguments.templates, placeholderValues: arguments.placeholderValues)
    let out = normaliseFolder(arguments.out)
    var diagnostics = Diagnostics()
    guard arguments.check else {
        let result = capture { () throws(PipelineError) in try pipeline.render(into: out, diagnostics: &diagnostics) }
        var report = RunReport(format: arguments.format, diagnostics.sorted)
        switch result {
        case .success(let written): report.summary("rendered \(count(written, "destination")) into \(out)/")
        case .failure(let error): report.fail(error, diagnostics, summary: "; nothing was written")
        }
        return report
    }
    let result = capture { () throws(PipelineError) in try pipeline.check(against: out, diagnostics: &diagnostics) }
    guard case .success(let differences) = result, !differences.isEmpty else {
        var report = RunReport(format: arguments.format, diagnostics.sorted)
        if case .failure(let error) = result { report.fail(error, diagnostics, summary: "; nothing was written") }
        return report
    }
    var report = RunReport(format: arguments.format, diagnostics.sorted + differences.map(\.diagnostic))
    if arguments.format == .text { report.errors += differences.map { $0.description + "\n" }.joined() }
    // The diffs are results: on stdout, unless a JSON document already owns it.
    let diffs = differences.map(\.diff).joined()
    if arguments.format == .json || arguments.format == .sarif { report.errors += diffs } else { report.output += diffs }
    report.errors += "bucketbridge: \(count(differences.count, "file")) out of date; run the same command without --check to update\n"
    report.status = ExitCode.invalid
    return report
}

extension RunReport {
    /// A report holding the diagnostics in `format` (text on stderr, the others on stdout).
    /// In `text`, a difference found by `--check` is listed by the caller instead.
    init(format: DiagnosticFormat, _ diagnostics: [Diagnostic]) {
        self.format = format
        let shown = format == .text ? diagnostics.filter { $0.rule != .staleOutput } : diagnostics
        if format.writesToStandardOutput {
            output = format.format(shown)
        } else {
            errors = format.format(shown)
        }
    }

    /// The closing line of a successful run: on stdout in `text`, else on stderr.
    mutating func summary(_ line: String) {
        if format.writesToStandardOutput { errors += line + "\n" } else { output += line + "\n" }
    }

    /// Records why a run stopped and its exit code.
    mutating func fail(_ error: PipelineError, _ diagnostics: Diagnostics, summary: String) {
        switch error {
        case .usage(let usage):
            errors += "bucketbridge: error: \(usage.message)\n"
            status = ExitCode.usage
        case .invalid:
            let errorCount = diagnostics.filter { $0.severity == .error }.count
            errors += "bucketbridge: \(count(errorCount, "error"))\(summary.hasPrefix(";") ? "" : " ")\(summary)\n"
            status = ExitCode.invalid
        case .io(let failure):
            errors += "\(failure)\nbucketbridge: nothing was written\n"
            status = ExitCode.invalid
        }
    }
}

/// A pipeline run's outcome as a value (like `Result(catching:)`, without relying on the
/// standard library's typed-throws version of it on older macOS).
private func capture<Success>(_ body: () throws(PipelineError) -> Success) -> Result<Success, PipelineError> {
    do throws(PipelineError) {
        return .success(try body())
    } catch {
        return .failure(error)
    }
}

/// After a usage error: where to read about the command that was typed.
private func usageHint(_ arguments: [String]) -> String {
    if let name = arguments.first, CommandCatalogue.command(named: name) != nil {
        return "Run 'bucketbridge \(name) --help' for usage.\n"
    }
    return "Run 'bucketbridge --help' for usage.\n"
}

/// `1 file`, `2 files`.
func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
}

/// `out/` → `out`, keeping `/` itself.
private func normaliseFolder(_ path: String) -> String {
    var path = path
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    return path.isEmpty ? "." : path
}
