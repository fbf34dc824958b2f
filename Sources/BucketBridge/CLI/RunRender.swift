/// What `render` was asked to do.
struct RenderOptions {
    var specs: [String]
    var out: String
    var templates: String?
    var check: Bool
}

/// `render`: validate everything, render everything in memory per destination, then write all
/// destination folders (or, with `--check`, compare them) — nothing is written on any error.
func runRender<Out: TextOutputStream, Err: TextOutputStream>(
    _ options: RenderOptions, output: inout Out, errors: inout Err
) -> Int32 {
    var diagnostics = Diagnostics()
    let destinations: [Destination]
    switch loadDestinations(options.specs, diagnostics: &diagnostics) {
    case .failure(let error):
        errors.write("bucketbridge: error: \(error.message)\n")
        return ExitCode.usage
    case .success(let loaded): destinations = loaded
    }
    let templates: TemplateSet
    switch loadTemplateSet(overrides: options.templates, diagnostics: &diagnostics) {
    case .failure(let error):
        errors.write("bucketbridge: error: \(error.message)\n")
        return ExitCode.usage
    case .success(let set): templates = set
    }
    guard !diagnostics.hasErrors else {
        printDiagnostics(diagnostics, to: &errors)
        return ExitCode.invalid
    }

    let out = normaliseFolder(options.out)
    if options.check {
        return runCheck(destinations, templates: templates, out: out, diagnostics: &diagnostics, errors: &errors)
    }
    let writer: OutputWriter
    do {
        writer = try OutputWriter(root: out)
    } catch {
        errors.write("\(error)\n")
        return ExitCode.invalid
    }
    do {
        _ = try renderInParallel(destinations, templates: templates, diagnostics: &diagnostics) { rendered throws(OutputError) in
            try writer.stage(rendered)
        }
        guard !diagnostics.hasErrors else {
            writer.abort()
            printDiagnostics(diagnostics, to: &errors)
            return ExitCode.invalid
        }
        try writer.commit()
    } catch {
        writer.abort()
        printDiagnostics(diagnostics, to: &errors)
        errors.write("\(error)\nbucketbridge: nothing was written\n")
        return ExitCode.invalid
    }
    printDiagnostics(diagnostics, to: &errors)
    output.write("rendered \(destinations.count) destination\(destinations.count == 1 ? "" : "s") into \(out)/\n")
    return ExitCode.success
}

/// `render --check`: lists each file that is missing, differs or is stale; writes nothing.
private func runCheck<Err: TextOutputStream>(
    _ destinations: [Destination], templates: TemplateSet, out: String, diagnostics: inout Diagnostics, errors: inout Err
) -> Int32 {
    let differences: [OutputDifference]
    do {
        differences = try renderInParallel(destinations, templates: templates, diagnostics: &diagnostics) { rendered throws(OutputError) in
            try checkOutput(rendered, in: out)
        }.flatMap { $0 }
    } catch {
        errors.write("\(error)\n")
        return ExitCode.invalid
    }
    printDiagnostics(diagnostics, to: &errors)
    if diagnostics.hasErrors { return ExitCode.invalid }
    guard differences.isEmpty else {
        errors.write(differences.map { $0.description + "\n" }.joined())
        errors.write("bucketbridge: \(differences.count) file\(differences.count == 1 ? "" : "s") out of date; run the same command without --check to update\n")
        return ExitCode.invalid
    }
    return ExitCode.success
}

/// `out/` → `out`, keeping `/` itself.
private func normaliseFolder(_ path: String) -> String {
    var path = path
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    return path.isEmpty ? "." : path
}
