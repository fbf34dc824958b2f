/// A kind of diagnostic, with a stable id that SARIF, JSON and GitHub output carry and README.md
/// lists. Ids are never reused or renumbered: a retired rule keeps its id unused.
///
/// To add a rule: one `static let` below with the next free id of its group, and the same
/// value appended to `all`; a test checks the ids are unique and listed in README.md.
public struct DiagnosticRule: Sendable, Hashable, Comparable {
    /// `BB104`: the stable id.
    public let id: String
    /// `bucket-name`: a readable name, also stable.
    public let name: String
    /// What the rule checks, one line (SARIF `shortDescription`, README's rule table).
    public let summary: String

    init(_ id: String, _ name: String, _ summary: String) {
        self.id = id
        self.name = name
        self.summary = summary
    }

    public static func < (lhs: DiagnosticRule, rhs: DiagnosticRule) -> Bool { lhs.id < rhs.id }
}

extension DiagnosticRule {
    // BB0xx: the file and its shape.
    static let jsonSyntax = DiagnosticRule("BB001", "json-syntax", "The file is not valid JSON.")
    static let duplicateKey = DiagnosticRule("BB002", "duplicate-key", "An object sets the same key twice.")
    static let notASpec = DiagnosticRule("BB003", "not-a-spec", "The file does not hold a JSON object.")
    static let unsupportedVersion = DiagnosticRule("BB004", "unsupported-version", "`version` is not 1.")
    static let unknownField = DiagnosticRule("BB005", "unknown-field", "A field the spec format does not define.")
    static let requiredField = DiagnosticRule("BB006", "required-field", "A required field is missing.")
    static let wrongType = DiagnosticRule("BB007", "wrong-type", "A value has the wrong JSON type.")
    static let emptyList = DiagnosticRule("BB008", "empty-list", "A list that needs entries is empty.")
    static let invalidChoice = DiagnosticRule("BB009", "invalid-choice", "A value is not one of the field's choices.")

    // BB1xx: destination fields.
    static let destinationName = DiagnosticRule("BB101", "destination-name", "`name` breaks the destination-name rules.")
    static let duplicateDestinationName = DiagnosticRule("BB102", "duplicate-destination-name", "Two destinations of a run share a name.")
    static let region = DiagnosticRule("BB103", "region", "`region` is not a valid AWS region name.")
    static let bucketName = DiagnosticRule("BB104", "bucket-name", "`bucket` breaks S3's bucket naming rules.")
    static let bucketNameWithDots = DiagnosticRule("BB105", "bucket-name-with-dots", "A bucket name with dots (warning).")
    static let prefix = DiagnosticRule("BB106", "prefix", "`prefix` would change the policy's meaning.")
    static let description = DiagnosticRule("BB107", "description", "`description` breaks IAM's role-description rules.")
    static let vendor = DiagnosticRule("BB108", "vendor", "`vendor` breaks the display-name rules.")
    static let kmsKeyArn = DiagnosticRule("BB109", "kms-key-arn", "`kmsKeyArn` is not a KMS key ARN of the bucket's partition and region.")
    static let externalId = DiagnosticRule("BB110", "external-id", "`externalId` breaks STS's rules.")
    static let externalIdUnused = DiagnosticRule("BB111", "external-id-unused", "An external ID on a grant without a role (warning).")

    // BB2xx: actions.
    static let accessAndActions = DiagnosticRule("BB201", "access-and-actions", "Both `access` and `actions` are set.")
    static let wildcardAction = DiagnosticRule("BB202", "wildcard-action", "An action with a wildcard.")
    static let notS3Action = DiagnosticRule("BB203", "not-s3-action", "An action that is not `s3:Name`.")
    static let unknownAction = DiagnosticRule("BB204", "unknown-action", "An S3 action AWS does not define.")
    static let actionNotOnBucket = DiagnosticRule("BB205", "action-not-on-bucket", "An action that cannot be limited to one bucket.")
    static let duplicateAction = DiagnosticRule("BB206", "duplicate-action", "An action listed twice (warning).")
    static let permissionsManagementAction = DiagnosticRule("BB207", "permissions-management-action", "An action that changes access control (warning).")

    // BB3xx: principals.
    static let principal = DiagnosticRule("BB301", "principal", "A trusted principal is not a valid ARN or account id.")
    static let wildcardPrincipal = DiagnosticRule("BB302", "wildcard-principal", "A wildcard principal.")
    static let duplicatePrincipal = DiagnosticRule("BB303", "duplicate-principal", "A principal listed twice (warning).")

