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
        for statement in statements {
            let prefixes = statement.conditions.filter { $0.operator == "StringLike" && $0.key == "s3:prefix" }.flatMap(\.values)
            for action in statement.actions {
                let kind: CapabilityKind
                if action.hasPrefix("kms:") {
                    kind = .useKMSKey
                } else if let s3 = S3ActionCatalogue.action(named: action) {
                    kind = CapabilityKind(s3)
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
        let neededKMSActions = kmsActions(for: statements.flatMap(\.actions).compactMap(S3ActionCatalogue.action(named:)))
        return CapabilityKind.allCases.compactMap { kind in
            guard let index = kinds.firstIndex(of: kind) else { return nil }
            let entry = grouped[index]
            // The phrase's segments in one array: each `+` of phrases would copy them all.
            var segments: [Phrase.Segment]
            if kind == .useKMSKey {
                segments = [.text(kind.verb + " ")]
                segments += Phrase.list(entry.resources.map(Phrase.code)).segments
                segments.append(.text(" for "))
                segments += kmsActionsPhrase(entry.actions, needed: neededKMSActions, vendor: vendor).segments
                segments.append(.text(" only"))
            } else {
                segments = [.text(kind.verb)]
                segments += place(of: kind, resources: entry.resources, prefixes: entry.prefixes).segments
                segments.append(.text(" ("))
                segments += Phrase.list(entry.actions.map(Phrase.code)).segments
                segments.append(.text(")"))
            }
            return Capability(kind: kind, actions: entry.actions, resources: entry.resources, phrase: Phrase(segments), probes: entry.probes)
        }
    }

    /// Where a kind of action applies, read from the statements' resources and `s3:prefix`
    /// conditions: " under `s3://b/p/`", " in the bucket `b`", " that start with `p/` in the bucket `b`".
    private func place(of kind: CapabilityKind, resources: [String], prefixes: [String]) -> Phrase {
        let places = resources.map(S3Place.init(arn:))
        if kind == .listKeys, !prefixes.isEmpty {
            let starts = Phrase.list(prefixes.map { .code(String($0.droppingSuffix(ascii: "*") ?? $0[...])) }, conjunction: "or")
            return .text(" that start with ") + starts + .text(" in the bucket ") + .list(places.map(\.bucketPhrase))
        }
        if [.listKeys, .listMultipartUploads, .readBucketSettings, .changeBucketSettings, .changeBucketPermissions].contains(kind) {
            return .text(kind == .listKeys || kind == .listMultipartUploads ? " in the whole bucket " : " of the bucket ")
                + .list(places.map(\.bucketPhrase))
        }
        return .list(places.map(\.objectsPhrase), conjunction: "and")
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
        if let place = text.withUTF8(Self.readASCII) {
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

    /// The bucket and key prefix of an ARN in plain ASCII, read from its bytes (the ARNs of
    /// every destination are read back, and splitting them as Characters costs several times
    /// more); nil for other text, which `init` reads as Characters. In ASCII text every
    /// Character is one byte but CR LF, which holds no `:`, `/` or `*`, so both ways agree.
    private static func readASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> (bucket: String?, keyPrefix: String?)? {
        guard ByteScan.isASCII(bytes) else { return nil }
        var colons: [Int] = []
        for index in bytes.indices where bytes[index] == UInt8(ascii: ":") {
            colons.append(index)
            if colons.count == 5 { break }
        }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        guard colons.count == 5, text(0..<colons[0]) == "arn", text(colons[1] + 1..<colons[2]) == "s3" else { return (nil, nil) }
        let rest = colons[4] + 1..<bytes.count
        guard let slash = bytes[rest].firstIndex(of: UInt8(ascii: "/")) else { return (text(rest), nil) }
        let pattern = slash + 1..<bytes.count
        let keyPrefix = bytes[pattern].last == UInt8(ascii: "*") ? text(pattern.dropLast()) : nil
        return (text(rest.lowerBound..<slash), keyPrefix)
    }

    /// "`bucket`", or the ARN when it is not an S3 ARN.
    var bucketPhrase: Phrase { .code(bucket ?? arn) }

    /// " in the bucket `b`" for every key, " under `s3://b/p/`" for a prefix, else the ARN.
    var objectsPhrase: Phrase {
        guard let bucket, let keyPrefix else { return Phrase([.text(" matching "), .code(arn)]) }
        return keyPrefix.isEmpty
            ? Phrase([.text(" in the whole bucket "), .code(bucket)]) : Phrase([.text(" under "), .code("s3://\(bucket)/\(keyPrefix)")])
    }
}
