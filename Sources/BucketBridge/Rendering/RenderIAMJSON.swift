/// The IAM JSON files: the reference every other format must equal.
///
/// `iam/trust-policy.json` and `iam/permissions-policy.json` for role grants,
/// `iam/bucket-policy.json` when the grant or `requireTls` adds bucket-policy statements.
func renderIAMJSON(_ policies: DestinationPolicies) -> [OutputFile] {
    iamDocuments(policies).map { OutputFile(path: $0.path, text: encodeJSON($0.document.jsonValue) + "\n") }
}

/// The documents of the IAM JSON files, in file order: each file's path, the document's name
/// under `policies` in the template context, and the document.
func iamDocuments(_ policies: DestinationPolicies) -> [(path: String, name: String, document: PolicyDocument)] {
    let documents: [(String, String, PolicyDocument?)] = [
        (IAMFile.permissions, "permissions", policies.permissions),
        (IAMFile.trust, "trust", policies.trust),
        (IAMFile.bucket, "bucket", policies.bucket),
    ]
    return documents.compactMap { path, name, document in document.map { (path, name, $0) } }
}

/// The paths of the IAM JSON files inside a destination folder.
enum IAMFile {
    static let permissions = "iam/permissions-policy.json"
    static let trust = "iam/trust-policy.json"
    static let bucket = "iam/bucket-policy.json"
}