    // BB4xx: the role.
    static let roleNamePrefix = DiagnosticRule("BB401", "role-name-prefix", "`role.namePrefix` has characters IAM names do not allow.")
    static let roleName = DiagnosticRule("BB402", "role-name", "`role.name` breaks IAM's name rules.")
    static let missingNamePrefix = DiagnosticRule("BB403", "missing-name-prefix", "`role.name` does not start with `role.namePrefix`.")
    static let iamPath = DiagnosticRule("BB404", "iam-path", "`role.path` breaks IAM's path rules.")
    static let accountId = DiagnosticRule("BB405", "account-id", "`role.accountId` is not 12 digits.")
    static let sessionDuration = DiagnosticRule("BB406", "session-duration", "`role.maxSessionDuration` is outside 3600–43200.")
    static let permissionsBoundary = DiagnosticRule("BB407", "permissions-boundary", "`role.permissionsBoundary` is not a managed policy ARN of the partition.")
    static let policyName = DiagnosticRule("BB408", "policy-name", "`role.policyName` breaks IAM's policy-name rules.")
    static let tagKey = DiagnosticRule("BB409", "tag-key", "A tag key breaks IAM's tag rules.")
    static let tagValue = DiagnosticRule("BB410", "tag-value", "A tag value breaks IAM's tag rules.")
    static let duplicateTagKey = DiagnosticRule("BB411", "duplicate-tag-key", "Two tag keys differ only in case.")
    static let tooManyTags = DiagnosticRule("BB412", "too-many-tags", "More than 50 tags.")
    static let userName = DiagnosticRule("BB413", "user-name", "`user.name` breaks IAM's name rules.")
    static let userGrantField = DiagnosticRule("BB414", "user-grant-field", "A field a user grant does not use, or `user` on another grant.")

    // BB5xx: the built policies.
    static let trustPolicySize = DiagnosticRule("BB501", "trust-policy-size", "A trust policy over IAM's default quota (warning).")
    static let permissionsPolicySize = DiagnosticRule("BB502", "permissions-policy-size", "A permissions policy over IAM's quota.")
    static let bucketPolicySize = DiagnosticRule("BB503", "bucket-policy-size", "Bucket-policy statements over S3's quota.")

    // BB6xx: templates (--templates).
    static let templateSyntax = DiagnosticRule("BB601", "template-syntax", "A template does not parse.")
    static let templateInclude = DiagnosticRule("BB602", "template-include", "A template includes a missing template, or itself.")
    static let templateRender = DiagnosticRule("BB603", "template-render", "A template fails while rendering.")

    // BB8xx: placeholders.
    static let placeholderName = DiagnosticRule("BB801", "placeholder-name", "A declared placeholder name is not `^[A-Z][A-Z0-9_]{0,63}$`.")
    static let placeholderDescription = DiagnosticRule("BB802", "placeholder-description", "A placeholder's description is not one line of text.")
    static let undeclaredPlaceholder = DiagnosticRule("BB803", "undeclared-placeholder", "A `<NAME>` the spec does not declare.")
    static let placeholderPosition = DiagnosticRule("BB804", "placeholder-position", "A placeholder where the field does not allow one.")
    static let unusedPlaceholder = DiagnosticRule("BB805", "unused-placeholder", "A declared placeholder no destination uses (warning).")
    static let reservedCharacters = DiagnosticRule("BB806", "reserved-characters", "A value holds U+E000 or U+E001, reserved for placeholders.")

    // BB9xx: the onboarding story.
    static let onboardingText = DiagnosticRule("BB901", "onboarding-text", "An onboarding text is not one line of text.")
    static let supportContact = DiagnosticRule("BB902", "support-contact", "`onboarding.support` is not an e-mail address or https URL.")
    static let templateUrl = DiagnosticRule("BB903", "template-url", "`onboarding.templateUrl` is not an https URL, or not an S3 one (warning).")

    // BB7xx: the output folder.
    static let staleOutput = DiagnosticRule("BB701", "stale-output", "A file under --out is missing or differs from a fresh render (render --check).")

    // BB95x: verify (the documents a customer has).
    static let policyDocument = DiagnosticRule(
        "BB951", "policy-document", "A FILE of verify is not a policy document IAM accepts, nor AWS CLI output holding one.")
    static let missingAccess = DiagnosticRule("BB952", "missing-access", "verify: the document grants less than the spec; the vendor gets AccessDenied.")
    static let broaderAccess = DiagnosticRule("BB953", "broader-access", "verify: the document grants more than the spec.")
    static let blockedAccess = DiagnosticRule("BB954", "blocked-access", "verify: a Deny statement blocks (or may block) access the spec grants.")
    static let deletedPrincipal = DiagnosticRule("BB955", "deleted-principal", "verify: a principal is the unique id of a deleted role or user.")

    /// Every rule, in id order.
    public static let all: [DiagnosticRule] = [
        jsonSyntax, duplicateKey, notASpec, unsupportedVersion, unknownField, requiredField, wrongType, emptyList, invalidChoice,
        destinationName, duplicateDestinationName, region, bucketName, bucketNameWithDots, prefix, description, vendor,
        kmsKeyArn, externalId, externalIdUnused,
        accessAndActions, wildcardAction, notS3Action, unknownAction, actionNotOnBucket, duplicateAction, permissionsManagementAction,
        principal, wildcardPrincipal, duplicatePrincipal,
        roleNamePrefix, roleName, missingNamePrefix, iamPath, accountId, sessionDuration, permissionsBoundary, policyName,
        tagKey, tagValue, duplicateTagKey, tooManyTags, userName, userGrantField,
        trustPolicySize, permissionsPolicySize, bucketPolicySize,
        templateSyntax, templateInclude, templateRender,
        staleOutput,
        placeholderName, placeholderDescription, undeclaredPlaceholder, placeholderPosition, unusedPlaceholder, reservedCharacters,
        onboardingText, supportContact, templateUrl,
        policyDocument, missingAccess, broaderAccess, blockedAccess, deletedPrincipal,
    ]
}
