// Checks shared by the harnesses: a failed check aborts, and libFuzzer records the input.
@testable import BucketBridge

/// Stops the fuzzer with `message` when `condition` is false.
func requireFuzz(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("fuzz check failed: \(message())") }
}

/// Every diagnostic about `file` points at a line and column inside it, and prints.
func requireFuzzPositions(_ diagnostics: Diagnostics, in file: SourceFile) {
    let lastLine = file.bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    for diagnostic in diagnostics.sorted {
        _ = diagnostic.description
        guard let location = diagnostic.location, location.file == file.name else { continue }
        requireFuzz(
            (1...lastLine).contains(location.line) && location.column >= 1,
            "diagnostic outside the file: \(diagnostic)")
    }
}
