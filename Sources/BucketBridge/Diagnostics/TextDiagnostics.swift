/// Diagnostics as CONTRACT.md §2's lines, one per diagnostic:
/// `specs/acme.json:14:17: error: destinations[0].bucket: "Example_Bucket" is not a valid ...`.
func formatDiagnosticsAsText(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { $0.description + "\n" }.joined()
}
