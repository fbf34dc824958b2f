#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension CapabilityKind {
    /// The group an S3 action is described in.
    init(_ action: S3Action) {
        switch action.name {
        case "ListBucket", "ListBucketVersions": self = .listKeys
        case "ListBucketMultipartUploads": self = .listMultipartUploads
        case "GetObject", "GetObjectVersion", "GetObjectAttributes", "GetObjectVersionAttributes", "GetObjectTorrent",
            "GetObjectVersionTorrent":
            self = .readObjects
        case "PutObject": self = .writeObjects
        case "DeleteObject", "DeleteObjectVersion": self = .deleteObjects
        case "GetObjectTagging", "GetObjectVersionTagging": self = .readObjectTags
        case "PutObjectTagging", "PutObjectVersionTagging", "DeleteObjectTagging", "DeleteObjectVersionTagging":
            self = .changeObjectTags
        case "GetObjectAcl", "GetObjectVersionAcl": self = .readObjectACLs
        case "PutObjectAcl", "PutObjectVersionAcl": self = .changeObjectACLs
        case "AbortMultipartUpload", "ListMultipartUploadParts": self = .multipartUploads
        case "RestoreObject": self = .restoreObjects
        default:
            switch (action.scope, action.accessLevel) {
            case (.object, _): self = .otherObjectActions
            case (_, .read), (_, .list): self = .readBucketSettings
            case (_, .permissionsManagement): self = .changeBucketPermissions
            default: self = .changeBucketSettings
            }
        }
    }

    /// The verb phrase before the place: "upload objects".
    var verb: String {
        switch self {
        case .listKeys: "list the keys"
        case .readObjects: "download objects"
        case .writeObjects: "upload objects"
        case .deleteObjects: "delete objects"
        case .readObjectTags: "read the tags of objects"
        case .changeObjectTags: "change the tags of objects"
        case .readObjectACLs: "read the ACLs of objects"
        case .changeObjectACLs: "set the ACLs of objects"
        case .multipartUploads: "list the parts of, and abort, multipart uploads"
        case .listMultipartUploads: "list the multipart uploads in progress"
        case .restoreObjects: "restore archived objects"
        case .otherObjectActions: "use other object actions on objects"
        case .readBucketSettings: "read settings"
        case .changeBucketSettings: "change settings"
        case .changeBucketPermissions: "change the access control"
        case .useKMSKey: "use the KMS key"
        }
    }
}

extension SummaryContext {
    /// The capabilities the `Allow` statements grant, one per kind, in `CapabilityKind` order.
    /// The KMS capability tells the actions the granted S3 actions need from the ones `vendor`
    /// asks for beyond them.
    func capabilities(from statements: [PolicyStatement], vendor: String) -> [Capability] {
        // A few kinds per destination: found by a scan, and each entry's arrays grown in place.
        var kinds: [CapabilityKind] = []
        var grouped: [(actions: [String], resources: [String], prefixes: [String], probes: [AccessProbe])] = []
        // Room for the usual few kinds at once: growing one by one allocates each array thrice.
        kinds.reserveCapacity(4)
        grouped.reserveCapacity(4)
        // The S3 actions of the statements, in order, each looked up once.
        var s3Actions: [S3Action] = []
        s3Actions.reserveCapacity(statements.reduce(0) { $0 + $1.actions.count })
        for statement in statements {
            let prefixes = statement.conditions.filter { $0.operator == "StringLike" && $0.key == "s3:prefix" }.flatMap(\.values)
            for action in statement.actions {
                let kind: CapabilityKind
                if action.hasPrefix("kms:") {
                    kind = .useKMSKey
                } else if let s3 = S3ActionCatalogue.action(named: action) {
                    kind = CapabilityKind(s3)
                    s3Actions.append(s3)
                } else {
                    continue
                }
                let index = kinds.firstIndex(of: kind) ?? kinds.count
                if index == kinds.count {
                    kinds.append(kind)
                    grouped.append(([], [], [], []))
                }
                if !grouped[index].actions.contains(action) { grouped[index].actions.append(action) }
                for resource in statement.resources where !grouped[index].resources.contains(resource) {
                    grouped[index].resources.append(resource)
                }
                for prefix in prefixes where !grouped[index].prefixes.contains(prefix) { grouped[index].prefixes.append(prefix) }
                if withProbes {
                    grouped[index].probes += probes(for: action, kind: kind, resources: statement.resources, prefixes: prefixes)
                }
            }
        }
        let neededKMSActions = kmsActions(for: s3Actions)
        // In `CapabilityKind` order, in an array sized once.
        var capabilities: [Capability] = []
        capabilities.reserveCapacity(kinds.count)
        for kind in CapabilityKind.allCases {
            guard let index = kinds.firstIndex(of: kind) else { continue }
            let entry = grouped[index]
            // The phrase's segments in one array: each `+` of phrases would copy them all.
            var segments: [Phrase.Segment] = []
            segments.reserveCapacity(6 + 2 * (entry.resources.count + entry.prefixes.count + entry.actions.count))
            if kind == .useKMSKey {
                segments.append(.text(kind.verb + " "))
                segments.appendCodeList(entry.resources)
                segments.append(.text(" for "))
                segments += kmsActionsPhrase(entry.actions, needed: neededKMSActions, vendor: vendor).segments
                segments.append(.text(" only"))
            } else {
                segments.append(.text(kind.verb))
                appendPlace(of: kind, resources: entry.resources, prefixes: entry.prefixes, to: &segments)
                segments.append(.text(" ("))
                segments.appendCodeList(entry.actions)
                segments.append(.text(")"))
            }
            capabilities.append(
                Capability(kind: kind, actions: entry.actions, resources: entry.resources, phrase: Phrase(segments), probes: entry.probes))
        }
        return capabilities
    }

