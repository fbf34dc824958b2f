/// Decodes a parsed spec file into destinations with `defaults` merged in.
///
/// Checks the document's shape (version, known fields, types of the containers); the values
/// themselves are checked by validation. Returns nil only when the shape is too broken to
/// find any destination.
public func decodeSpec(_ root: JSONNode, diagnostics: inout Diagnostics) -> SpecDocument? {
    guard let header = decodeSpecHeader(root, diagnostics: &diagnostics) else { return nil }
    guard let list = header.list, case .array(let elements) = list.value else {
        return SpecDocument(file: root.file, destinations: [], placeholders: header.placeholders)
    }
    if elements.isEmpty {
        diagnostics.error(at: list.location, path: list.path, value: .array([]), Message.noDestinations)
    }
    let destinations = elements.enumerated().compactMap { index, element in
        decodeDestination(element, index: index, defaults: header.defaults, diagnostics: &diagnostics)
    }
    return SpecDocument(file: root.file, destinations: destinations, placeholders: header.placeholders)
}

/// What a spec file says outside its destinations: what every destination is decoded with.
struct SpecHeader: Sendable {
    /// The members of `defaults` (empty when there are none or they are not an object).
    var defaults: [JSONNode.Member]
    /// The placeholders the file declares, in file order.
    var placeholders: [PlaceholderDeclaration]
    /// The `destinations` node when it is an array (possibly skimmed: see `SkimmedJSON`).
    var list: JSONNode?
}

/// Checks the document's shape outside the elements of `destinations` (version, known
/// fields, `defaults`, `placeholders`, that `destinations` is an array). Nil when the root is
/// not an object.
func decodeSpecHeader(_ root: JSONNode, diagnostics: inout Diagnostics) -> SpecHeader? {
    guard case .object(let members) = root.value else {
        diagnostics.error(at: root.location, value: root.jsonValue, Message.specMustBeObject)
        return nil
    }
    checkKnownKeys(members, allowed: SpecFields.document, in: root, diagnostics: &diagnostics)

    if let version = root["version"] {
        if case .number("1") = version.value {} else {
            diagnostics.error(at: version.location, path: version.path, value: version.jsonValue, Message.unsupportedVersion)
        }
    } else {
        diagnostics.error(at: root.location, path: FieldPath.root.appending("version"), Message.required)
    }

    var defaults: [JSONNode.Member] = []
    if let node = root["defaults"] {
        if case .object(let defaultMembers) = node.value {
            checkDestinationKeys(defaultMembers, in: node, diagnostics: &diagnostics)
            defaults = defaultMembers
        } else {
            diagnostics.error(at: node.location, path: node.path, value: node.jsonValue, Message.mustBe("an object"))
        }
    }

    let placeholders = root["placeholders"].map { decodePlaceholders($0, diagnostics: &diagnostics) } ?? []

    guard let list = root["destinations"] else {
        diagnostics.error(at: root.location, path: FieldPath.root.appending("destinations"), Message.required)
        return SpecHeader(defaults: defaults, placeholders: placeholders, list: nil)
    }
    guard case .array = list.value else {
        diagnostics.error(at: list.location, path: list.path, value: list.jsonValue, Message.mustBe("an array of destinations"))
        return SpecHeader(defaults: defaults, placeholders: placeholders, list: nil)
    }
    return SpecHeader(defaults: defaults, placeholders: placeholders, list: list)
}

/// Decodes element `index` of `destinations`: an object, its keys known, `defaults` merged in.
func decodeDestination(
    _ element: JSONNode, index: Int, defaults: [JSONNode.Member], diagnostics: inout Diagnostics
) -> DestinationSource? {
    guard case .object(let own) = element.value else {
        diagnostics.error(at: element.location, path: element.path, value: element.jsonValue, Message.mustBe("an object"))
        return nil
    }
    checkDestinationKeys(own, in: element, diagnostics: &diagnostics)
    // `access` and `actions` are one choice: a destination that makes it ignores the defaults'.
    // (Filtered only when the defaults make it too: filtering copies the defaults.)
    let isChoice = { (member: JSONNode.Member) in member.key == "access" || member.key == "actions" }
    let inherited = own.contains(where: isChoice) && defaults.contains(where: isChoice) ? defaults.filter { !isChoice($0) } : defaults
    return DestinationSource(index: index, node: element, fields: MergedObject(base: inherited, overlay: own))
}

