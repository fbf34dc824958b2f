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
    /// The bucket-policy Sids its destinations own, for the run-wide uniqueness rule.
    var sidClaims: [SidClaim] = []
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
    let scope = PlaceholderScope(declarations: document.placeholders, values: placeholderValues)
    var used: Set<String> = []
    for source in document.destinations {
        let validation = validateSource(source, specFile: document.file.name, placeholders: scope)
        result.add(validation)
        used.formUnion(validation.destination?.placeholders.map(\.name) ?? [])
    }
    if !result.diagnostics.hasErrors {
        result.diagnostics.append(contentsOf: unusedPlaceholderWarnings(document.placeholders, used: used, values: placeholderValues))
    }
    result.declaredPlaceholders = document.placeholders.map(\.name)
    return result
}

/// One destination validated on its own, with what the run-wide rules need of it.
struct DestinationValidation: Sendable {
    /// The destination, when it is valid.
    var destination: Destination?
    /// Everything found in it.
    var diagnostics: Diagnostics
    /// Its name as written, with where it stands, when the name is a string.
    var name: (name: String, location: SourceLocation, path: FieldPath, value: JSONValue)?
    /// The bucket-policy Sids it owns.
    var sidClaim: SidClaim?
}

/// Validates one merged destination of a spec file named `specFile`.
func validateSource(_ source: DestinationSource, specFile: String, placeholders: PlaceholderScope) -> DestinationValidation {
    var diagnostics = Diagnostics()
    let destination = validateDestination(source, specFile: specFile, placeholders: placeholders, diagnostics: &diagnostics)
    var name: (name: String, location: SourceLocation, path: FieldPath, value: JSONValue)?
    if let node = source["name"], case .string(let text) = node.value {
        name = (text, node.location, node.path, node.jsonValue)
    }
    return DestinationValidation(destination: destination, diagnostics: diagnostics, name: name, sidClaim: sidClaim(of: source))
}

extension FileValidation {
    /// Adds one destination's validation, in file order.
    mutating func add(_ validation: DestinationValidation) {
        if let destination = validation.destination { destinations.append(destination) }
        diagnostics.append(contentsOf: validation.diagnostics)
        if let claim = validation.sidClaim { sidClaims.append(claim) }
        if let name = validation.name { names.append(name) }
    }
}

/// A warning for each declared placeholder no destination uses and `--set` does not fill.
func unusedPlaceholderWarnings(_ declarations: [PlaceholderDeclaration], used: Set<String>, values: [String: String]) -> Diagnostics {
    var diagnostics = Diagnostics()
    for declaration in declarations where !used.contains(declaration.name) && values[declaration.name] == nil {
        diagnostics.warning(
            at: declaration.location, path: FieldPath.root.appending("placeholders").appending(declaration.name),
            value: .string(declaration.name), Message.unusedPlaceholder)
    }
    return diagnostics
}

/// Merges validated files in input order and applies the rules that span the whole run
/// (destination names are unique across all files; no two destinations own the same
/// bucket-policy Sid in one bucket).
public struct SpecValidator {
    private var firstUse: [String: SourceLocation] = [:]
    private var sids = SidRegistry()

    /// Creates a validator for one run.
    public init() {}

    /// Validates one decoded spec file (tests use this form), with the run's `--set` values.
    public mutating func validate(
        _ document: SpecDocument, placeholderValues: [String: String] = [:], diagnostics: inout Diagnostics
    ) -> [Destination] {
        merge(validateDocument(document, placeholderValues: placeholderValues), diagnostics: &diagnostics)
    }

    /// Adds a file's diagnostics and reports names and bucket-policy Sids used earlier in the
    /// run; returns its destinations.
    mutating func merge(_ file: FileValidation, diagnostics: inout Diagnostics) -> [Destination] {
        diagnostics.append(contentsOf: file.diagnostics)
        for (name, location, path, value) in file.names {
            if let first = firstUse[name] {
                diagnostics.error(at: location, path: path, value: value, Message.duplicateName(first))
            } else {
                firstUse[name] = location
            }
        }
        for claim in file.sidClaims { sids.claim(claim, diagnostics: &diagnostics) }
        return file.destinations
    }
}

/// Validates several decoded spec files as one run.
public func validateSpecs(_ documents: [SpecDocument], diagnostics: inout Diagnostics) -> [Destination] {
    var validator = SpecValidator()
    return documents.flatMap { validator.validate($0, diagnostics: &diagnostics) }
}
