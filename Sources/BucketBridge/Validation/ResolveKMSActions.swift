/// Reads `kmsActions`: KMS actions the vendor requires on the bucket's key beyond the ones the
/// access needs (Cisco SEA asks for `kms:Encrypt`).
///
/// Each entry must be a `kms:` action of the Service Authorization Reference that acts on a key
/// (`KMSActionCatalogue`), without wildcards, since the actions are granted on `kmsKeyArn`
/// only. `needed` gives the actions the S3 access needs anyway (nil when the S3 actions are
/// invalid): an entry among them is a warning and is not repeated. Returns the other actions,
/// canonically spelt, in the order given, once each; nil when an entry is invalid.
func resolveKMSActions(_ reader: inout FieldReader, needed neededActions: () -> [String]?) -> [String]? {
    guard reader.fields["kmsActions"] != nil else { return [] }
    let needed = neededActions()
    guard let (entries, listNode) = reader.strings("kmsActions") else { return nil }
    var failed = false
    if !entries.isEmpty, reader.fields["kmsKeyArn"] == nil {
        reader.report(listNode, Message.kmsActionsWithoutKey)
        failed = true
    }
    var extra: [String] = []
    var seen: Set<String> = []
    for (text, node) in entries {
        guard let action = reader.resolveActionEntry(text, node: node, rules: kmsActionEntryRules) else {
            failed = true
            continue
        }
        if !seen.insert(action.name).inserted {
            reader.warn(node, Message.duplicateAction)
        } else if needed?.contains(action.qualifiedName) == true {
            reader.warn(node, Message.kmsActionNeeded)
        } else {
            extra.append(action.qualifiedName)
        }
    }
    return failed ? nil : extra
}

/// A `kmsActions` entry: a known `kms:` action that acts on a key.
let kmsActionEntryRules = ActionEntryRules<KMSAction>(
    prefix: "kms:", wildcard: Message.wildcardKMSAction, otherService: Message.notKMSAction,
    otherServiceHint: { $0.hasPrefix("s3:") ? Message.s3ActionsGoInActions : nil },
    unknown: Message.unknownKMSAction, lookup: KMSActionCatalogue.action(named:), suggestions: KMSActionCatalogue.suggestions(for:),
    outOfReach: { $0.actsOnKey ? nil : Message.kmsActionNotOnKey },
    permissionsManagement: { $0.accessLevel == .permissionsManagement ? Message.kmsPermissionsManagementAction : nil })
