import Testing
@testable import BucketBridge

@Suite("S3ActionCatalogue")
struct S3ActionCatalogueTests {
    private func action(_ name: String) throws -> S3Action {
        try #require(S3ActionCatalogue.action(named: "s3:" + name), "s3:\(name) is missing")
    }

    @Test func countIsPlausible() {
        // 180 in the reference captured on 2026-08-20; AWS only ever adds to it.
        #expect((160...220).contains(S3ActionCatalogue.all.count))
    }

    @Test func namesAreUniqueSortedAndWellFormed() {
        let names = S3ActionCatalogue.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        #expect(names == names.sorted())
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

    @Test func objectActions() throws {
        let expected: [(String, S3AccessLevel)] = [
            ("GetObject", .read),
            ("GetObjectVersion", .read),
            ("GetObjectTagging", .read),
            ("PutObject", .write),
            ("DeleteObject", .write),
            ("DeleteObjectVersion", .write),
            ("AbortMultipartUpload", .write),
            ("RestoreObject", .write),
            ("ListMultipartUploadParts", .list),
            ("PutObjectAcl", .permissionsManagement),
            ("PutObjectTagging", .tagging),
            ("DeleteObjectTagging", .tagging),
            ("BypassGovernanceRetention", .permissionsManagement),
        ]
        for (name, level) in expected {
            let action = try action(name)
            #expect(action.scope == .object, "\(name)")
            #expect(action.accessLevel == level, "\(name)")
            #expect(!action.supportsPrefixCondition, "\(name)")
        }
    }

    @Test func bucketActions() throws {
        let expected: [(String, S3AccessLevel, Bool)] = [
            ("ListBucket", .list, true),
            ("ListBucketVersions", .list, true),
            ("ListBucketMultipartUploads", .list, false),
            ("GetBucketLocation", .read, false),
            ("GetBucketPolicy", .read, false),
            ("PutBucketPolicy", .permissionsManagement, false),
            ("PutBucketTagging", .tagging, false),
            ("CreateBucket", .write, false),
        ]
        for (name, level, prefix) in expected {
            let action = try action(name)
            #expect(action.scope == .bucket, "\(name)")
            #expect(action.accessLevel == level, "\(name)")
            #expect(action.supportsPrefixCondition == prefix, "\(name)")
        }
    }

    @Test func unsupportedActions() throws {
        for name in ["ListAllMyBuckets", "CreateJob", "ListJobs", "GetAccountPublicAccessBlock",
                     "GetAccessPointPolicy", "DescribeJob", "GetStorageLensConfiguration",
                     "GetMultiRegionAccessPoint", "GetDataAccess", "GetAccessPointForObjectLambda"] {
            #expect(try action(name).scope == .unsupported, "\(name)")
        }
        #expect(try action("ListAllMyBuckets").accessLevel == .list)
    }

    @Test func onlyListBucketAndListBucketVersionsSupportPrefix() {
        let names = S3ActionCatalogue.all.filter(\.supportsPrefixCondition).map(\.name)
        #expect(names == ["ListBucket", "ListBucketVersions"])
    }

    @Test func everyScopeAndLevelOccurs() {
        for scope in S3ResourceScope.allCases {
            #expect(S3ActionCatalogue.all.contains { $0.scope == scope }, "\(scope)")
        }
        for level in S3AccessLevel.allCases {
            #expect(S3ActionCatalogue.all.contains { $0.accessLevel == level }, "\(level)")
        }
        #expect(S3AccessLevel.permissionsManagement.rawValue == "Permissions management")
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
