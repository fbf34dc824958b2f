/// The policies of one destination, built once and rendered by every format.
public struct DestinationPolicies: Sendable {
    /// Who may assume the role (role grants).
    public var trust: PolicyDocument?
    /// What the role (role grants) or the user (user grants) may do.
    public var permissions: PolicyDocument?
    /// The statements bucketbridge adds to the bucket policy (bucket-policy grants or `requireTls`).
    public var bucket: PolicyDocument?
    /// The role's ARN, when the account id is known.
    public var roleArn: String?
}

/// Builds the trust, permissions and bucket policies of a validated destination, least
/// privilege as CONTRACT.md §5 defines it.
public func buildPolicies(for destination: Destination) -> DestinationPolicies {
    // The bucket's ARN, built once for every statement that names it.
    let bucket = ResourceNames.bucket(destination)
    let s3 = s3Statements(for: destination, bucketArn: bucket)
    var policies = DestinationPolicies(roleArn: ResourceNames.role(destination))

    if destination.grant.hasRole, let externalId = destination.externalId {
        policies.trust = PolicyDocument(statements: [
            PolicyStatement(
                sid: StatementID.vendorAssumeRole, principal: .aws(destination.trustedPrincipals), actions: ["sts:AssumeRole"],
                conditions: [PolicyCondition("StringEquals", "sts:ExternalId", [externalId])])
        ])
    }
    if destination.grant.hasPermissionsPolicy {
        policies.permissions = PolicyDocument(statements: s3 + kmsStatements(for: destination))
    }

    var bucketStatements: [PolicyStatement] = []
    let stem = bucketSidStem(destination)
    if destination.grant.hasBucketPolicyGrant {
        let principal: [String] = destination.grant == .bucketPolicy ? destination.trustedPrincipals : policies.roleArn.map { [$0] } ?? []
        bucketStatements = s3.map { statement in
            var granted = statement
            granted.sid = joined(stem, statement.sid)
            granted.principal = .aws(principal)
            return granted
        }
    }
    if destination.requireTls {
        bucketStatements.append(PolicyStatement(
            sid: joined(stem, StatementID.denyInsecureTransport), effect: .deny, principal: .everyone, actions: ["s3:*"],
            resources: [bucket, joined(bucket, "/*")],
            conditions: [PolicyCondition("Bool", "aws:SecureTransport", ["false"])]))
    }
    if !bucketStatements.isEmpty { policies.bucket = PolicyDocument(statements: bucketStatements) }
    return policies
}

/// The S3 statements: listing (limited to the prefix), other bucket actions, object actions.
private func s3Statements(for destination: Destination, bucketArn bucket: String) -> [PolicyStatement] {
    let listing = destination.actions.filter { $0.scope == .bucket && $0.supportsPrefixCondition }
    let bucketLevel = destination.actions.filter(\.isBucketWide)
    let objectLevel = destination.actions.filter { $0.scope == .object }
    var statements: [PolicyStatement] = []
    if !listing.isEmpty {
        let conditions = destination.prefix.isEmpty
            ? [] : [PolicyCondition("StringLike", "s3:prefix", [destination.prefix + "*"])]
        statements.append(PolicyStatement(sid: StatementID.listPrefix, actions: listing.map(\.qualifiedName), resources: [bucket], conditions: conditions))
    }
    if !bucketLevel.isEmpty {
        statements.append(PolicyStatement(sid: StatementID.bucketActions, actions: bucketLevel.map(\.qualifiedName), resources: [bucket]))
    }
    if !objectLevel.isEmpty {
        statements.append(PolicyStatement(
            sid: StatementID.objectActions, actions: objectLevel.map(\.qualifiedName), resources: [ResourceNames.objects(destination, bucketArn: bucket)]))
    }
    return statements
}

/// The KMS statement: what the S3 access needs on the bucket's key, then what the vendor asks
/// for beyond that (`kmsActions`), on that key only.
private func kmsStatements(for destination: Destination) -> [PolicyStatement] {
    guard let key = destination.kmsKeyArn else { return [] }
    let actions = kmsActions(for: destination.actions) + destination.extraKMSActions
    guard !actions.isEmpty else { return [] }
    return [PolicyStatement(sid: StatementID.kmsKeyUse, actions: actions, resources: [key])]
}

/// The KMS actions S3 actions need on an SSE-KMS bucket's key: `kms:Decrypt` to read objects,
/// `kms:GenerateDataKey` and `kms:Decrypt` (multipart uploads) to write them; none otherwise.
func kmsActions(for actions: [S3Action]) -> [String] {
    let reads = actions.contains { $0.name == "GetObject" || $0.name == "GetObjectVersion" }
    let writes = actions.contains { $0.name == "PutObject" }
    // Shared arrays: validation, the policies, the summary and the template facts each ask for
    // every destination, and a fresh array would be allocated each time.
    return writes ? kmsActionsToWrite : reads ? kmsActionsToRead : []
}

