/// Exit codes of CONTRACT.md §2.
public enum ExitCode {
    public static let success: Int32 = 0
    /// The spec is invalid, or `--check` found differences.
    public static let invalid: Int32 = 1
    /// Unknown flag, missing file, unreadable file.
    public static let usage: Int32 = 2
}

/// Runs a command line (without the program name) and returns the exit code. Results go to
/// `output`, diagnostics to `errors`; nothing here touches the process's own streams.
///
/// The command line only parses and prints: every run is one of `Pipeline`'s.
public func runBucketBridge<Out: TextOutputStream, Err: TextOutputStream>(
    _ arguments: [String], output: inout Out, errors: inout Err
) -> Int32 {
    let command: Command
    switch parseCommandLine(arguments) {
    case .success(let parsed): command = parsed
    case .failure(let error):
        errors.write("bucketbridge: error: \(error.message)\nRun 'bucketbridge --help' for usage.\n")
        return ExitCode.usage
    }
    var diagnostics = Diagnostics()
    switch command {
    case .help:
        output.write(helpText)
        return ExitCode.success
    case .version:
        output.write("bucketbridge \(BucketBridgeVersion.current)\n")
        return ExitCode.success
    case .schema:
        output.write(encodeJSON(specSchema) + "\n")
        return ExitCode.success
    case .externalID(let prefix, let length):
        output.write(ExternalIDGenerator.generate(prefix: prefix, length: length) + "\n")
        return ExitCode.success
    case .validate(let pipeline):
        let files = count(pipeline.specPaths.count, "spec file")
        do throws(PipelineError) {
            let destinations = try pipeline.validate(diagnostics: &diagnostics)
            errors.write(diagnosticLines(diagnostics))
            output.write("ok: \(count(destinations.count, "destination")) in \(files)\n")
            return ExitCode.success
        } catch {
            return report(error, diagnostics, to: &errors, summary: "in \(files)")
        }
    case .verify(let pipeline, let destination, let inputs):
        do throws(PipelineError) {
            let report = try pipeline.verify(destination: destination, inputs: inputs, diagnostics: &diagnostics)
            errors.write(diagnosticLines(diagnostics))
            guard report.findings.isEmpty && !diagnostics.hasErrors else {
                let unread = report.findings.isEmpty ? "; a document could not be read" : ""
                errors.write("bucketbridge: \(count(report.findings.count, "difference")) from destination \(report.destination)\(unread)\n")
                return ExitCode.invalid
            }
            output.write("ok: the documents grant exactly what destination \(report.destination) specifies\n")
            return ExitCode.success
        } catch {
            return report(error, diagnostics, to: &errors, summary: "in \(count(pipeline.specPaths.count, "spec file"))")
        }
    case .explain(let pipeline, let format):
        do throws(PipelineError) {
            let summaries = try pipeline.explain(diagnostics: &diagnostics)
            errors.write(diagnosticLines(diagnostics))
            output.write(renderExplanation(summaries, format: format))
            return ExitCode.success
        } catch {
            return report(error, diagnostics, to: &errors, summary: "in \(count(pipeline.specPaths.count, "spec file"))")
        }
    case .show(let pipeline, let file, let destination):
        do throws(PipelineError) {
            let bytes = try pipeline.show(file: file, destination: destination, diagnostics: &diagnostics)
            errors.write(diagnosticLines(diagnostics))
            output.write(String(decoding: bytes, as: UTF8.self))
            return ExitCode.success
        } catch {
            return report(error, diagnostics, to: &errors, summary: "in \(count(pipeline.specPaths.count, "spec file"))")
        }
    case .render(let pipeline, let out, let check):
        let out = normaliseFolder(out)
        do throws(PipelineError) {
            if check {
                let differences = try pipeline.check(against: out, diagnostics: &diagnostics)
                errors.write(diagnosticLines(diagnostics))
                guard differences.isEmpty else {
                    errors.write(differences.map { $0.description + "\n" }.joined())
                    errors.write("bucketbridge: \(count(differences.count, "file")) out of date; run the same command without --check to update\n")
                    return ExitCode.invalid
                }
                return ExitCode.success
            }
            let written = try pipeline.render(into: out, diagnostics: &diagnostics)
            errors.write(diagnosticLines(diagnostics))
            output.write("rendered \(count(written, "destination")) into \(out)/\n")
            return ExitCode.success
        } catch {
            return report(error, diagnostics, to: &errors, summary: "; nothing was written")
        }
    }
}

/// Prints why a run stopped and returns its exit code.
private func report<Err: TextOutputStream>(
    _ error: PipelineError, _ diagnostics: Diagnostics, to errors: inout Err, summary: String
) -> Int32 {
    switch error {
    case .usage(let usage):
        errors.write("bucketbridge: error: \(usage.message)\n")
        return ExitCode.usage
    case .invalid:
        let errorCount = diagnostics.filter { $0.severity == .error }.count
        errors.write(diagnosticLines(diagnostics) + "bucketbridge: \(count(errorCount, "error"))\(summary.hasPrefix(";") ? "" : " ")\(summary)\n")
        return ExitCode.invalid
    case .io(let failure):
        errors.write(diagnosticLines(diagnostics) + "\(failure)\nbucketbridge: nothing was written\n")
        return ExitCode.invalid
    }
}

/// Diagnostics sorted by location, one per line.
func diagnosticLines(_ diagnostics: Diagnostics) -> String {
    diagnostics.sorted.map { $0.description + "\n" }.joined()
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