    /// Appends where a kind of action applies, read from the statements' resources and `s3:prefix`
    /// conditions: " under `s3://b/p/`", " in the bucket `b`", " that start with `p/` in the bucket `b`".
    private func appendPlace(of kind: CapabilityKind, resources: [String], prefixes: [String], to segments: inout [Phrase.Segment]) {
        switch kind {
        case .listKeys where !prefixes.isEmpty:
            segments.append(.text(" that start with "))
            segments.appendCodeList(prefixes.map { String($0.droppingSuffix(ascii: "*") ?? $0[...]) }, conjunction: "or")
            segments.append(.text(" in the bucket "))
            segments.appendCodeList(resources.map { S3Place(arn: $0, in: location).bucketName })
        case .listKeys, .listMultipartUploads:
            segments.append(.text(" in the whole bucket "))
            segments.appendCodeList(resources.map { S3Place(arn: $0, in: location).bucketName })
        case .readBucketSettings, .changeBucketSettings, .changeBucketPermissions:
            segments.append(.text(" of the bucket "))
            segments.appendCodeList(resources.map { S3Place(arn: $0, in: location).bucketName })
        default:
            for index in resources.indices {
                if index > 0 { segments.appendListSeparator(before: index, of: resources.count) }
                S3Place(arn: resources[index], in: location).appendObjectsPhrase(to: &segments, in: location)
            }
        }
    }

    /// The requests that show one granted action: a key under the prefix for object actions,
    /// the bucket with a listed prefix for list actions, the key for KMS.
    private func probes(for action: String, kind: CapabilityKind, resources: [String], prefixes: [String]) -> [AccessProbe] {
        if kind == .useKMSKey { return resources.flatMap { probes(action, $0) } }
        guard let s3 = S3ActionCatalogue.action(named: action) else { return [] }
        if s3.scope == .object { return probes(action, location.bucketArn + "/" + insideKey) }
        let context = prefixes.first.map { ["s3:prefix": String($0.droppingSuffix(ascii: "*") ?? $0[...]) + "example/"] } ?? [:]
        return probes(action, location.bucketArn, context)
    }
}

/// KMS actions as a list; when some are not `needed` by the S3 access, the two groups are told
/// apart: "`kms:Decrypt` (what the S3 access needs) and `kms:Encrypt` (which VENDOR asks for)".
func kmsActionsPhrase(_ actions: [String], needed: [String], vendor: String) -> Phrase {
    let required = actions.filter(needed.contains)
    let asked = actions.filter { !needed.contains($0) }
    guard !asked.isEmpty else { return .list(actions.map(Phrase.code)) }
    let askedPhrase = Phrase.list(asked.map(Phrase.code)) + .text(" (which \(vendor) asks for)")
    guard !required.isEmpty else { return askedPhrase }
    return .list(required.map(Phrase.code)) + .text(" (what the S3 access needs) and ") + askedPhrase
}

/// An S3 resource ARN read back into its bucket and key pattern.
struct S3Place {
    var bucket: String?
    var keyPrefix: String?
    var arn: String

    init(arn: String) {
        self.arn = arn
        var text = arn
        if let place = text.withUTF8(Self.readBytes) {
            (bucket, keyPrefix) = place
            return
        }
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "s3" else { return }
        let rest = parts[5]
        if let slash = rest.firstIndex(of: "/") {
            bucket = String(rest[..<slash])
            let pattern = rest[rest.index(after: slash)...]
            keyPrefix = pattern.hasSuffix("*") ? String(pattern.dropLast()) : nil
        } else {
            bucket = String(rest)
        }
    }

    /// The place of `arn`, taken from `location`'s own bucket and prefix when `arn` is the
    /// location's bucket or objects ARN (as nearly every resource is) and reading it back would
    /// give them: the ARN is not read, and the bucket and prefix are not copied.
    init(arn: String, in location: borrowing AccessLocation) {
        guard Self.readsBackExactly(location) else {
            self = S3Place(arn: arn)
            return
        }
        if sameBytes(arn, location.objectsArn) {
            (self.arn, bucket, keyPrefix) = (arn, location.bucket, location.prefix)
        } else if sameBytes(arn, location.bucketArn) {
            (self.arn, bucket, keyPrefix) = (arn, location.bucket, nil)
        } else {
            self = S3Place(arn: arn)
        }
    }

