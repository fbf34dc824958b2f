/// Validates every destination of every spec and the rules that span the whole run
/// (destination names are unique across all files).
///
/// Returns the valid destinations in input order; check `diagnostics.hasErrors` before using them.
public func validateSpecs(_ documents: [SpecDocument], diagnostics: inout Diagnostics) -> [Destination] {
    var destinations: [Destination] = []
    var firstUse: [String: SourceLocation] = [:]
    for document in documents {
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
    }
    return destinations
}
