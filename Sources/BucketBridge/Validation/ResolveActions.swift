/// Reads `access` or `actions` (exactly one of them) and returns the S3 actions granted. With a
/// `prefix` (as written, normalised), each explicit action the prefix cannot limit is warned
/// about: it is granted on the whole bucket.
func resolveActions(_ reader: inout FieldReader, prefix: String = "") -> (access: AccessLevel?, actions: [S3Action])? {
    let accessNode = reader.fields["access"]
    let actionsNode = reader.fields["actions"]
    switch (accessNode, actionsNode) {
    case (nil, nil):
        reader.reportMissing("access", because: Message.accessOrActions)
        return nil
    case (let access?, _?):
        reader.report(access, Message.accessAndActions)
        return nil
    case (_?, nil):
        guard let level = reader.choice("access", as: AccessLevel.self) else { return nil }
        return (level, AccessPresets.actions(for: level))
    case (nil, _?):
        guard let (entries, listNode) = reader.strings("actions") else { return nil }
        if entries.isEmpty {
            reader.report(listNode, Message.noActions)
            return nil
        }
        var actions: [S3Action] = []
        var failed = false
        for (text, node) in entries {
            guard let action = resolveAction(text, node: node, reader: &reader) else {
                failed = true
                continue
            }
            if actions.contains(action) {
                reader.warn(node, Message.duplicateAction)
            } else {
                actions.append(action)
                if !prefix.isEmpty, action.isBucketWide {
                    reader.warn(node, Message.wholeBucketAction(prefix: PlaceholderText.display(prefix)))
                }
            }
        }
        return failed ? nil : (nil, actions)
    }
}

/// One explicit action: a known `s3:` action that acts on the bucket or its objects.
private func resolveAction(_ text: String, node: JSONNode, reader: inout FieldReader) -> S3Action? {
    if text.containsASCII("*") || text.containsASCII("?") {
        reader.report(node, Message.wildcardAction)
        return nil
    }
    guard text.lowercased().hasPrefix("s3:") else {
        let hint = text.lowercased().hasPrefix("kms:") ? Message.kmsFromKeyArn : nil
        reader.report(node, Message.notS3Action, hint: hint)
        return nil
    }
    guard let action = S3ActionCatalogue.action(named: text) else {
        reader.report(node, Message.unknownAction, hint: Message.didYouMean(anyOf: S3ActionCatalogue.suggestions(for: text)))
        return nil
    }
    guard action.scope != .unsupported else {
        reader.report(node, Message.actionNotOnBucket)
        return nil
    }
    if action.accessLevel == .permissionsManagement {
        reader.warn(node, Message.permissionsManagementAction)
    }
    return action
}

/// The actions behind each `access` preset (CONTRACT.md §5).
enum AccessPresets {
    static func actions(for level: AccessLevel) -> [S3Action] {
        let names: [String] =
            switch level {
            case .read: ["s3:ListBucket", "s3:GetObject"]
            case .write: ["s3:PutObject"]
            case .readWrite: ["s3:ListBucket", "s3:GetObject", "s3:PutObject"]
            }
        return names.compactMap(S3ActionCatalogue.action(named:))
    }
}
