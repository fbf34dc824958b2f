extension AccessSummary {
    /// How phrases appear in the JSON form.
    public enum PhraseForm: Sendable {
        /// Plain strings, for `explain --format json`.
        case plain
        /// `[{"text": …}, {"code": …}]` arrays, for templates (printed with the `prose` filter).
        case segments
    }

    /// The summary as an ordered JSON value: the form `explain --format json` prints (with
    /// `.plain` phrases) and templates see as `access` (with `.segments`). Its keys are stable:
    /// `destination`, `specFile`, `vendor`, `route`, `who`, `where`, `can`, `cannot`, `notes`.
    public func jsonValue(phrases form: PhraseForm) -> JSONValue {
        .object(jsonMembers(phrases: form))
    }

    /// The members of ``jsonValue(phrases:)``, for a caller that adds some of its own.
    func jsonMembers(phrases form: PhraseForm) -> [JSONValue.Member] {
        // Objects are built from their members (a dictionary literal copies its pairs once
        // more), and arrays in place: the summary of every destination is built for its templates.
        // Read once: each read of a static checks that it is initialised.
        let sharedWords = SummaryWords.shared
        func words(_ phrase: Phrase) -> JSONValue {
            form == .plain ? .string(phrase.plainText) : sharedWords.jsonValue(of: phrase)
        }
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        func strings(_ texts: [String]) -> JSONValue {
            var values: [JSONValue] = []
            values.reserveCapacity(texts.count)
            for text in texts { values.append(.string(text)) }
            return .array(values)
        }
        var principalValues: [JSONValue] = []
        principalValues.reserveCapacity(principals.count)
        for principal in principals {
            principalValues.append(.object([
                .init("arn", .string(principal.arn)), .init("kind", .string(principal.kind.rawValue)),
                .init("account", optional(principal.account)), .init("sessionName", optional(principal.sessionName)),
                .init("text", words(principal.phrase)),
            ]))
        }
        let role: JSONValue =
            self.role.map { .object([.init("name", .string($0.name)), .init("arn", optional($0.arn)), .init("displayArn", .string($0.displayArn))]) }
            ?? .null
        let user: JSONValue = self.user.map { .object([.init("name", .string($0.name))]) } ?? .null
        var can: [JSONValue] = []
        can.reserveCapacity(capabilities.count)
        for capability in capabilities {
            can.append(.object([
                .init("kind", .string(capability.kind.rawValue)), .init("text", words(capability.phrase)),
                .init("actions", strings(capability.actions)), .init("resources", strings(capability.resources)),
            ]))
        }
        var cannot: [JSONValue] = []
        cannot.reserveCapacity(limits.count)
        for limit in limits { cannot.append(.object([.init("kind", .string(limit.kind.rawValue)), .init("text", words(limit.phrase))])) }
        var noteValues: [JSONValue] = []
        noteValues.reserveCapacity(notes.count)
        for note in notes { noteValues.append(.object([.init("kind", .string(note.kind.rawValue)), .init("text", words(note.phrase))])) }
        return [
            .init("destination", .string(destination)),
            .init("specFile", .string(specFile)),
            .init("vendor", .string(vendor)),
            .init("route", .string(route.rawValue)),
            .init("who", .object([
                .init("text", words(who)),
                .init("principals", .array(principalValues)),
                .init("externalId", optional(externalId)),
                .init("role", role),
                .init("user", user),
            ])),
            .init("where", .object([
                .init("text", words(place)),
                .init("bucket", .string(location.bucket)), .init("prefix", .string(location.prefix)),
                .init("region", optional(location.region)), .init("bucketArn", .string(location.bucketArn)),
                .init("objectsArn", .string(location.objectsArn)), .init("s3Uri", .string(location.s3Uri)),
            ])),
            .init("can", .array(can)),
            .init("cannot", .array(cannot)),
            .init("notes", .array(noteValues)),
        ]
    }
}

/// The JSON of the summary's phrases (`Phrase.jsonValue`), with the fixed words most of them
/// hold (punctuation, joining words, the capabilities' verbs, the sentences every role route
/// has) shared: one value per word, built once, rather than one object in every phrase.
private struct SummaryWords {
    /// The words and their values, built once.
    static let shared = SummaryWords()

    /// The words and their values, by length in bytes.
    private let byLength: [[(String, JSONValue)]]

    private init() {
        let words = Self.words
        byLength = (0...(words.map(\.utf8.count).max() ?? 0)).map { length in
            words.filter { $0.utf8.count == length }.map { ($0, Phrase.Segment.text($0).jsonValue) }
        }
    }

    func jsonValue(of phrase: Phrase) -> JSONValue {
        var elements: [JSONValue] = []
        elements.reserveCapacity(phrase.segments.count)
        for segment in phrase.segments {
            if case .text(let text) = segment, let shared = shared(text) {
                elements.append(shared)
            } else {
                elements.append(segment.jsonValue)
            }
        }
        return .array(elements)
    }

    /// The shared value of `text`, if it is one of the words; only words of its length are compared.
    private func shared(_ text: String) -> JSONValue? {
        let length = text.utf8.count
        guard length < byLength.count else { return nil }
        for (word, value) in byLength[length] where word == text { return value }
        return nil
    }

    /// The runs of words the summary writes as they are (a missing one is merely not shared).
    private static let words: [String] = [
        ", ", " and ", " or ", " ", " (", " (what the S3 access needs) and ",
        " The bucket policy grants the same access to that role.", " cannot be limited to the prefix ", " for ", " in ",
        " in account ", " in the bucket ", " in the bucket.", " in the whole bucket ", " in your account",
        " in your account. An access key is a long-term secret: whoever holds it has this access until you deactivate the key, which is why a role is safer.",
        " matching ", " of the bucket ", " of the role ", " only", " succeed, any other ACL fails with ",
        " that its own administrators allow", " that start with ", " to the whole bucket ", " under ", "", ")",
        ", as one of the principals below.", ", presenting the external ID ", ".", ": ",
        "Nobody but the principals above can assume the role, even with the external ID.",
        "Nobody can assume the role without the external ID",
        "Requests to the bucket without TLS (plain HTTP) are denied, whoever sends them.", "The bucket policy of ",
        "The bucket's objects are encrypted with the KMS key ", "The trust policy trusts only the session ",
        "any identity of account ", "only the session ", "the IAM role ", "the IAM user ", "the principal you fill in as ",
    ] + CapabilityKind.allCases.flatMap { [$0.verb, $0.verb + " "] }
}
