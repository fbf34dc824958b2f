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

/// Reads, parses, decodes and validates spec files one by one; unreadable files are usage errors.
func loadDestinations(_ paths: [String], diagnostics: inout Diagnostics) -> Result<[Destination], UsageError> {
    var validator = SpecValidator()
    var destinations: [Destination] = []
    for path in paths {
        let bytes: [UInt8]
        switch FileSystem.kind(of: path, following: true) {
        case nil: return .failure(UsageError(message: "\(path): no such file"))
        case .directory: return .failure(UsageError(message: "\(path): is a folder, not a spec file"))
        default:
            do throws(OutputError) {
                guard let read = try FileSystem.read(path) else { return .failure(UsageError(message: "\(path): not a regular file")) }
                bytes = read
            } catch {
                return .failure(UsageError(message: "\(path): \(error.message)"))
            }
        }
        let file = SourceFile(name: path, bytes: bytes)
        guard let root = parseJSON(file, diagnostics: &diagnostics),
            let document = decodeSpec(root, diagnostics: &diagnostics)
        else { continue }
        destinations += validator.validate(document, diagnostics: &diagnostics)
    }
    return .success(destinations)
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
