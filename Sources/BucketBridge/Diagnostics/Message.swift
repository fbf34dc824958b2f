/// The message catalogue: every sentence bucketbridge prints about its input, in one place,
/// each with the rule (`DiagnosticRule`) it belongs to.
///
/// Messages follow the field path and the quoted value: `destinations[0].bucket: "x" <text>`.
struct Message: Sendable, Hashable {
    /// The kind of problem, with its stable id.
    var rule: DiagnosticRule
    /// The sentence.
    var text: String

    init(_ rule: DiagnosticRule, _ text: String) {
        self.rule = rule
        self.text = text
    }
}

// MARK: The file and its shape

extension Message {
    static let required = Message(.requiredField, "is required")
    static func required(_ reason: String) -> Message { Message(.requiredField, "is required \(reason)") }
    static let specMustBeObject = Message(.notASpec, "is not a spec: the file must hold a JSON object")
    static let unsupportedVersion = Message(.unsupportedVersion, "is not a supported version: use 1")
    static let noDestinations = Message(.emptyList, "is empty: list at least one destination")
    static let unknownField = Message(.unknownField, "is not a known field")
    static func mustBe(_ type: String) -> Message { Message(.wrongType, "must be \(type)") }
    static func notOneOf(_ choices: String) -> Message { Message(.invalidChoice, "is not one of \(choices)") }
    static func didYouMean(_ candidate: String) -> String { "did you mean \(quotedForDiagnostic(candidate))?" }

    static func invalidJSON(_ problem: String) -> Message { Message(.jsonSyntax, "invalid JSON: \(problem)") }
    static func duplicateKey(_ first: SourceLocation) -> Message {
        Message(.duplicateKey, "duplicate key: already set at line \(first.line), column \(first.column); keep one of the two")
    }
    static let looksLikeYAML =
        "specs are JSON, not YAML: write the file as a JSON object ({ \"version\": 1, \"destinations\": [...] }); `bucketbridge schema` prints its JSON Schema"
}

/// Phrases of JSON syntax errors: what was found, what was expected, and what to do.
enum JSONSyntaxMessage {
    static func unexpected(_ found: String, expected: String) -> String { "unexpected \(found), expected \(expected)" }
    static let trailingCommaInObject = "trailing comma before \"}\": remove the \",\" after the last member"
    static let trailingCommaInArray = "trailing comma before \"]\": remove the \",\" after the last element"
    static let singleQuotes = "strings and keys must be in double quotes (\"...\"), not single quotes"
    static let unquotedKey = "object keys must be in double quotes, such as \"name\""
    static let comment = "comments are not allowed in JSON: remove the comment"
    static func missingComma(between what: String) -> String { "missing \",\" between \(what)" }
    static func typographicQuote(_ scalar: Unicode.Scalar) -> String {
        "typographic quote \(quotedForDiagnostic(String(scalar))): JSON strings use straight double quotes (\")"
    }
    static func notALiteral(_ word: String) -> String {
        "\(quotedForDiagnostic(word)) is not a JSON value: strings must be in double quotes, and the only bare words are true, false and null"
    }
}

// MARK: Destination fields

extension Message {
    static func notValid(_ rule: DiagnosticRule, _ what: String, _ problems: [String]) -> Message {
        Message(rule, "is not a valid \(what): " + problems.joined(separator: "; "))
    }
    static let invalidDestinationName = Message(.destinationName,
        "is not a valid destination name: use 1 to 63 lowercase letters, digits and \"-\", starting with a letter or digit")
    static func duplicateName(_ first: SourceLocation) -> Message {
        Message(.duplicateDestinationName,
            "is not unique: the same destination name is used at \(first); names must be unique across all specs of a run")
    }
    static let bucketNameWithDots = Message(.bucketNameWithDots,
        "contains \".\": valid, but virtual-hosted-style HTTPS and S3 Transfer Acceleration do not work with such buckets")
    static let forRoleGrants = "for role grants (grant \"role\" or \"role-and-bucket-policy\")"
    static let forUserGrants = "for grant \"user\""
    static let notForUserGrants = Message(.userGrantField,
        "is not used by grant \"user\": the vendor uses an access key of an IAM user in your account, so no principal is trusted and no role is made")
    static let onlyForUserGrants = Message(.userGrantField, "is only used by grant \"user\"")
    static let forRoleAndBucketPolicy = "for grant \"role-and-bucket-policy\": the bucket policy names the role by its full ARN"
    static let externalIdUnused = Message(.externalIdUnused, "is not used: a bucket-policy grant has no role, so no external ID can be required")
}

