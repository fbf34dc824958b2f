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
    case .validate(let specs):
        return runValidate(specs, output: &output, errors: &errors)
    case .render(let specs, let out, let templates, let check):
        return runRender(RenderOptions(specs: specs, out: out, templates: templates, check: check), output: &output, errors: &errors)
    }
}

/// Reads every spec file (an unreadable one is a usage error), then parses, decodes and
/// validates them on every core, a few files at a time, merging the results in input order.
func loadDestinations(_ paths: [String], diagnostics: inout Diagnostics) -> Result<[Destination], UsageError> {
    var validator = SpecValidator()
    var destinations: [Destination] = []
    let batch = 4
    for start in stride(from: 0, to: paths.count, by: batch) {
        var files: [SourceFile] = []
        for path in paths[start..<min(start + batch, paths.count)] {
            switch readSpecFile(path) {
            case .success(let file): files.append(file)
            case .failure(let error): return .failure(error)
            }
        }
        let batchFiles = files
        let validated = parallelMap(count: batchFiles.count) { validateFile(batchFiles[$0]) }
        for file in validated { destinations += validator.merge(file, diagnostics: &diagnostics) }
    }
    return .success(destinations)
}

/// A spec file's bytes, or the usage error that names why it cannot be read.
private func readSpecFile(_ path: String) -> Result<SourceFile, UsageError> {
    switch FileSystem.kind(of: path, following: true) {
    case nil: return .failure(UsageError(message: "\(path): no such file"))
    case .directory: return .failure(UsageError(message: "\(path): is a folder, not a spec file"))
    default:
        do throws(OutputError) {
            guard let bytes = try FileSystem.read(path) else { return .failure(UsageError(message: "\(path): not a regular file")) }
            return .success(SourceFile(name: path, bytes: bytes))
        } catch {
            return .failure(UsageError(message: "\(path): \(error.message)"))
        }
    }
}

/// Prints diagnostics sorted by location, then a one-line count when there are errors.
func printDiagnostics<Err: TextOutputStream>(_ diagnostics: Diagnostics, to errors: inout Err) {
    var text = ""
    for diagnostic in diagnostics.sorted { text += diagnostic.description + "\n" }
    let errorCount = diagnostics.filter { $0.severity == .error }.count
    if errorCount > 0 { text += "bucketbridge: \(errorCount) error\(errorCount == 1 ? "" : "s"); nothing was written\n" }
    errors.write(text)
}

private func runValidate<Out: TextOutputStream, Err: TextOutputStream>(
    _ specs: [String], output: inout Out, errors: inout Err
) -> Int32 {
    var diagnostics = Diagnostics()
    switch loadDestinations(specs, diagnostics: &diagnostics) {
    case .failure(let error):
        errors.write("bucketbridge: error: \(error.message)\n")
        return ExitCode.usage
    case .success(let destinations):
        var text = ""
        for diagnostic in diagnostics.sorted { text += diagnostic.description + "\n" }
        let errorCount = diagnostics.filter { $0.severity == .error }.count
        if errorCount > 0 {
            errors.write(text + "bucketbridge: \(errorCount) error\(errorCount == 1 ? "" : "s") in \(specs.count) spec file\(specs.count == 1 ? "" : "s")\n")
            return ExitCode.invalid
        }
        errors.write(text)
        output.write("ok: \(destinations.count) destination\(destinations.count == 1 ? "" : "s") in \(specs.count) spec file\(specs.count == 1 ? "" : "s")\n")
        return ExitCode.success
    }
}
