/// Validates spec files one at a time, keeping between files only what the rules that span
/// the whole run need (the destination names seen so far), so a file's parsed tree can be
/// dropped as soon as it is validated.
public struct SpecValidator {
    private var firstUse: [String: SourceLocation] = [:]

    /// Creates a validator for one run.
    public init() {}

    /// Validates every destination of one spec file and the run-wide rules (destination names
    /// are unique across all files). Returns the valid destinations in file order; check
    /// `diagnostics.hasErrors` before using them.
    public mutating func validate(_ document: SpecDocument, diagnostics: inout Diagnostics) -> [Destination] {
        var destinations: [Destination] = []
        for source in document.destinations {
            if let destination = validateDestination(source, specFile: document.file.name, diagnostics: &diagnostics) {
                destinations.append(destination)
            }
            guard let nameNode = source["name"], case .string(let name) = nameNode.value else { continue }
            if let first = firstUse[name] {
                diagnostics.error(at: nameNode.location, path: nameNode.path, value: nameNode.displayValue, Message.duplicateName(first))
            } else {
                firstUse[name] = nameNode.location
            }
        }
        return destinations
    }
}

/// Validates several decoded spec files as one run.
public func validateSpecs(_ documents: [SpecDocument], diagnostics: inout Diagnostics) -> [Destination] {
    var validator = SpecValidator()
    return documents.flatMap { validator.validate($0, diagnostics: &diagnostics) }
}
