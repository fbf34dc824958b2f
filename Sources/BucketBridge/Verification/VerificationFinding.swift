/// One difference between a document a customer really has and what the spec says, found by
/// `verify`.
public struct VerificationFinding: Sendable, Hashable {
    /// What the difference does to access.
    public enum Kind: String, Sendable, CaseIterable {
        /// The document grants less than the spec: the vendor gets `AccessDenied`.
        case missing
        /// The document grants more than the spec (another principal, wider actions or resources,
        /// a missing condition).
        case broader
        /// A `Deny` statement takes away (or may take away) access the spec grants.
        case blocked
        /// A principal is a unique id (`AROA…`, `AIDA…`): the identity was deleted.
        case deletedPrincipal = "deleted-principal"
    }

    /// What the difference does.
    public var kind: Kind
    /// True when bucketbridge cannot tell offline whether the difference bites (a condition
    /// on a key such as `aws:SourceIp`): reported as a warning.
    public var uncertain: Bool
    /// The file, as the user named it.
    public var file: String
    /// The position and path in the file, where known.
    public var origin: PolicyOrigin?
    /// The value the finding is about: a text of the document, or one the spec names.
    public var value: String?
    /// The sentence, in the seed documents' words.
    public var message: String

    /// Creates a finding about `value` (a text of the document, or one the spec names).
    init(_ kind: Kind, file: String, at origin: PolicyOrigin?, value: String?, _ message: String, uncertain: Bool = false) {
        self.kind = kind
        self.uncertain = uncertain
        self.file = file
        self.origin = origin
        self.value = value
        self.message = message
    }

    /// The finding as a diagnostic: an error when the vendor's access fails or is wider than
    /// the spec, a warning when bucketbridge cannot tell.
    public var diagnostic: Diagnostic {
        Diagnostic(
            uncertain ? .warning : .error, kind.rule, at: origin?.location ?? SourceLocation(file: file), path: origin?.path,
            value: value.map(JSONValue.string), "\(kind.label): \(message)")
    }
}

extension VerificationFinding.Kind {
    /// The diagnostic rule of the kind.
    var rule: DiagnosticRule {
        switch self {
        case .missing: .missingAccess
        case .broader: .broaderAccess
        case .blocked: .blockedAccess
        case .deletedPrincipal: .deletedPrincipal
        }
    }

    /// The word that starts the finding's message.
    var label: String {
        switch self {
        case .missing: "missing"
        case .broader: "broader than the spec"
        case .blocked: "blocked"
        case .deletedPrincipal: "deleted principal"
        }
    }
}
