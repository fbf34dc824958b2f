/// The built-in templates, overlaid by `--templates DIR` when given: a file at the same
/// relative path in DIR replaces the built-in one; a new path adds an output file.
/// A missing or unreadable DIR is a usage error; broken templates are diagnostics.
func loadTemplateSet(overrides: String?, diagnostics: inout Diagnostics) -> Result<TemplateSet, UsageError> {
    var loader: any TemplateLoader = EmbeddedTemplateLoader()
    if let overrides {
        guard FileSystem.kind(of: overrides, following: true) == .directory else {
            return .failure(UsageError(message: "--templates: \(overrides): no such folder"))
        }
        loader = OverlayTemplateLoader(primary: DirectoryTemplateLoader(root: overrides), fallback: loader)
    }
    do {
        return .success(try TemplateSet(loader: loader, diagnostics: &diagnostics))
    } catch {
        return .failure(UsageError(message: "--templates: \(error)"))
    }
}
