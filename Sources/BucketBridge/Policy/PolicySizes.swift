/// Checks the built policies against IAM's and S3's size quotas (characters not counting
/// whitespace outside strings): a role's inline policies 10,240, a trust policy 2,048 by
/// default (adjustable to 4,096), a bucket policy 20 KB.
func checkPolicySizes(_ policies: DestinationPolicies, of destination: Destination, diagnostics: inout Diagnostics) {
    if let trust = policies.trust, !isSurelyUnder(trust, 2048), case let size = policySize(trust), size > 2048 {
        diagnostics.warning(
            at: destination.location, path: destination.path.appending("trustedPrincipals"),
            "make a trust policy of \(size) characters: more than IAM's default quota of 2,048 (it can be raised to 4,096 in Service Quotas)")
    }
    if let permissions = policies.permissions, !isSurelyUnder(permissions, 10_240), case let size = policySize(permissions), size > 10_240 {
        diagnostics.error(
            at: destination.location, path: destination.path,
            "makes a permissions policy of \(size) characters: IAM allows 10,240 for a role's inline policies")
    }
    if let bucket = policies.bucket, !isSurelyUnder(bucket, 20_480), case let size = policySize(bucket), size > 20_480 {
        diagnostics.error(
            at: destination.location, path: destination.path,
            "makes bucket-policy statements of \(size) characters: a bucket policy is at most 20 KB")
    }
}

/// The size IAM counts: the compact JSON text.
func policySize(_ document: PolicyDocument) -> Int {
    encodeCompactJSON(document.templateValue).utf8.count
}

/// True when a policy cannot reach `limit`: a cheap upper bound (fixed keys per statement, every
/// string counted twice for escapes) spares encoding the common small policy.
private func isSurelyUnder(_ document: PolicyDocument, _ limit: Int) -> Bool {
    var bound = 64
    for statement in document.statements {
        bound += 200 + statement.sid.utf8.count
        for text in statement.actions + statement.resources { bound += text.utf8.count * 2 + 3 }
        if case .aws(let arns)? = statement.principal { for arn in arns { bound += arn.utf8.count * 2 + 3 } }
        for condition in statement.conditions {
            bound += condition.operator.utf8.count + condition.key.utf8.count + 8
            for value in condition.values { bound += value.utf8.count * 2 + 3 }
        }
    }
    return bound <= limit
}