/// The KMS actions reading objects needs (see `kmsActions(for:)`).
private let kmsActionsToRead = ["kms:Decrypt"]
/// The KMS actions writing objects needs, multipart uploads included (see `kmsActions(for:)`).
private let kmsActionsToWrite = ["kms:Decrypt", "kms:GenerateDataKey"]

/// Every bucket-policy Sid a destination can own, whether or not the current render uses it:
/// `setup.sh` replaces statements with these Sids, so a statement an earlier render added and
/// this one no longer does is removed too, and nobody else's statement is touched. With a
/// `sidPrefix`, the Sids of the default stem are owned too, so that statements written before
/// the prefix was set are replaced rather than left beside the new ones.
func ownedBucketSids(_ destination: Destination) -> [String] {
    let defaultStem = sidStem(destination.name)
    let stems = destination.sidPrefix.map { $0 == defaultStem ? [$0] : [$0, defaultStem] } ?? [defaultStem]
    var sids: [String] = []
    sids.reserveCapacity(stems.count * StatementID.bucketPolicyStatements.count)
    for stem in stems {
        for name in StatementID.bucketPolicyStatements { sids.append(joined(stem, name)) }
    }
    return sids
}

/// `first + second` in one allocation of the exact size (`+` copies `first` into storage of
/// its own, then grows it for `second`): Sids are built by the thousand.
func joined(_ first: String, _ second: String) -> String {
    ByteScan.withUTF8(of: first) { first in
        ByteScan.withUTF8(of: second) { second in
            String(unsafeUninitializedCapacity: first.count + second.count) { buffer in
                // In bounds: the buffer has room for both.
                _ = UnsafeMutableBufferPointer(rebasing: buffer[..<first.count]).initialize(fromContentsOf: first)
                _ = UnsafeMutableBufferPointer(rebasing: buffer[first.count...]).initialize(fromContentsOf: second)
                return first.count + second.count
            }
        }
    }
}

/// The stem of a destination's bucket-policy Sids: its `sidPrefix`, else `sidStem(name)`.
func bucketSidStem(_ destination: Destination) -> String {
    destination.sidPrefix ?? sidStem(destination.name)
}

/// The statement ids bucketbridge uses; bucket-policy statements prefix them with
/// `bucketSidStem`. No bucket-policy statement name ends with another (`SidRegistry` relies on it).
enum StatementID {
    static let vendorAssumeRole = "VendorAssumeRole"
    static let listPrefix = "ListPrefix"
    static let bucketActions = "BucketActions"
    static let objectActions = "ObjectActions"
    static let kmsKeyUse = "KmsKeyUse"
    static let denyInsecureTransport = "DenyInsecureTransport"
    /// Every statement that can appear in a bucket policy.
    static let bucketPolicyStatements = [listPrefix, bucketActions, objectActions, denyInsecureTransport]
}

/// The default bucket-policy Sid stem of a destination: `BucketBridge` + the name in CamelCase
/// (`acme-daily-export` → `BucketBridgeAcmeDailyExport`), so statements of several
/// destinations in one bucket never collide and can be found again by `Sid`.
func sidStem(_ name: String) -> String {
    let head: StaticString = "BucketBridge"
    return ByteScan.withUTF8(of: name) { name in
        String(unsafeUninitializedCapacity: head.utf8CodeUnitCount + name.count) { stem in
            // In bounds: the stem has room for the head and every byte of the name.
            stem.baseAddress!.initialize(from: head.utf8Start, count: head.utf8CodeUnitCount)
            var count = head.utf8CodeUnitCount
            var startOfWord = true
            for byte in name {
                if byte == UInt8(ascii: "-") {
                    startOfWord = true
                    continue
                }
                // Names are [a-z0-9-]: uppercasing is a fixed offset for the letters.
                let isLower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
                stem[count] = startOfWord && isLower ? byte - 32 : byte
                count += 1
                startOfWord = false
            }
            return count
        }
    }
}

extension S3Action {
    /// A bucket-level action that does not take the `s3:prefix` condition key: a prefix cannot
    /// limit it, so it is granted on the whole bucket (`s3:ListBucketMultipartUploads`,
    /// `s3:GetBucketLocation`, the bucket configuration actions).
    var isBucketWide: Bool { scope == .bucket && !supportsPrefixCondition }
}
