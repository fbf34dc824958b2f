/// A FILE of `verify` and the document it must hold.
public struct VerificationInput: Sendable, Equatable {
    /// `--trust`, `--permissions` or `--bucket-policy`.
    public var kind: PolicyKind
    /// The file, as the user named it.
    public var path: String

    /// Creates an input.
    public init(_ kind: PolicyKind, _ path: String) {
        self.kind = kind
        self.path = path
    }
}

/// What `verify` found for one destination.
public struct VerificationReport: Sendable {
    /// The destination the documents were compared with.
    public var destination: String
    /// Every difference, in the order found (the diagnostics hold them too, sorted by position).
    public var findings: [VerificationFinding]
}

extension Pipeline {
    /// `verify`: validates the specs, picks the destination (`name`, or the only one), reads
    /// each FILE and compares it by meaning with the destination's built policies. Findings
    /// and unreadable documents are appended to `diagnostics`; nothing is written.
    public func verify(
        destination name: String?, inputs: [VerificationInput], diagnostics: inout Diagnostics
    ) throws(PipelineError) -> VerificationReport {
        guard !inputs.isEmpty else { throw .usage(UsageError(message: VerificationUsage.noFiles)) }
        let destinations = try readAndValidate(diagnostics: &diagnostics)
        if diagnostics.hasErrors { throw .invalid }
        let destination = try choose(name, from: destinations, for: "verify")
        guard destination.placeholders.isEmpty else {
            throw .usage(UsageError(message: VerificationUsage.unsetPlaceholders(destination.placeholders.map(\.name))))
        }
        let access = ExpectedAccess(destination)
        for input in inputs where input.kind != .bucketPolicy && access.document(input.kind).statements.isEmpty {
            throw .usage(UsageError(message: VerificationUsage.noSuchDocument(input, destination)))
        }
        var findings: [VerificationFinding] = []
        for input in inputs {
            let file = try readInputFile(input.path, what: "policy file")
            guard let observed = readPolicyFile(file, kind: input.kind, partition: destination.partition, diagnostics: &diagnostics)
            else { continue }
            let found = comparePolicy(observed, with: destination)
            for finding in found { diagnostics.append(finding.diagnostic) }
            findings += found
        }
        return VerificationReport(destination: destination.name, findings: findings)
    }
}

/// The usage errors of `verify`.
enum VerificationUsage {
    static let noFiles = "verify needs at least one document: --trust FILE, --permissions FILE or --bucket-policy FILE"

    static func unsetPlaceholders(_ names: [String]) -> String {
        "verify compares documents that hold real values: set \(listPhrase(names)) with --set NAME=VALUE"
    }

    static func noSuchDocument(_ input: VerificationInput, _ destination: Destination) -> String {
        "\(input.kind.option): destination \(quotedForDiagnostic(destination.name)) has no \(input.kind.noun) (grant \(quotedForDiagnostic(destination.grant.rawValue)))"
    }
}