/// Reads `placeholders`: an object of `NAME` → description, names `^[A-Z][A-Z0-9_]{0,63}$`.
private func decodePlaceholders(_ node: JSONNode, diagnostics: inout Diagnostics) -> [PlaceholderDeclaration] {
    guard case .object(let members) = node.value else {
        diagnostics.error(at: node.location, path: node.path, value: node.jsonValue, Message.mustBe("an object of NAME: description"))
        return []
    }
    var declarations: [PlaceholderDeclaration] = []
    for member in members {
        let location = node.file.location(ofOffset: member.keyOffset)
        guard PlaceholderName.isValid(member.key) else {
            diagnostics.error(
                at: location, path: node.path.appending(member.key), value: .string(member.key), Message.invalidPlaceholderName,
                hint: PlaceholderName.suggestion(for: member.key).map(Message.didYouMean))
            continue
        }
        guard case .string(let description) = member.node.value, !description.allSatisfy(\.isWhitespace),
            description.scalarCount <= 1000,
            !description.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == PlaceholderText.open || $0 == PlaceholderText.close })
        else {
            diagnostics.error(at: member.node.location, path: member.node.path, value: member.node.jsonValue, Message.placeholderNeedsDescription)
            continue
        }
        declarations.append(PlaceholderDeclaration(name: member.key, description: description, location: location))
    }
    return declarations
}

/// Placeholder names: `^[A-Z][A-Z0-9_]{0,63}$`.
enum PlaceholderName {
    static func isValid(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard (1...64).contains(scalars.count), ("A"..."Z").contains(scalars[0]) else { return false }
        return scalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The name in capitals with `_` for other characters (`sea-gateway-role` → `SEA_GATEWAY_ROLE`), when that is valid.
    static func suggestion(for name: String) -> String? {
        let candidate = String(String.UnicodeScalarView(name.uppercased().unicodeScalars.map {
            ("A"..."Z").contains($0) || ("0"..."9").contains($0) ? $0 : "_"
        }))
        return candidate != name && isValid(candidate) ? candidate : nil
    }
}

/// Reports keys of a destination (or `defaults`) object, and of the objects it holds (`role`),
/// that the spec does not define.
private func checkDestinationKeys(_ members: [JSONNode.Member], in node: JSONNode, diagnostics: inout Diagnostics) {
    checkKnownKeys(members, allowed: SpecFields.destination, in: node, diagnostics: &diagnostics)
    for member in members {
        // The value first: most members are not objects, and looking the field up costs a hash.
        guard case .object(let nestedMembers) = member.node.value,
            let nested = SpecFields.field(member.key, in: .destination)?.nested
        else { continue }
        checkKnownKeys(nestedMembers, allowed: SpecFields.names(in: nested), in: member.node, diagnostics: &diagnostics)
    }
}

/// Reports each key not in `allowed`, with a "did you mean" hint when a known key is close.
private func checkKnownKeys(_ members: [JSONNode.Member], allowed: [String], in node: JSONNode, diagnostics: inout Diagnostics) {
    // Lengths first: comparing lengths rules out most keys before any string compare.
    for member in members where !allowed.contains(where: { $0.utf8.count == member.key.utf8.count && $0 == member.key }) {
        diagnostics.error(
            at: node.file.location(ofOffset: member.keyOffset), path: node.path.appending(member.key),
            Message.unknownField, hint: closestMatch(to: member.key, in: allowed).map(Message.didYouMean))
    }
}

/// The candidate closest to `text` by edit distance (ignoring case), when it is close enough to be a typo.
func closestMatch(to text: String, in candidates: [String]) -> String? {
    let lowered = text.lowercased()
    let scored = candidates.map { ($0, editDistance(lowered, $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, text.count / 3) ? best.0 : nil
}
