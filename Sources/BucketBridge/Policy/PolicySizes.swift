/// Checks the built policies against IAM's and S3's size quotas (characters not counting
/// whitespace outside strings): a role's inline policies 10,240, a trust policy 2,048 by
/// default (adjustable to 4,096), a bucket policy 20 KB.
func checkPolicySizes(_ policies: DestinationPolicies, of destination: Destination, diagnostics: inout Diagnostics) {
    if let trust = policies.trust, case let size = policySize(trust), size > 2048 {
        diagnostics.warning(
            at: destination.location, path: destination.path.appending("trustedPrincipals"),
            "make a trust policy of \(size) characters: more than IAM's default quota of 2,048 (it can be raised to 4,096 in Service Quotas)")
    }
    if let permissions = policies.permissions, case let size = policySize(permissions), size > 10_240 {
        diagnostics.error(
            at: destination.location, path: destination.path,
            "makes a permissions policy of \(size) characters: IAM allows 10,240 for a role's inline policies")
    }
    if let bucket = policies.bucket, case let size = policySize(bucket), size > 20_480 {
        diagnostics.error(
            at: destination.location, path: destination.path,
            "makes bucket-policy statements of \(size) characters: a bucket policy is at most 20 KB")
    }
}

/// The size IAM counts: the compact JSON text.
func policySize(_ document: PolicyDocument) -> Int {
    encodeCompactJSON(document.templateValue).utf8.count
}
