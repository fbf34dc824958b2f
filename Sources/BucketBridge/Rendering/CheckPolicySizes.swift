/// Checks the built policies against IAM's and S3's size quotas (characters not counting
/// whitespace outside strings): a role's inline policies 10,240, a trust policy 2,048 by
/// default (adjustable to 4,096), a bucket policy 20 KB.
///
/// The pretty IAM JSON files already rendered are never smaller than the compact text IAM
/// counts, so a policy is encoded again only when its file is over the quota.
func checkPolicySizes(
    _ policies: DestinationPolicies, iamFiles: [OutputFile], of destination: Destination, diagnostics: inout Diagnostics
) {
    func size(_ document: PolicyDocument?, file path: String, over limit: Int) -> Int? {
        guard let document else { return nil }
        if let pretty = iamFiles.first(where: { $0.path == path }), pretty.contents.count <= limit { return nil }
        let size = document.size
        return size > limit ? size : nil
    }
    if let size = size(policies.trust, file: IAMFile.trust, over: 2048) {
        diagnostics.warning(
            at: destination.location, path: destination.path.appending("trustedPrincipals"),
            "make a trust policy of \(size) characters: more than IAM's default quota of 2,048 (it can be raised to 4,096 in Service Quotas)")
    }
    if let size = size(policies.permissions, file: IAMFile.permissions, over: 10_240) {
        diagnostics.error(
            at: destination.location, path: destination.path,
            "makes a permissions policy of \(size) characters: IAM allows 10,240 for a role's inline policies")
    }
    if let size = size(policies.bucket, file: IAMFile.bucket, over: 20_480) {
        diagnostics.error(
            at: destination.location, path: destination.path,
            "makes bucket-policy statements of \(size) characters: a bucket policy is at most 20 KB")
    }
}
