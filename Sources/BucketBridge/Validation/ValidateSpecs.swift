/// One spec file parsed, decoded and validated on its own: what the run-wide rules still need
/// (the destination names it uses) travels with it, the parsed tree does not.
struct FileValidation: Sendable {
    /// The valid destinations, in file order.
    var destinations: [Destination]
    /// Everything found in the file.
    var diagnostics: Diagnostics
    /// Each destination name written in the file, with where it stands.
    var names: [(name: String, location: SourceLocation, path: FieldPath, value: JSONValue)]
    /// The placeholders the file declares.
    var declaredPlaceholders: [String] = []
}

/// Parses, decodes and validates one spec file. Independent of every other file, so files can
/// be validated in parallel and merged in order with `SpecValidator`.
func validateFile(_ file: SourceFile, placeholderValues: [String: String] = [:]) -> FileValidation {
    var diagnostics = Diagnostics()
    guard let root = parseJSON(file, diagnostics: &diagnostics),
        let document = decodeSpec(root, diagnostics: &diagnostics)
    else { return FileValidation(destinations: [], diagnostics: diagnostics, names: []) }
    var result = validateDocument(document, placeholderValues: placeholderValues)
    diagnostics.append(contentsOf: result.diagnostics)
    result.diagnostics = diagnostics
    return result
}

/// Validates every destination of a decoded spec file and collects the names it uses.
/// `placeholderValues` are the run's `--set` values.
func validateDocument(_ document: SpecDocument, placeholderValues: [String: String] = [:]) -> FileValidation {
    var result = FileValidation(destinations: [], diagnostics: Diagnostics(), names: [])
    var declared: [String: PlaceholderDeclaration] = [:]
    for declaration in document.placeholders { declared[declaration.name] = declaration }
    let scope = PlaceholderScope(declared: declared, values: placeholderValues)
    var used: Set<String> = []
    for source in document.destinations {
        var local = Diagnostics()
        if let destination = validateDestination(source, specFile: document.file.name, placeholders: scope, diagnostics: &local) {
            result.destinations.append(destination)
            used.formUnion(destination.placeholders.map(\.name))
        }
        result.diagnostics.append(contentsOf: local)
        if let node = source["name"], case .string(let name) = node.value {
            result.names.append((name, node.location, node.path, node.jsonValue))
        }
    }
    if !result.diagnostics.hasErrors {
        for declaration in document.placeholders where !used.contains(declaration.name) && placeholderValues[declaration.name] == nil {
            result.diagnostics.warning(
                at: declaration.location, path: FieldPath.root.appending("placeholders").appending(declaration.name),
                value: .string(declaration.name), Message.unusedPlaceholder)
        }
    }
    result.declaredPlaceholders = document.placeholders.map(\.name)
    return result
}

/// Merges validated files in input order and applies the rules that span the whole run
/// (destination names are unique across all files).
public struct SpecValidator {
    private var firstUse: [String: SourceLocation] = [:]

    /// Creates a validator for one run.
    public init() {}

    /// Validates one decoded spec file (tests use this form), with the run's `--set` values.
    public mutating func validate(
        _ document: SpecDocument, placeholderValues: [String: String] = [:], diagnostics: inout Diagnostics
    ) -> [Destination] {
        merge(validateDocument(document, placeholderValues: placeholderValues), diagnostics: &diagnostics)
    }

    /// Adds a file's diagnostics and reports names used earlier in the run; returns its destinations.
    mutating func merge(_ file: FileValidation, diagnostics: inout Diagnostics) -> [Destination] {
        diagnostics.append(contentsOf: file.diagnostics)
        for (name, location, path, value) in file.names {
            if let first = firstUse[name] {
                diagnostics.error(at: location, path: path, value: value, Message.duplicateName(first))
            } else {
                firstUse[name] = location
            }
        }
        return file.destinations
    }
}

/// Validates several decoded spec files as one run.
public func validateSpecs(_ documents: [SpecDocument], diagnostics: inout Diagnostics) -> [Destination] {
    var validator = SpecValidator()
    return documents.flatMap { validator.validate($0, diagnostics: &diagnostics) }
}
