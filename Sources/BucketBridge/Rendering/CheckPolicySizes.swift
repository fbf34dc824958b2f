/// Checks the built policies against IAM's and S3's size quotas (characters not counting
/// whitespace outside strings): a role's inline policies 10,240, a managed policy 6,144, a
/// trust policy 2,048 by default (adjustable to 4,096), a bucket policy 20 KB.
///
/// The pretty IAM JSON files already rendered are never smaller than the compact text IAM
/// counts, so a policy is encoded again only when its file is over the quota.
func checkPolicySizes(
    _ policies: DestinationPolicies, iamFiles: [OutputFile], of destination: Destination, diagnostics: inout Diagnostics
) {
    func size(_ document: PolicyDocument?, file path: String, over limit: Int) -> Int? {
        guard let document else { return nil }
        if let pretty = iamFiles.first(where: { $0.path == path }), pretty.withBytes(\.count) <= limit { return nil }
        let size = document.size
        return size > limit ? size : nil
    }
    if let size = size(policies.trust, file: IAMFile.trust, over: 2048) {
        diagnostics.warning(
            at: destination.location, path: destination.path.appending("trustedPrincipals"),
            Message.trustPolicySize(size))
    }
    let managed = destination.role?.policyType == .managed
    if let size = size(policies.permissions, file: IAMFile.permissions, over: managed ? 6_144 : 10_240) {
        diagnostics.error(
            at: destination.location, path: destination.path,
            managed ? Message.managedPolicySize(size) : Message.permissionsPolicySize(size))
    }
    if let size = size(policies.bucket, file: IAMFile.bucket, over: 20_480) {
        diagnostics.error(
            at: destination.location, path: destination.path,
            Message.bucketPolicySize(size))
    }
}
