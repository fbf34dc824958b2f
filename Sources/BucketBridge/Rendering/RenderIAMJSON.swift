/// The IAM JSON files: the reference every other format must equal.
///
/// `iam/trust-policy.json` and `iam/permissions-policy.json` for role grants,
/// `iam/bucket-policy.json` when the grant or `requireTls` adds bucket-policy statements.
func renderIAMJSON(_ policies: DestinationPolicies) -> [OutputFile] {
    let documents: [(String, PolicyDocument?)] = [
        ("iam/permissions-policy.json", policies.permissions),
        ("iam/trust-policy.json", policies.trust),
        ("iam/bucket-policy.json", policies.bucket),
    ]
    return documents.compactMap { path, document in
        document.map { OutputFile(path: path, text: encodeJSON($0.templateValue) + "\n") }
    }
}