// MARK: Actions and principals

extension Message {
    static let accessOrActions = "(set \"access\" to read, write or read-write, or list \"actions\")"
    static let accessAndActions = Message(.accessAndActions, "is set together with \"actions\": use one or the other")
    static let noActions = Message(.emptyList, "is empty: list at least one S3 action")
    static let duplicateAction = Message(.duplicateAction, "is listed twice")
    static let wildcardAction = Message(.wildcardAction, "is not allowed: wildcards grant more than asked for; list each S3 action")
    static let notS3Action = Message(.notS3Action, "is not an S3 action: actions must be written as s3:Name")
    static let kmsFromKeyArn = "KMS permissions are added from kmsKeyArn"
    static let unknownAction = Message(.unknownAction, "is not a known S3 action")
    static let actionNotOnBucket = Message(.actionNotOnBucket,
        "cannot be limited to one bucket: the action does not act on a bucket or its objects")
    static let permissionsManagementAction = Message(.permissionsManagementAction,
        "is a permissions-management action: it lets the vendor change access control; grant it only when the vendor needs it")
    static let wildcardPrincipal = Message(.wildcardPrincipal, "is not allowed: a wildcard principal would trust every AWS account")
    static let wildcardInPrincipal = Message(.wildcardPrincipal,
        "is not allowed: wildcards (\"*\", \"?\") in a principal trust more than one identity")
    static let notPrincipalARN = Message(.principal, "is not a full principal ARN or a 12-digit account id")
    static let noPrincipals = Message(.emptyList, "is empty: list the vendor's principals")
    static let duplicatePrincipal = Message(.duplicatePrincipal, "is listed twice")
}

// MARK: The role and the policies

extension Message {
    static let notAccountID = Message(.accountId, "is not an AWS account id: it must be 12 digits")
    static func missingNamePrefix(_ prefix: String) -> Message {
        Message(.missingNamePrefix, "does not start with the vendor's required prefix \(quotedForDiagnostic(prefix))")
    }
    static let sessionDurationRange = Message(.sessionDuration, "is out of range: the maximum session duration is 3600 to 43200 seconds")
    static func duplicateTagKey(_ first: SourceLocation) -> Message {
        Message(.duplicateTagKey, "repeats the tag key set at \(first): IAM tag keys are unique regardless of case")
    }
    static func tooManyTags(_ count: Int) -> Message { Message(.tooManyTags, "has \(count) tags: IAM allows at most 50 per role") }
    static func trustPolicySize(_ size: Int) -> Message {
        Message(.trustPolicySize,
            "make a trust policy of \(size) characters: more than IAM's default quota of 2,048 (it can be raised to 4,096 in Service Quotas)")
    }
    static func permissionsPolicySize(_ size: Int) -> Message {
        Message(.permissionsPolicySize, "makes a permissions policy of \(size) characters: IAM allows 10,240 for a role's inline policies")
    }
    static func managedPolicySize(_ size: Int) -> Message {
        Message(.permissionsPolicySize, "makes a managed permissions policy of \(size) characters: IAM allows 6,144 for a managed policy")
    }
    static func bucketPolicySize(_ size: Int) -> Message {
        Message(.bucketPolicySize, "makes bucket-policy statements of \(size) characters: a bucket policy is at most 20 KB")
    }
}

extension Message {
    static func staleOutput(_ what: String) -> Message { Message(.staleOutput, what) }
    static let updateWithoutCheck = "run the same command without --check to update it"
}

