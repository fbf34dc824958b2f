/// The message catalogue: every sentence bucketbridge prints about its input, in one place.
///
/// Messages follow the field path and the quoted value: `destinations[0].bucket: "x" <message>`.
enum Message {
    static let required = "is required"
    static let specMustBeObject = "is not a spec: the file must hold a JSON object"
    static let unsupportedVersion = "is not a supported version: use 1"
    static let noDestinations = "is empty: list at least one destination"
    static let unknownField = "is not a known field"
    static func didYouMean(_ candidate: String) -> String { "did you mean \(quotedForDiagnostic(candidate))?" }
    static func mustBe(_ type: String) -> String { "must be \(type)" }
}

extension Message {
    static func notValid(_ what: String, _ problems: [String]) -> String {
        "is not a valid \(what): " + problems.joined(separator: "; ")
    }
    static func notOneOf(_ choices: String) -> String { "is not one of \(choices)" }
    static let invalidDestinationName =
        "is not a valid destination name: use 1 to 63 lowercase letters, digits and \"-\", starting with a letter or digit"
    static func duplicateName(_ first: SourceLocation) -> String {
        "is not unique: the same destination name is used at \(first); names must be unique across all specs of a run"
    }
    static let bucketNameWithDots =
        "contains \".\": valid, but virtual-hosted-style HTTPS and S3 Transfer Acceleration do not work with such buckets"
    static let forRoleGrants = "for role grants (grant \"role\" or \"role-and-bucket-policy\")"
    static let forRoleAndBucketPolicy = "for grant \"role-and-bucket-policy\": the bucket policy names the role by its full ARN"
    static let externalIdUnused = "is not used: a bucket-policy grant has no role, so no external ID can be required"
    static let accessOrActions = "(set \"access\" to read, write or read-write, or list \"actions\")"
    static let accessAndActions = "is set together with \"actions\": use one or the other"
    static let noActions = "is empty: list at least one S3 action"
    static let duplicateAction = "is listed twice"
    static let wildcardAction = "is not allowed: wildcards grant more than asked for; list each S3 action"
    static let notS3Action = "is not an S3 action: actions must be written as s3:Name"
    static let kmsFromKeyArn = "KMS permissions are added from kmsKeyArn"
    static let unknownAction = "is not a known S3 action"
    static let actionNotOnBucket =
        "cannot be limited to one bucket: the action does not act on a bucket or its objects"
    static let permissionsManagementAction =
        "is a permissions-management action: it lets the vendor change access control; grant it only when the vendor needs it"
    static let wildcardPrincipal = "is not allowed: a wildcard principal would trust every AWS account"
    static let noPrincipals = "is empty: list the vendor's principals"
    static let duplicatePrincipal = "is listed twice"
    static let notAccountID = "is not an AWS account id: it must be 12 digits"
    static func missingNamePrefix(_ prefix: String) -> String {
        "does not start with the vendor's required prefix \(quotedForDiagnostic(prefix))"
    }
    static let sessionDurationRange = "is out of range: the maximum session duration is 3600 to 43200 seconds"
    static func duplicateTagKey(_ first: SourceLocation) -> String {
        "repeats the tag key set at \(first): IAM tag keys are unique regardless of case"
    }
    static func tooManyTags(_ count: Int) -> String { "has \(count) tags: IAM allows at most 50 per role" }
    static let invalidPlaceholderName =
        "is not a valid placeholder name: use 1 to 64 capital letters, digits and \"_\", starting with a letter"
    static let placeholderNeedsDescription =
        "must be one line of text (at most 1000 characters) saying where the customer finds the value"
    static func undeclaredPlaceholder(_ name: String) -> String {
        "uses the placeholder <\(name)>, which the spec does not declare"
    }
    static func declareHint(_ name: String) -> String {
        "declare it: \"placeholders\": {\"\(name)\": \"where the customer finds it\"}"
    }
    static let privateUseCharacters = "holds U+E000 or U+E001, characters bucketbridge reserves for placeholders"
    static func setBy(_ names: [String]) -> String {
        "(with " + names.map { "--set \($0)" }.joined(separator: ", ") + ")"
    }
    static let unusedPlaceholder = "is declared but not used by any destination"
    static let partialAccountPlaceholder = "is not an AWS account id: a placeholder must stand for the whole account id"
}
