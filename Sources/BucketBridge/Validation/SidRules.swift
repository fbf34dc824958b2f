/// `sidPrefix`: the stem of a destination's bucket-policy `Sid`s.
///
/// IAM allows only ASCII letters and digits in a `Sid`. With at most 64 characters the longest
/// Sid (`<prefix>DenyInsecureTransport`) has 85, fewer than the default stem can make
/// (`BucketBridge` + a 63-character name in CamelCase + a statement name: up to 96).
enum SidPrefixRules {
    static let maximumLength = 64

    static func problems(_ text: String) -> [String] {
        var problems: [String] = []
        let length = text.unicodeScalars.count
        if length < 1 || length > maximumLength {
            problems.append("it must be 1 to \(maximumLength) characters long, not \(length)")
        }
        if let phrase = CharacterRules.notAllowedPhrase(in: text, allowed: CharacterRules.isSid) {
            problems.append(phrase + ": a Sid holds only the letters A–Z and a–z and the digits 0–9")
        }
        return problems
    }
}

/// One destination's claim on bucket-policy Sids: the stems it owns in one bucket, each with
/// the value that makes it (the `sidPrefix`, or the name for the default stem).
struct SidClaim: Sendable {
    /// The bucket as the destination names it (a placeholder as written).
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
                    Message.duplicateSid(stem: stem, bucket: PlaceholderText.display(claim.bucket), other: first.destination, at: first.location),
                    hint: fromPrefix ? Message.otherSidPrefixHint : Message.renameForSidsHint)
            } else {
                firstClaim[key] = (claim.destination, location)
            }
        }
    }
}

/// The Sid claim of a valid destination whose render writes bucket-policy statements (the only
/// ones whose `setup.sh` touches the bucket policy); nil for the others.
func sidClaim(of destination: Destination, source: DestinationSource) -> SidClaim? {
    guard destination.grant.hasBucketPolicyGrant || destination.requireTls else { return nil }
    let nameNode = source["name"] ?? source.node
    var stems = [(stem: String, fromPrefix: Bool, location: SourceLocation, path: FieldPath, value: JSONValue)]()
    if let prefix = destination.sidPrefix, let node = source["sidPrefix"] {
        stems.append((prefix, true, node.location, node.path, node.jsonValue))
    }
    let defaultStem = sidStem(destination.name)
    if !stems.contains(where: { $0.stem == defaultStem }) {
        stems.append((defaultStem, false, nameNode.location, nameNode.path, nameNode.jsonValue))
    }
    return SidClaim(bucket: destination.bucket, destination: destination.name, stems: stems)
}
