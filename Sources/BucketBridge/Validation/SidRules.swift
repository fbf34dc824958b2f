/// `sidPrefix`: the stem of a destination's bucket-policy `Sid`s.
///
/// IAM allows only ASCII letters and digits in a `Sid`. With at most 64 characters the longest
/// Sid (`<prefix>DenyInsecureTransport`) has 85, fewer than the default stem can make
/// (`BucketBridge` + a 63-character name in CamelCase + a statement name: up to 96).
enum SidPrefixRules {
    static let maximumLength = 64

    static func problems(_ text: String) -> [String] {
        CharacterRules.problems(text, maximum: maximumLength, allowed: CharacterRules.isSid,
            explanation: ": a Sid holds only the letters A–Z and a–z and the digits 0–9")
    }
}

/// One destination's claim on bucket-policy Sids: the stems it owns in one bucket, each with
/// the value that makes it (the `sidPrefix`, or the name for the default stem).
struct SidClaim: Sendable {
    /// The bucket as written (placeholders included).
    var bucket: String
    /// The destination's name.
    var destination: String
    /// Each owned stem and the field value that makes it (`sidPrefix`, or `name` for the
    /// default stem), for diagnostics.
    var stems: [(stem: String, fromPrefix: Bool, location: SourceLocation, path: FieldPath, value: JSONValue)]
}

/// The run-wide rule that no two destinations own the same bucket-policy Sid in one bucket.
///
/// `setup.sh` merges its statements into the bucket policy by replacing every statement whose
/// Sid its destination owns (`ownedBucketSids`), so two destinations owning one Sid in a bucket
/// would each remove the other's statement. Owned Sids are a stem followed by one of the fixed
/// statement names (`StatementID.bucketPolicyStatements`), none of which ends with another, so
/// two destinations share a Sid exactly when they share a stem: the registry compares stems.
struct SidRegistry {
    private var firstClaim: [String: (destination: String, location: SourceLocation)] = [:]

    /// Records a destination's stems; reports each stem another destination already owns in
    /// the same bucket.
    mutating func claim(_ claim: SidClaim, diagnostics: inout Diagnostics) {
        for (stem, fromPrefix, location, path, value) in claim.stems {
            let key = claim.bucket + "\u{0}" + stem
            if let first = firstClaim[key] {
                diagnostics.error(
                    at: location, path: path, value: value,
                    Message.duplicateSid(stem: stem, bucket: claim.bucket, other: first.destination, at: first.location),
                    hint: fromPrefix ? Message.otherSidPrefixHint : Message.renameForSidsHint)
            } else {
                firstClaim[key] = (claim.destination, location)
            }
        }
    }
}

/// The Sid claim of a destination whose render writes bucket-policy statements (the only ones
/// whose `setup.sh` touches the bucket policy), read from the fields as written so that a
/// clash is reported even when other fields have errors: nil when the destination writes no
/// bucket policy, or when its name, bucket, grant or `sidPrefix` is itself invalid (reported
/// by its own rule). The stems are those of `ownedBucketSids`.
func sidClaim(of source: DestinationSource) -> SidClaim? {
    func text(_ key: String) -> (value: String, node: JSONNode)? {
        guard let node = source[key], case .string(let value) = node.value else { return nil }
        return (value, node)
    }
    guard let (name, nameNode) = text("name"), DestinationNameRules.isValid(name), let (bucket, _) = text("bucket") else { return nil }
    // Optional fields looked up once each, set or not.
    var grant = Grant.role
    if let node = source["grant"] {
        guard case .string(let value) = node.value, let chosen = Grant(rawValue: value) else { return nil }
        grant = chosen
    }
    let requireTls = if case .bool(true)? = source["requireTls"]?.value { true } else { false }
    guard grant.hasBucketPolicyGrant || requireTls else { return nil }

    var stems = [(stem: String, fromPrefix: Bool, location: SourceLocation, path: FieldPath, value: JSONValue)]()
    if let node = source["sidPrefix"] {
        guard case .string(let prefix) = node.value, SidPrefixRules.problems(prefix).isEmpty else { return nil }
        stems.append((prefix, true, node.location, node.path, node.jsonValue))
    }
    let defaultStem = sidStem(name)
    if !stems.contains(where: { $0.stem == defaultStem }) {
        stems.append((defaultStem, false, nameNode.location, nameNode.path, nameNode.jsonValue))
    }
    return SidClaim(bucket: bucket, destination: name, stems: stems)
}
