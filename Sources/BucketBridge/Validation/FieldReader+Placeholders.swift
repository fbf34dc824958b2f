/// A string read from a field that may hold placeholders.
struct TemplatedString {
    /// The value for the model: each declared placeholder as a token (`PlaceholderText`), each
    /// `--set` value written in.
    var value: String
    /// The value with a valid sample in each placeholder's place, for the field's rules.
    var sample: String
    /// Where the value is written.
    var node: JSONNode
    /// The placeholders `--set` filled in.
    var setBy: [String]

    /// True when the value still holds placeholders.
    var hasPlaceholders: Bool { PlaceholderText.contains(value) }

    /// The value as a diagnostic shows it: placeholders as `<NAME>`.
    var diagnosticValue: JSONValue { .string(PlaceholderText.display(value)) }
}

extension FieldReader {
    /// A string field that may hold `<NAME>` placeholders: a placeholder that is the whole
    /// value stands in `whole`, one inside other text in `part`.
    mutating func templatedString(_ key: String, whole: PlaceholderField, part: PlaceholderField) -> TemplatedString? {
        guard let (text, node) = string(key) else { return nil }
        return templated(text, node: node) { tokens in
            sampled(tokens, whole: whole, part: part)
        }
    }

    /// Resolves the placeholders of `text` (written at `node`): `--set` values are written in,
    /// declared ones become tokens, undeclared ones are errors (nil). `sample` turns the value
    /// with tokens into the text the field's rules check, recording each placeholder's field.
    mutating func templated(
        _ text: String, node: JSONNode, sample: (String) -> (sample: String, uses: [(String, PlaceholderField)], problems: [String])
    ) -> TemplatedString? {
        if containsPlaceholderMarks(text) {
            report(node, Message.privateUseCharacters)
            return nil
        }
        let references = placeholderReferences(in: text)
        guard !references.isEmpty else { return TemplatedString(value: text, sample: text, node: node, setBy: []) }
        var value = ""
        var setBy: [String] = []
        var cursor = text.startIndex
        var undeclared = false
        for (name, range) in references {
            value += text[cursor..<range.lowerBound]
            cursor = range.upperBound
            if let supplied = placeholders.values[name], placeholders.declared[name] != nil {
                value += supplied
                if !setBy.contains(name) { setBy.append(name) }
            } else if placeholders.declared[name] != nil {
                value += PlaceholderText.token(name)
            } else {
                report(node, Message.undeclaredPlaceholder(name), hint: Message.declareHint(name))
                undeclared = true
            }
        }
        value += text[cursor...]
        if undeclared { return nil }
        let (sampleText, uses, problems) = sample(value)
        let result = TemplatedString(value: value, sample: sampleText, node: node, setBy: setBy)
        if !problems.isEmpty {
            report(result, Message.placeholderPosition(problems.joined(separator: "; ")))
            return nil
        }
        placeholderUses += uses
        return result
    }

    /// Reports a problem with a templated value, naming the `--set` values it holds.
    mutating func report(_ value: TemplatedString, _ message: Message, hint: String? = nil) {
        var message = message
        if !value.setBy.isEmpty { message.text = Message.setBy(value.setBy) + " " + message.text }
        diagnostics.error(at: value.node.location, path: value.node.path, value: value.diagnosticValue, message, hint: hint)
    }

    /// Reports a templated value that breaks rules, all reasons in one line.
    mutating func report(
        _ value: TemplatedString, invalid what: String, rule: DiagnosticRule, _ problems: [String], hint: String? = nil
    ) {
        guard !problems.isEmpty else { return }
        report(value, Message.notValid(rule, what, problems), hint: hint)
    }
}

/// True when `text` holds U+E000 or U+E001, the marks of a placeholder token. Byte by byte
/// (every templated value is checked): in UTF-8 they are EE 80 80 and EE 80 81, and a lead
/// byte EE never appears inside another character.
private func containsPlaceholderMarks(_ text: String) -> Bool {
    ByteScan.withUTF8(of: text) { bytes in
        var start = 0
        while let index = ByteScan.firstIndex(of: 0xEE, in: bytes, from: start) {
            if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 || bytes[index + 2] == 0x81 { return true }
            start = index + 1
        }
        return false
    }
}

/// The sample of a plain value: each placeholder replaced by the sample of `whole` when it is
/// the whole value, of `part` otherwise.
func sampled(_ value: String, whole: PlaceholderField, part: PlaceholderField) -> (sample: String, uses: [(String, PlaceholderField)], problems: [String]) {
    let parts = PlaceholderText.parts(value)
    let field = parts.count == 1 ? whole : part
    var uses: [(String, PlaceholderField)] = []
    let sample = PlaceholderText.replacing(value) { name in
        uses.append((name, field))
        return field.sample
    }
    return (sample, uses, [])
}

/// The sample of an ARN: placeholders may stand for the account and, inside the resource, for
/// the names `resourceField` describes; not for the partition, service or region, which the
/// spec decides. A placeholder for the whole ARN stands in `whole` (nil: not allowed).
func sampledARN(
    _ value: String, whole: PlaceholderField?, resource resourceField: PlaceholderField, account accountField: PlaceholderField,
    what: String
) -> (sample: String, uses: [(String, PlaceholderField)], problems: [String]) {
    let parts = PlaceholderText.parts(value)
    if parts.count == 1, case .placeholder(let name) = parts[0] {
        guard let whole else {
            return (value, [], ["a placeholder may stand for the account id and the key id of \(what), not for the whole ARN"])
        }
        return (whole.sample, [(name, whole)], [])
    }
    let components = value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
    guard components.count == 6 else { return sampled(value, whole: resourceField, part: resourceField) }
    for index in 0..<4 where PlaceholderText.contains(components[index]) {
        return (value, [], ["the partition, service and region of \(what) come from the spec's region: a placeholder may stand only for its account or names"])
    }
    var uses: [(String, PlaceholderField)] = []
    var account = components[4]
    if PlaceholderText.contains(account) {
        let accountParts = PlaceholderText.parts(account)
        guard accountParts.count == 1, case .placeholder(let name) = accountParts[0] else {
            return (value, [], ["a placeholder must stand for the whole account id of \(what)"])
        }
        uses.append((name, accountField))
        account = accountField.sample
    }
    let resource = PlaceholderText.replacing(components[5]) { name in
        uses.append((name, resourceField))
        return resourceField.sample
    }
    return ((components[0..<4] + [account, resource]).joined(separator: ":"), uses, [])
}
