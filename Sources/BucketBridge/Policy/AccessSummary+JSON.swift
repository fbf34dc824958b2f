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
        func words(_ phrase: Phrase) -> JSONValue {
            form == .plain ? .string(phrase.plainText) : phrase.jsonValue
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
