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
            guard let action = reader.resolveActionEntry(text, node: node, rules: s3ActionEntryRules) else {
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

/// An explicit action: a known `s3:` action that acts on the bucket or its objects.
let s3ActionEntryRules = ActionEntryRules<S3Action>(
    prefix: "s3:", wildcard: Message.wildcardAction, otherService: Message.notS3Action,
    otherServiceHint: { $0.hasPrefix("kms:") ? Message.kmsFromKeyArn : nil },
    unknown: Message.unknownAction, lookup: S3ActionCatalogue.action(named:), suggestions: S3ActionCatalogue.suggestions(for:),
    outOfReach: { $0.scope == .unsupported ? Message.actionNotOnBucket : nil },
    permissionsManagement: { $0.accessLevel == .permissionsManagement ? Message.permissionsManagementAction : nil })

/// The actions behind each `access` preset (CONTRACT.md §5).
enum AccessPresets {
    static func actions(for level: AccessLevel) -> [S3Action] {
        switch level {
        case .read: read
        case .write: write
        case .readWrite: readWrite
        }
    }

    // Looked up once: most destinations choose a preset, and each lookup hashes the name.
    private static let read = actions(named: ["s3:ListBucket", "s3:GetObject"])
    private static let write = actions(named: ["s3:PutObject"])
    private static let readWrite = actions(named: ["s3:ListBucket", "s3:GetObject", "s3:PutObject"])

    private static func actions(named names: [String]) -> [S3Action] {
        names.compactMap(S3ActionCatalogue.action(named:))
    }
}
