/// What each placeholder field accepts: the sample that stands in for a placeholder while the
/// text around it is validated, and the rule a supplied value must follow.
extension PlaceholderField {
    /// A value valid in this field, put in a placeholder's place to validate everything around it.
    var sample: String {
        switch self {
        case .accountId, .principalAccount, .kmsAccount: "123456789012"
        case .kmsKeyId: "1234abcd-12ab-34cd-56ef-1234567890ab"
        case .principal: "arn:aws:iam::123456789012:role/sample"
        case .principalName: "sample0"
        case .bucket: "sample-bucket"
        case .bucketPart: "b0"
        case .externalId: "sample-external-id"
        case .externalIdPart, .iamNamePart: "x0"
        case .iamName: "SampleName"
        case .prefix: "folder"
        case .tagValue: "value"
        }
    }

    /// The rule a value must follow here. `partition` completes the principal pattern.
    func rule(partition: Partition) -> PlaceholderRule {
        let iamName = "A-Za-z0-9_+=,.@-"
        switch self {
        case .accountId, .principalAccount, .kmsAccount:
            return PlaceholderRule(pattern: "^[0-9]{12}$", minLength: 12, maxLength: 12, explanation: "12 digits")
        case .kmsKeyId:
            return PlaceholderRule(
                pattern: "^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$",
                explanation: "a KMS key id such as 1234abcd-12ab-34cd-56ef-1234567890ab or mrk- and 32 hex digits")
        case .principal:
            let p = partition.rawValue
            return PlaceholderRule(
                pattern: "^arn:\(p):(iam::[0-9]{12}:(root|(role|user)/[A-Za-z0-9_+=,.@/-]+)|sts::[0-9]{12}:assumed-role/[\(iamName)]+/[\(iamName)]+)$",
                minLength: 20, maxLength: 2048,
                explanation: "a full ARN of an IAM role, user, account root or STS session in \(p)")
        case .principalName, .iamNamePart:
            return PlaceholderRule(pattern: "^[\(iamName)]+$", minLength: 1, maxLength: 64, explanation: "letters, digits and + = , . @ _ -")
        case .iamName:
            return PlaceholderRule(pattern: "^[\(iamName)]+$", minLength: 1, maxLength: 64, explanation: "1 to 64 letters, digits and + = , . @ _ -")
        case .bucket:
            return PlaceholderRule(
                pattern: "^[a-z0-9][a-z0-9.-]*[a-z0-9]$", minLength: 3, maxLength: 63,
                explanation: "an S3 bucket name: 3 to 63 lowercase letters, digits, \".\" and \"-\"")
        case .bucketPart:
            return PlaceholderRule(pattern: "^[a-z0-9.-]+$", minLength: 1, maxLength: 61, explanation: "lowercase letters, digits, \".\" and \"-\"")
        case .externalId:
            return PlaceholderRule(pattern: "^[A-Za-z0-9_+=,.@:/-]+$", minLength: 2, maxLength: 1224, explanation: "2 to 1224 letters, digits and + = , . @ : / _ -")
        case .externalIdPart:
            return PlaceholderRule(pattern: "^[A-Za-z0-9_+=,.@:/-]+$", minLength: 1, maxLength: 1222, explanation: "letters, digits and + = , . @ : / _ -")
        case .prefix:
            return PlaceholderRule(
                pattern: "^[^/*?]([^*?]*[^/*?])?$", minLength: 1, maxLength: 1000,
                explanation: "a folder path without \"/\" at either end and without \"*\" or \"?\"")
        case .tagValue:
            return PlaceholderRule(maxLength: 256, explanation: "at most 256 letters, digits, spaces and _ . : / = + - @")
        }
    }
}

/// The placeholders a spec file declares and the values `--set` gives them for this run.
struct PlaceholderScope: Sendable {
    /// Declarations by name.
    var declared: [String: PlaceholderDeclaration]
    /// `--set NAME=VALUE` values, by name.
    var values: [String: String]

    /// No placeholders.
    static let none = PlaceholderScope(declared: [:], values: [:])

    init(declared: [String: PlaceholderDeclaration], values: [String: String]) {
        self.declared = declared
        self.values = values
    }

    /// The scope of a spec file's declarations (the last one of a name wins) and the run's values.
    init(declarations: [PlaceholderDeclaration], values: [String: String]) {
        var declared: [String: PlaceholderDeclaration] = [:]
        for declaration in declarations { declared[declaration.name] = declaration }
        self.init(declared: declared, values: values)
    }
}

/// The `<NAME>` occurrences in a text: names of the placeholder form between angle brackets.
func placeholderReferences(in text: String) -> [(name: String, range: Range<String.Index>)] {
    guard text.containsASCII("<") else { return [] }
    var found: [(String, Range<String.Index>)] = []
    var index = text.startIndex
    while let open = text[index...].firstIndex(of: "<") {
        // A name holds no "<": the next "<" before a ">" starts the next candidate. (Looking for
        // the ">" from every "<" made a value of many "<" quadratic.)
        let start = text.index(after: open)
        guard let end = text[start...].firstIndex(where: { $0 == "<" || $0 == ">" }) else { break }
        if text[end] == "<" {
            index = end
            continue
        }
        let name = String(text[start..<end])
        if PlaceholderName.isValid(name) { found.append((name, open..<text.index(after: end))) }
        index = text.index(after: end)
    }
    return found
}

/// The placeholders a destination's fields still hold, one entry per name in reading order,
/// with the rule of the most specific field it stands in.
func placeholderUses(_ uses: [(name: String, field: PlaceholderField)], scope: PlaceholderScope, partition: Partition) -> [PlaceholderUse] {
    var result: [PlaceholderUse] = []
    var positions: [String: Int] = [:]
    for (name, field) in uses {
        if let index = positions[name] {
            if !result[index].fields.contains(field) { result[index].fields.append(field) }
            continue
        }
        positions[name] = result.count
        result.append(PlaceholderUse(name: name, description: scope.declared[name]?.description ?? "", fields: [field], rule: field.rule(partition: partition)))
    }
    // In the order the spec declares them.
    result.sort { (scope.declared[$0.name]?.location.line ?? 0) < (scope.declared[$1.name]?.location.line ?? 0) }
    for index in result.indices {
        // PlaceholderField lists the most specific fields first.
        let strictest = result[index].fields.min { PlaceholderField.allCases.firstIndex(of: $0)! < PlaceholderField.allCases.firstIndex(of: $1)! }!
        result[index].rule = strictest.rule(partition: partition)
    }
    return result
}
