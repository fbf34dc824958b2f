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
        func words(_ phrase: Phrase) -> JSONValue {
            form == .plain ? .string(phrase.plainText) : phrase.jsonValue
        }
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        let principals: [JSONValue] = principals.map { principal in
            [
                "arn": .string(principal.arn), "kind": .string(principal.kind.rawValue), "account": optional(principal.account),
                "sessionName": optional(principal.sessionName), "text": words(principal.phrase),
            ]
        }
        let role: JSONValue = self.role.map { ["name": .string($0.name), "arn": optional($0.arn), "displayArn": .string($0.displayArn)] } ?? .null
        let user: JSONValue = self.user.map { ["name": .string($0.name)] } ?? .null
        return [
            "destination": .string(destination),
            "specFile": .string(specFile),
            "vendor": .string(vendor),
            "route": .string(route.rawValue),
            "who": [
                "text": words(who),
                "principals": .array(principals),
                "externalId": optional(externalId),
                "role": role,
                "user": user,
            ],
            "where": [
                "text": words(place),
                "bucket": .string(location.bucket), "prefix": .string(location.prefix), "region": optional(location.region),
                "bucketArn": .string(location.bucketArn), "objectsArn": .string(location.objectsArn), "s3Uri": .string(location.s3Uri),
            ],
            "can": .array(capabilities.map { capability in
                [
                    "kind": .string(capability.kind.rawValue), "text": words(capability.phrase),
                    "actions": .array(capability.actions.map(JSONValue.string)),
                    "resources": .array(capability.resources.map(JSONValue.string)),
                ]
            }),
            "cannot": .array(limits.map { ["kind": .string($0.kind.rawValue), "text": words($0.phrase)] }),
            "notes": .array(notes.map { ["kind": .string($0.kind.rawValue), "text": words($0.phrase)] }),
        ]
    }
}
