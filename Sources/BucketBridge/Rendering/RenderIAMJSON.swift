/// The IAM JSON files: the reference every other format must equal.
///
/// `iam/trust-policy.json` and `iam/permissions-policy.json` for role grants,
/// `iam/bucket-policy.json` when the grant or `requireTls` adds bucket-policy statements.
func renderIAMJSON(_ policies: DestinationPolicies) -> [OutputFile] {
    let documents: [(String, PolicyDocument?)] = [
        (IAMFile.permissions, policies.permissions),
        (IAMFile.trust, policies.trust),
        (IAMFile.bucket, policies.bucket),
    ]
    return documents.compactMap { path, document in
        document.map { OutputFile(path: path, text: encodeJSON($0.jsonValue) + "\n") }
    }
}

/// The paths of the IAM JSON files inside a destination folder.
enum IAMFile {
    static let permissions = "iam/permissions-policy.json"
    static let trust = "iam/trust-policy.json"
    static let bucket = "iam/bucket-policy.json"
}
