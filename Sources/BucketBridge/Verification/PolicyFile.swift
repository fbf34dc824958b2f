/// Which of a destination's documents a FILE of `verify` holds.
public enum PolicyKind: String, Sendable, CaseIterable {
    /// The role's trust policy (`--trust`).
    case trust
    /// The role's permissions policy (`--permissions`).
    case permissions
    /// The bucket policy (`--bucket-policy`).
    case bucketPolicy = "bucket-policy"

    /// The option that names a file of this kind.
    public var option: String { "--\(rawValue)" }

    /// The document's name in messages: `trust policy`.
    public var noun: String {
        switch self {
        case .trust: "trust policy"
        case .permissions: "permissions policy"
        case .bucketPolicy: "bucket policy"
        }
    }
}

/// A document read from a FILE of `verify`, normalised.
public struct ObservedPolicy: Sendable {
    /// Which document it is.
    public var kind: PolicyKind
    /// The file name as the user gave it.
    public var file: String
    /// The statements, with their positions in the file.
    public var policy: NormalisedPolicy
}

/// The shapes of AWS CLI output that hold a policy document, and where the document is.
private enum CLIOutput: CaseIterable {
    case getRole, getRolePolicy, getPolicyVersion, getBucketPolicy

    /// The top-level key that tells the shape apart, and the document's path below the root.
    var documentPath: [String] {
        switch self {
        case .getRole: ["Role", "AssumeRolePolicyDocument"]
        case .getRolePolicy: ["PolicyDocument"]
        case .getPolicyVersion: ["PolicyVersion", "Document"]
        case .getBucketPolicy: ["Policy"]
        }
    }

    var command: String {
        switch self {
        case .getRole: "aws iam get-role"
        case .getRolePolicy: "aws iam get-role-policy"
        case .getPolicyVersion: "aws iam get-policy-version"
        case .getBucketPolicy: "aws s3api get-bucket-policy"
        }
    }

    var kind: PolicyKind {
        switch self {
        case .getRole: .trust
        case .getRolePolicy, .getPolicyVersion: .permissions
        case .getBucketPolicy: .bucketPolicy
        }
    }
}

/// Reads a FILE of `verify`: a policy document, or the AWS CLI's output holding one (as an
/// object, as a JSON string, or URL-encoded as IAM's API returns it). Problems are diagnostics
/// at their position; `nil` when no document could be read.
public func readPolicyFile(
    _ file: SourceFile, kind: PolicyKind, partition: Partition, diagnostics: inout Diagnostics
) -> ObservedPolicy? {
    guard let root = parseJSON(file, diagnostics: &diagnostics) else { return nil }
    var document = root
    if root["Statement"] == nil, case .object = root.value {
        guard let shape = CLIOutput.allCases.first(where: { root[$0.documentPath[0]] != nil }) else {
            diagnostics.error(at: root.location, path: root.path, VerificationMessage.notAPolicyFile)
            return nil
        }
        if shape == .getBucketPolicy, case .object? = root["Policy"]?.value {
            diagnostics.error(at: root.location, path: FieldPath([.key("Policy")]), VerificationMessage.getPolicyHasNoDocument)
            return nil
        }
        guard shape.kind == kind else {
            diagnostics.error(at: root.location, value: .string(shape.command),
                VerificationMessage.wrongDocument(holds: shape.kind, wanted: kind))
            return nil
        }
        var node: JSONNode? = root
        for key in shape.documentPath { node = node?[key] }
        guard let found = node else {
            diagnostics.error(at: root.location, path: FieldPath(shape.documentPath.map { .key($0) }), Message.required)
            return nil
        }
        document = found
    }
    var locator = PolicyLocator(file: file)
    if case .string = document.value {
        guard let embedded = parseEmbedded(document, in: file, diagnostics: &diagnostics) else { return nil }
        (document, locator) = embedded
    }
    guard let policy = NormalisedPolicy(reading: document, locator: locator, partition: partition, diagnostics: &diagnostics)
    else { return nil }
    for statement in policy.statements where (statement.principals == nil) != (kind == .permissions) {
        let origin = statement.origin ?? PolicyOrigin(location: SourceLocation(file: file.name), path: .root)
        diagnostics.error(at: origin.location, path: origin.path,
            kind == .permissions ? VerificationMessage.principalInIdentityPolicy : VerificationMessage.noPrincipal(kind))
    }
    return ObservedPolicy(kind: kind, file: file.name, policy: policy)
}

/// A document written as a JSON string (`get-bucket-policy`'s `Policy`), URL-encoded or not,
/// parsed with positions mapped back to the outer file.
private func parseEmbedded(
    _ node: JSONNode, in file: SourceFile, diagnostics: inout Diagnostics
) -> (JSONNode, PolicyLocator)? {
    var text = DecodedText.stringLiteral(in: file.bytes, at: node.offset)
    let firstByte = text.bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    if firstByte == UInt8(ascii: "%") { text = text.percentDecoded() }
    let inner = SourceFile(name: file.name, bytes: text.bytes)
    var innerDiagnostics = Diagnostics()
    let parsed = parseJSON(inner, diagnostics: &innerDiagnostics)
    for problem in innerDiagnostics {
        let at = problem.location.map { " (line \($0.line), column \($0.column) of the text)" } ?? ""
        diagnostics.append(Diagnostic(problem.severity, problem.rule, at: node.location, path: node.path, "is not a readable policy document: \(problem.message)\(at)"))
    }
    guard let parsed else { return nil }
    return (parsed, PolicyLocator(file: file, offsets: text.offsets, prefix: node.path))
}
