/// A placeholder a destination still holds after validation (no `--set` value was given): its
/// declaration, the fields it stands in, and the rule a value must follow there.
public struct PlaceholderUse: Sendable, Hashable {
    /// `SEA_GATEWAY_ROLE`.
    public var name: String
    /// Where the customer finds the value.
    public var description: String
    /// The fields it stands in, in the order they were read.
    public var fields: [PlaceholderField]
    /// What a value must look like, for the formats that can check it.
    public var rule: PlaceholderRule
}

/// Where a placeholder stands: a whole field or one component of it. Decides the sample used
/// to validate the text around it and the rule a value must follow.
public enum PlaceholderField: String, Sendable, Hashable, CaseIterable {
    /// The customer's account id (`role.accountId`).
    case accountId = "account id"
    /// The account of a trusted principal's ARN.
    case principalAccount = "principal account"
    /// The account of the KMS key ARN.
    case kmsAccount = "KMS key account"
    /// The key id of the KMS key ARN.
    case kmsKeyId = "KMS key id"
    /// A whole trusted principal.
    case principal = "trusted principal"
    /// A role, user or session name inside a trusted principal's ARN.
    case principalName = "name in a trusted principal"
    /// The whole bucket name.
    case bucket = "bucket name"
    /// Part of the bucket name.
    case bucketPart = "part of the bucket name"
    /// The whole external ID.
    case externalId = "external ID"
    /// Part of the external ID.
    case externalIdPart = "part of the external ID"
    /// The whole role or user name.
    case iamName = "IAM name"
    /// Part of a role or user name.
    case iamNamePart = "part of an IAM name"
    /// The prefix, or part of it.
    case prefix = "key prefix"
    /// A tag value, or part of one.
    case tagValue = "tag value"
}

/// What a value must look like where a placeholder stands, in forms every format can check:
/// a regular expression in the subset that POSIX ERE (bash), RE2 (Terraform), Java
/// (CloudFormation) and JSON Schema read alike, and length bounds.
public struct PlaceholderRule: Sendable, Hashable {
    /// The whole value must match this pattern (anchored), when the rule can be written as one.
    public var pattern: String?
    /// Minimum length in characters.
    public var minLength: Int?
    /// Maximum length in characters.
    public var maxLength: Int?
    /// The rule in words, for error messages: "12 digits".
    public var explanation: String

    /// A rule from its parts.
    public init(pattern: String? = nil, minLength: Int? = nil, maxLength: Int? = nil, explanation: String) {
        self.pattern = pattern
        self.minLength = minLength
        self.maxLength = maxLength
        self.explanation = explanation
    }
}
