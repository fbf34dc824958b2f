/// Decodes a parsed spec file into destinations with `defaults` merged in.
///
/// Checks the document's shape (version, known fields, types of the containers); the values
/// themselves are checked by validation. Returns nil only when the shape is too broken to
/// find any destination.
public func decodeSpec(_ root: JSONNode, diagnostics: inout Diagnostics) -> SpecDocument? {
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

    guard let list = root["destinations"] else {
        diagnostics.error(at: root.location, path: FieldPath.root.appending("destinations"), Message.required)
        return SpecDocument(file: root.file, destinations: [])
    }
    guard case .array(let elements) = list.value else {
        diagnostics.error(at: list.location, path: list.path, value: list.jsonValue, Message.mustBe("an array of destinations"))
        return SpecDocument(file: root.file, destinations: [])
    }
    if elements.isEmpty {
        diagnostics.error(at: list.location, path: list.path, value: .array([]), Message.noDestinations)
    }

    var destinations: [DestinationSource] = []
    for (index, element) in elements.enumerated() {
        guard case .object(let own) = element.value else {
            diagnostics.error(at: element.location, path: element.path, value: element.jsonValue, Message.mustBe("an object"))
            continue
        }
        checkDestinationKeys(own, in: element, diagnostics: &diagnostics)
        let ownKeys = Set(own.map(\.key))
        // `access` and `actions` are one choice: a destination that makes it ignores the defaults'.
        let inherited = ownKeys.isDisjoint(with: ["access", "actions"])
            ? defaults : defaults.filter { $0.key != "access" && $0.key != "actions" }
        destinations.append(DestinationSource(index: index, node: element, fields: MergedObject(base: inherited, overlay: own)))
    }
    return SpecDocument(file: root.file, destinations: destinations)
}

/// Reports keys of a destination (or `defaults`) object, and of the objects it holds (`role`),
/// that the spec does not define.
private func checkDestinationKeys(_ members: [JSONNode.Member], in node: JSONNode, diagnostics: inout Diagnostics) {
    checkKnownKeys(members, allowed: SpecFields.destination, in: node, diagnostics: &diagnostics)
    for member in members {
        guard let nested = SpecFields.field(member.key, in: .destination)?.nested,
            case .object(let nestedMembers) = member.node.value
        else { continue }
        checkKnownKeys(nestedMembers, allowed: SpecFields.names(in: nested), in: member.node, diagnostics: &diagnostics)
    }
}

/// Reports each key not in `allowed`, with a "did you mean" hint when a known key is close.
private func checkKnownKeys(_ members: [JSONNode.Member], allowed: [String], in node: JSONNode, diagnostics: inout Diagnostics) {
    for member in members where !allowed.contains(member.key) {
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