    /// Whether `init(arn:)` reads the location's bucket and objects ARNs back into its bucket
    /// and prefix: the bucket is ASCII without a `/` (the partition has no `:`), the prefix ends
    /// with ASCII, and its first character does not join the `/` before it into another Character.
    private static func readsBackExactly(_ location: borrowing AccessLocation) -> Bool {
        let bucketIsPlain = ByteScan.withUTF8(of: location.bucket) { ByteScan.isASCII($0) && ByteScan.firstIndex(of: UInt8(ascii: "/"), in: $0) == nil }
        guard bucketIsPlain, (location.prefix.utf8.last ?? 0) < 0x80 else { return false }
        // Prefixes such as `日本/` start with a non-ASCII character: the ARN's reading as
        // Characters costs several times more than this test.
        guard let first = location.prefix.unicodeScalars.first, !first.isASCII else { return true }
        var slashAndFirst = "/"
        slashAndFirst.unicodeScalars.append(first)
        return slashAndFirst.count == 2
    }

    /// The bucket and key prefix of an ARN, read from its UTF-8 bytes (the ARNs of every
    /// destination are read back, and splitting them as Characters costs several times more);
    /// nil when a `:`, `/` or final `*` the reading relies on touches a non-ASCII byte, for
    /// `init` to read as Characters. An ASCII byte between ASCII bytes (or at an end) is a
    /// Character of its own, since only CR LF joins two ASCII bytes; and no other Character or
    /// run of them equals `:`, `/`, `*`, `arn` or `s3`: so both readings agree.
    private static func readBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> (bucket: String?, keyPrefix: String?)? {
        func standsAlone(_ index: Int) -> Bool {
            (index == 0 || bytes[index - 1] < 0x80) && (index + 1 == bytes.count || bytes[index + 1] < 0x80)
        }
        func colon(after start: Int) -> Int? { bytes[start...].firstIndex(of: UInt8(ascii: ":")) }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        // `arn:PARTITION:s3:REGION:ACCOUNT:REST`: five colons, the first after `arn`, `s3` after the second.
        guard let first = colon(after: 0), let second = colon(after: first + 1), let third = colon(after: second + 1),
            let fourth = colon(after: third + 1), let fifth = colon(after: fourth + 1)
        else { return (nil, nil) }
        guard standsAlone(first), standsAlone(second), standsAlone(third), standsAlone(fourth), standsAlone(fifth) else { return nil }
        guard first == 3, bytes[0] == UInt8(ascii: "a"), bytes[1] == UInt8(ascii: "r"), bytes[2] == UInt8(ascii: "n"),
            third == second + 3, bytes[second + 1] == UInt8(ascii: "s"), bytes[second + 2] == UInt8(ascii: "3")
        else { return (nil, nil) }
        let rest = fifth + 1..<bytes.count
        guard let slash = bytes[rest].firstIndex(of: UInt8(ascii: "/")) else { return (text(rest), nil) }
        guard standsAlone(slash) else { return nil }
        let pattern = slash + 1..<bytes.count
        guard bytes[pattern].last == UInt8(ascii: "*") else { return (text(rest.lowerBound..<slash), nil) }
        guard standsAlone(bytes.count - 1) else { return nil }
        return (text(rest.lowerBound..<slash), text(pattern.dropLast()))
    }

    /// The bucket, or the ARN when it is not an S3 ARN.
    var bucketName: String { bucket ?? arn }

    /// Appends " in the whole bucket `b`" for every key, " under `s3://b/p/`" for a prefix, else
    /// " matching `ARN`". Under the destination's own `location`, its `s3Uri` is the place's.
    func appendObjectsPhrase(to segments: inout [Phrase.Segment], in location: AccessLocation) {
        guard let bucket, let keyPrefix else {
            segments.append(.text(" matching "))
            segments.append(.code(arn))
            return
        }
        if keyPrefix.isEmpty {
            segments.append(.text(" in the whole bucket "))
            segments.append(.code(bucket))
        } else {
            segments.append(.text(" under "))
            let isLocation = sameBytes(bucket, location.bucket) && sameBytes(keyPrefix, location.prefix)
            segments.append(.code(isLocation ? location.s3Uri : concatenated("s3://", bucket, "/", keyPrefix)))
        }
    }
}

/// Whether two texts are written with the same bytes (`==` compares Characters: a canonically
/// equal text may be written differently).
private func sameBytes(_ first: String, _ second: String) -> Bool {
    // `memcmp` rather than `elementsEqual`, which compares byte by byte.
    first.utf8.count == second.utf8.count
        && ByteScan.withUTF8(of: first) { a in ByteScan.withUTF8(of: second) { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
}
