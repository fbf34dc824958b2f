/// The sentences `verify` prints, in the words of the vendors' troubleshooting pages. A
/// finding's message follows its field path and value; each says what the document grants,
/// what the spec grants, and what that does to the vendor's access.
enum VerificationMessage {
    // MARK: Reading the files

    static func notAPolicy(_ type: String) -> Message {
        Message(.policyDocument, "is \(type), not a policy document: a policy is a JSON object with \"Statement\"")
    }
    static let notAPolicyFile = Message(.policyDocument,
        "is neither a policy document (an object with \"Statement\") nor the output of aws iam get-role, aws iam get-role-policy, aws iam get-policy-version or aws s3api get-bucket-policy")
    static let getPolicyHasNoDocument = Message(.policyDocument,
        "is the output of aws iam get-policy, which holds no document: fetch it with aws iam get-policy-version --policy-arn ARN --version-id ID")
    static func wrongDocument(holds: PolicyKind, wanted: PolicyKind) -> Message {
        Message(.policyDocument, "output holds the \(holds.noun), but \(wanted.option) needs the \(wanted.noun)")
    }
    static let noStatement = Message(.policyDocument, "has no \"Statement\": a policy document lists its statements there")
    static let unknownPolicyElement = Message(.policyDocument, "is not an element of a policy document (Version, Id, Statement)")
    static let unknownStatementElement = Message(.policyDocument,
        "is not an element of a policy statement (Sid, Effect, Principal, Action, Resource, Condition or their Not forms)")
    static func missingElement(_ name: String) -> Message { Message(.policyDocument, "has no \(name): IAM requires it in every statement") }
    static func bothForms(_ plain: String, _ negated: String) -> Message {
        Message(.policyDocument, "is set together with \(plain): a statement has one or the other")
    }
    static let principalInIdentityPolicy = Message(.policyDocument,
        "has a Principal or NotPrincipal: IAM refuses them in a permissions policy, which applies to the role it is attached to")
    static func noPrincipal(_ kind: PolicyKind) -> Message {
        Message(.policyDocument, "has no Principal or NotPrincipal: every statement of a \(kind.noun) names whom it applies to")
    }
    static let principalForm = Message(.policyDocument, "must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::123456789012:role/name\"}")

    // MARK: Missing: the vendor gets AccessDenied

    static func nothingGrants(_ what: String, in kind: PolicyKind) -> String {
        "no statement of the \(kind.noun) grants it: the vendor gets AccessDenied"
    }
    static func missingPrincipal(_ kind: PolicyKind) -> String {
        kind == .trust
            ? "is not trusted by the trust policy: its sts:AssumeRole is denied (AccessDenied); the spec trusts it"
            : "is not granted by the \(kind.noun): its requests are denied (AccessDenied); the spec grants it"
    }
    static func missingAction(_ kind: PolicyKind, principal: String?) -> String {
        "is not allowed by the \(kind.noun)\(principal.map { " for \(quotedForDiagnostic($0))" } ?? ""): the vendor gets AccessDenied for it; the spec grants it"
    }
    static func missingResource(_ actions: [String]) -> String {
        "is not among the resources on which the statement allows \(listPhrase(actions)): the vendor gets AccessDenied there; the spec grants \(actions.count == 1 ? "it" : "them") there"
    }
    static func externalIDDiffers(_ expected: [String]) -> String {
        "is the external ID in the trust policy; the vendor expects \(listPhrase(expected.map(quotedForDiagnostic), conjunction: "or")): its sts:AssumeRole is denied (AccessDenied)"
    }
    static func prefixDiffers(_ expected: [String], action: String) -> String {
        "is the s3:prefix condition; the vendor lists under \(listPhrase(expected.map(quotedForDiagnostic), conjunction: "or")): its \(action) requests there are denied (AccessDenied)"
    }
    static func prefixNotInSpec(action: String) -> String {
        "limits \(action) to this s3:prefix, but the spec grants listing the whole bucket: the vendor's other listings are denied (AccessDenied)"
    }
    static func conditionNotMet(_ operator: String, _ key: String, action: String) -> String {
        "is required by a \(`operator`) condition on \(key) that the spec does not set, and the vendor's \(action) requests do not meet it: they are denied (AccessDenied)"
    }
    static func conditionUnknown(_ operator: String, _ key: String) -> String {
        "is required by a \(`operator`) condition on \(key) that the spec does not set; bucketbridge cannot tell offline whether the vendor's requests meet it: when they do not, they are denied (AccessDenied)"
    }

    // MARK: Broader: more than the spec grants

