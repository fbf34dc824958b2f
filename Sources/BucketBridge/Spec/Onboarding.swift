/// What the customer's README says beyond the policies (`onboarding`): the vendor's own
/// onboarding story, so a vendor can replace its docs page and its support loop.
public struct Onboarding: Sendable, Hashable {
    /// What the customer does after the setup, in order.
    public var nextSteps: [String] = []
    /// How to reach the vendor's support.
    public var support: SupportContact?
    /// Who makes the external ID.
    public var externalIdIssuedBy: ExternalIdIssuer = .vendor
    /// Where the vendor hosts the rendered CloudFormation template, for a Launch Stack link.
    public var templateUrl: String?
    /// The vendor's name for the field where the customer pastes the role ARN.
    public var roleArnLabel: String?

    /// Nothing beyond the defaults.
    public init() {}
}

/// An e-mail address or an https URL.
public enum SupportContact: Sendable, Hashable {
    case email(String)
    case url(String)

    /// The address or URL as written.
    public var text: String {
        switch self {
        case .email(let address): address
        case .url(let url): url
        }
    }

    /// The link target: `mailto:` for an address.
    public var link: String {
        switch self {
        case .email(let address): "mailto:" + address
        case .url(let url): url
        }
    }
}

/// Who makes the external ID.
public enum ExternalIdIssuer: String, Sendable, Hashable, CaseIterable {
    /// The vendor's product shows it; the customer copies it.
    case vendor
    /// The customer makes one and sends it back with the role ARN.
    case customer
}
