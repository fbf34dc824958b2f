extension AccessSummary {
    /// How the vendor gets in, as one sentence: the role it assumes and the external ID it
    /// presents, or the bucket policy that names it directly.
    public var who: Phrase {
        // Phrases here are built from one array of segments: each `+` would copy them all.
        if route == .user, let user {
            return Phrase([
                .text(joined(capitalizedVendor, " signs its requests with an access key of the IAM user ")), .code(user.name),
                .text(" in your account. An access key is a long-term secret: whoever holds it has this access until you deactivate the key, which is why a role is safer."),
            ])
        }
        guard route.assumesRole, let role else {
            return Phrase([
                .text("The bucket policy of "), .code(location.bucket),
                .text(concatenated(" names ", vendor, "'s principals directly: there is no role and no external ID, so whoever controls one of these principals gets the access.")),
            ])
        }
        // Room for every segment from the start: growing a literal's array would copy it.
        var segments: [Phrase.Segment] = []
        segments.reserveCapacity(7)
        segments.append(.text(joined(capitalizedVendor, " assumes the role ")))
        segments.append(.code(role.name))
        segments.append(.text(" in your account"))
        if let externalId {
            segments.append(.text(", presenting the external ID "))
            segments.append(.code(externalId))
        }
        segments.append(.text(", as one of the principals below."))
        if route == .roleAndBucketPolicy {
            segments.append(.text(" The bucket policy grants the same access to that role."))
        }
        return Phrase(segments)
    }

    /// Where the access applies: "`s3://b/p/` in `us-east-1`".
    public var place: Phrase {
        // Without a region, an empty run of words ends the phrase.
        Phrase(location.region.map { [.code(location.s3Uri), .text(" in "), .code($0)] } ?? [.code(location.s3Uri), .text("")])
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

/// `text` with its first Character uppercased (`text.prefix(1).uppercased() + text.dropFirst()`).
func capitalizingFirstCharacter(_ text: String) -> String {
    // A vendor's name usually starts with an ASCII letter followed by ASCII: that first byte is
    // the whole first Character (only CR LF joins two ASCII bytes), and only a–z change case.
    let utf8 = text.utf8
    if let first = utf8.first, first != UInt8(ascii: "\r"), first < 0x80, (utf8.dropFirst().first ?? 0) < 0x80 {
        guard first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return text }
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            _ = buffer.initialize(from: utf8)
            buffer[0] = first - 0x20
            return utf8.count
        }
    }
    return text.prefix(1).uppercased() + text.dropFirst()
}
