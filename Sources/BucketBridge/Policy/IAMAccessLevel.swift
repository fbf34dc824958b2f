/// How the AWS Service Authorization Reference classifies what an action does (its "Access
/// level" column), for any service.
public enum IAMAccessLevel: String, Sendable, Hashable, CaseIterable {
    /// Lists resources (`s3:ListBucket`, `kms:ListKeys`, ...).
    case list = "List"
    /// Reads data or configuration (`s3:GetObject`, `kms:DescribeKey`, ...).
    case read = "Read"
    /// Creates, changes or deletes data or configuration, or uses a key (`s3:PutObject`,
    /// `kms:Decrypt`, ...).
    case write = "Write"
    /// Changes who may access what: policies, ACLs, grants, public access blocks.
    case permissionsManagement = "Permissions management"
    /// Only changes tags (`s3:PutObjectTagging`, `kms:TagResource`, ...).
    case tagging = "Tagging"
}