/// Usage errors (exit 2): each names what the user typed and what to do.
enum UsageMessage {
    static let noCommand = "no command given"
    static func unknownCommand(_ name: String) -> String { "unknown command \(quotedForDiagnostic(name))" }
    static func unknownOption(_ name: String) -> String { "unknown option \(quotedForDiagnostic(name))" }
    static func unknownOption(_ name: String, of command: String) -> String {
        "unknown option \(quotedForDiagnostic(name)) for \(command)"
    }
    static func suggestion(_ candidate: String?) -> String { candidate.map { " (\(Message.didYouMean($0)))" } ?? "" }
    static func needsValue(_ usage: String) -> String { "\(usage.split(separator: " ")[0]) needs a value: \(usage)" }
    static func takesNoValue(_ name: String) -> String { "\(name) takes no value: write \(name) alone" }
    static func givenTwice(_ name: String) -> String { "\(name) is given more than once: give it once" }
    static func notAllowed(_ value: String, for name: String, allowed: [String]) -> String {
        "\(name): \(quotedForDiagnostic(value)) is not one of \(allowed.joined(separator: ", "))"
            + suggestion(closestMatch(to: value, in: allowed))
    }
    static func missingArgument(_ argument: ArgumentSpec, of command: String) -> String {
        if argument.isRepeating { return "\(command) needs at least one \(argument.name) (\(argument.help))" }
        if argument.allowedValues.isEmpty { return "\(command) needs \(argument.name) (\(argument.help))" }
        return "\(command) needs \(argument.name): one of \(argument.allowedValues.joined(separator: ", "))"
    }
    static func unexpectedArgument(_ argument: String, after command: String) -> String {
        "unexpected argument \(quotedForDiagnostic(argument)): \(command) takes no further arguments"
    }
    static func externalIDTooLong(length: Int, prefix: String, maximum: Int) -> String {
        let total = length + prefix.unicodeScalars.count
        let room = prefix.isEmpty ? "" : " with --prefix \(quotedForDiagnostic(prefix))"
        return "--length \(length): the external ID would be \(total) characters long, and STS allows at most "
            + "\(ExternalIDRules.maximumLength): use --length \(maximum) or less\(room)"
    }
    static let outDash = "--out -: render writes folders; to print one file to stdout, use: bucketbridge show SPEC... FILE"
    static let showNeedsFile = "show needs at least one SPEC file and then the FILE to print, such as iam/trust-policy.json"
    static func setNeedsEquals(_ setting: String) -> String {
        "--set \(quotedForDiagnostic(setting)): write NAME=VALUE, such as --set BUCKET=acme-data"
    }
    static func setName(_ name: String) -> String {
        "--set \(quotedForDiagnostic(name)): placeholder names are capital letters, digits and _, starting with a letter"
    }
    static func repeatedSpec(_ path: String) -> String {
        "\(quotedForDiagnostic(path)) is named more than once: name each spec file once (check for overlapping globs)"
    }
}

// MARK: Placeholders

extension Message {
    static let invalidPlaceholderName = Message(.placeholderName,
        "is not a valid placeholder name: use 1 to 64 capital letters, digits and \"_\", starting with a letter")
    static let placeholderNeedsDescription = Message(.placeholderDescription,
        "must be one line of text (at most 1000 characters) saying where the customer finds the value")
    static func undeclaredPlaceholder(_ name: String) -> Message {
        Message(.undeclaredPlaceholder, "uses the placeholder <\(name)>, which the spec does not declare")
    }
    static func declareHint(_ name: String) -> String {
        "declare it: \"placeholders\": {\"\(name)\": \"where the customer finds it\"}"
    }
    static let privateUseCharacters = Message(.reservedCharacters, "holds U+E000 or U+E001, characters bucketbridge reserves for placeholders")
    static func placeholderPosition(_ problem: String) -> Message { Message(.placeholderPosition, "has a placeholder where it cannot stand: \(problem)") }
    static func setBy(_ names: [String]) -> String {
        "(with " + names.map { "--set \($0)" }.joined(separator: ", ") + ")"
    }
    static let unusedPlaceholder = Message(.unusedPlaceholder, "is declared but not used by any destination")
    static let partialAccountPlaceholder = Message(.accountId, "is not an AWS account id: a placeholder must stand for the whole account id")
}

// MARK: Onboarding

extension Message {
    static let supportContact = Message(.supportContact, "is not an e-mail address (name@example.com) or an https URL")
    static let templateUrl = Message(.templateUrl, "is not an https URL without spaces or quotes")
    static let templateUrlNotS3 = Message(.templateUrl,
        "is not an S3 URL: the CloudFormation console's quick-create page loads templates from S3 buckets only")
}
