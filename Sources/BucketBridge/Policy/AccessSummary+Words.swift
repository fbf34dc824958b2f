extension AccessSummary {
    /// How the vendor gets in, as one sentence: the role it assumes and the external ID it
    /// presents, or the bucket policy that names it directly.
    public var who: Phrase {
        if route == .user, let user {
            return .text("\(capitalizedVendor) signs its requests with an access key of the IAM user ") + .code(user.name)
                + .text(" in your account. An access key is a long-term secret: whoever holds it has this access until you deactivate the key, which is why a role is safer.")
        }
        guard route.assumesRole, let role else {
            return .text("The bucket policy of ") + .code(location.bucket)
                + .text(" names \(vendor)'s principals directly: there is no role and no external ID, so whoever controls one of these principals gets the access.")
        }
        var phrase = Phrase.text("\(capitalizedVendor) assumes the role ") + .code(role.name) + .text(" in your account")
        if let externalId { phrase = phrase + .text(", presenting the external ID ") + .code(externalId) }
        phrase = phrase + .text(", as one of the principals below.")
        if route == .roleAndBucketPolicy {
            phrase = phrase + .text(" The bucket policy grants the same access to that role.")
        }
        return phrase
    }

    /// Where the access applies: "`s3://b/p/` in `us-east-1`".
    public var place: Phrase {
        .code(location.s3Uri) + (location.region.map { .text(" in ") + .code($0) } ?? "")
    }

    /// The vendor's display name with a capital first letter, to start a sentence.
    public var capitalizedVendor: String {
        vendor.prefix(1).uppercased() + vendor.dropFirst()
    }

    /// Whether the capabilities include the KMS key.
    public var usesKMSKey: Bool { capabilities.contains { $0.kind == .useKMSKey } }

    /// Whether listing is granted only under a prefix (clients must send the prefix).
    public var listsUnderPrefixOnly: Bool {
        !location.prefix.isEmpty && capabilities.contains { $0.kind == .listKeys }
    }

    /// Whether the vendor can upload objects.
    public var writes: Bool { capabilities.contains { $0.kind == .writeObjects } }
}