    static func otherPrincipal(_ name: String, expected: [String], in kind: PolicyKind) -> String {
        guard !expected.isEmpty else {
            return "is granted access by the \(kind.noun), which the spec grants to no principal"
        }
        let spec = listPhrase(expected.map(quotedForDiagnostic))
        if name == PolicyPrincipals.everyone {
            return "grants everyone: the \(kind.noun) lets any AWS principal in; the spec grants only \(spec)"
        }
        if let arn = ARN(name), arn.service == "iam", arn.resource == "root",
            expected.contains(where: { PolicyPrincipals.covers(name, $0) })
        {
            return "grants every principal of account \(arn.account) that its administrators allow; the spec grants only \(spec)"
        }
        if expected.contains(where: { PolicyPrincipals.covers(name, $0) }) {
            return "grants every session of this role; the spec grants only \(spec)"
        }
        return "is not a principal of the spec: the \(kind.noun) grants it access the spec gives only to \(spec)"
    }
    static func negatedPrincipal(_ expected: [String], in kind: PolicyKind) -> String {
        let spec = expected.isEmpty ? "no principal" : "only " + listPhrase(expected.map(quotedForDiagnostic))
        return "NotPrincipal grants everyone except the principals listed; in the \(kind.noun) the spec grants \(spec)"
    }
    static func extraAction(_ granted: [String]) -> String {
        "is not granted by the spec, which grants only \(actionList(granted))"
    }
    static func wildcardAction(extra: [String]?, granted: [String]) -> String {
        guard let extra else {
            return "grants every action the wildcard matches, including ones AWS adds later; the spec grants only \(actionList(granted))"
        }
        let examples = extra.prefix(4).joined(separator: ", ") + (extra.count > 4 ? ", ..." : "")
        return "grants \(extra.count) S3 action\(extra.count == 1 ? "" : "s") the spec does not (\(examples)); the spec grants only \(actionList(granted))"
    }
    static func negatedAction(_ granted: [String]) -> String {
        "NotAction grants every action except the ones listed; the spec grants only \(actionList(granted))"
    }
    static func widerResource(_ actions: [String], allowed: [String]) -> String {
        let them = actions.count == 1 ? "it" : "them"
        return allowed.isEmpty
            ? "is a resource on which the statement grants \(listPhrase(actions)); the spec grants \(them) on no resource here"
            : "is a resource on which the statement grants \(listPhrase(actions)); the spec grants \(them) only on \(listPhrase(allowed.map(quotedForDiagnostic)))"
    }
    static func negatedResource(_ action: String) -> String {
        "NotResource grants \(action) on every resource except the ones listed, wider than the spec"
    }
    static func noExternalID(_ expected: [String]) -> String {
        "has no sts:ExternalId condition: the trusted principals can assume the role without the external ID \(listPhrase(expected.map(quotedForDiagnostic), conjunction: "or")) the spec requires (the confused-deputy protection)"
    }
    static func noPrefixCondition(_ action: String, wanted: [String]) -> String {
        "has no s3:prefix condition: \(action) lists every key in the bucket; the spec limits listing to \(listPhrase(wanted.map(quotedForDiagnostic), conjunction: "or"))"
    }
    static func widerCondition(_ operator: String, _ key: String, wanted: [String]) -> String {
        "does not limit \(key) as the spec does (\(`operator`) \(listPhrase(wanted.map(quotedForDiagnostic), conjunction: "or"))): it lets through more requests"
    }
    static let missingTLSDeny =
        "the bucket policy does not deny requests without TLS (Bool aws:SecureTransport false on the bucket and its objects), as the spec's requireTls does"
    static let missingDeny = "the document lacks a Deny statement of the spec, so it allows more than the spec"

    // MARK: Blocked, deleted principals

    static func denyBlocks(_ requests: [String], partly: Bool) -> String {
        "this Deny statement blocks \(partly ? "part of " : "")the vendor's \(listPhrase(requests)): the vendor gets AccessDenied\(partly ? " there" : "")"
    }
    static func denyMayBlock(_ requests: [String], keys: [String]) -> String {
        "this Deny statement blocks the vendor's \(listPhrase(requests)) when its condition on \(listPhrase(keys)) holds; bucketbridge cannot tell offline whether it does: check it"
    }
    static func deletedPrincipal(_ kind: UniqueIDKind) -> String {
        "is a deleted \(kind.rawValue)'s unique id: IAM wrote it in place of the \(kind.rawValue)'s ARN when the \(kind.rawValue) was deleted, and a \(kind.rawValue) recreated under the same name is not granted by it; run the setup again"
    }

    private static func actionList(_ actions: [String]) -> String {
        actions.isEmpty ? "no action here" : listPhrase(actions)
    }
}
