import Foundation
import Testing

@testable import BucketBridge

/// Every claim of the access summary checked against the IAM JSON with the test evaluator:
/// what it says the vendor can do is allowed, what it says cannot happen is denied.
struct AccessSummaryTests {
    /// The examples and a generated corpus of 320 varied destinations.
    static func destinations() throws -> [Destination] {
        var diagnostics = Diagnostics()
        let examples = try Pipeline(specPaths: try exampleSpecPaths()).readAndValidate(diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors, "\(errorLines(diagnostics))")
        let corpus = validate(generatedCorpusSpec(count: 320), file: "corpus.json")
        #expect(!corpus.diagnostics.hasErrors, "\(errorLines(corpus.diagnostics).prefix(5))")
        #expect(corpus.destinations.count == 320)
        #expect(corpus.destinations.contains { !$0.extraKMSActions.isEmpty && $0.grant.hasRole }, "the corpus grants extra KMS actions")
        #expect(corpus.destinations.contains { $0.sidPrefix != nil && $0.grant.hasBucketPolicyGrant }, "the corpus sets Sid prefixes")
        return examples + corpus.destinations
    }

    /// The rendered IAM JSON files of a destination, parsed back.
    static func documents(of destination: Destination) throws -> [AccessProbe.Document: JSONValue] {
        let policies = buildPolicies(for: destination)
        var documents: [AccessProbe.Document: JSONValue] = [:]
        for file in renderIAMJSON(policies) {
            let value = try #require(parseJSONValue(String(decoding: file.contents, as: UTF8.self)))
            switch file.path {
            case IAMFile.trust: documents[.trust] = value
            case IAMFile.permissions: documents[.permissions] = value
            default: documents[.bucket] = value
            }
        }
        return documents
    }

    /// Each destination with its policies, access summary and IAM JSON: computed once, for
    /// every test here (the corpus is the same for all).
    struct Case {
        var destination: Destination
        var policies: DestinationPolicies
        var summary: AccessSummary
        var documents: [AccessProbe.Document: JSONValue]
    }

    static let cases = Lazily { () throws -> [Case] in
        try destinations().map { destination in
            let policies = buildPolicies(for: destination)
            return Case(
                destination: destination, policies: policies, summary: summarizeAccess(of: destination, policies: policies),
                documents: try documents(of: destination))
        }
    }

    static func decide(_ probe: AccessProbe, _ documents: [AccessProbe.Document: JSONValue]) -> Decision {
        guard let document = documents[probe.document] else { return .implicitDeny }
        return evaluate(document, Request(principal: probe.principal, action: probe.action, resource: probe.resource, context: probe.context))
    }

    @Test func everyCapabilityIsAllowedAndEveryLimitDenied() throws {
        var claims = 0
        for testCase in try Self.cases.get() {
            let (destination, summary, documents) = (testCase.destination, testCase.summary, testCase.documents)
            #expect(!summary.capabilities.isEmpty, "\(destination.name) grants nothing")
            for capability in summary.capabilities {
                #expect(!capability.probes.isEmpty, "\(destination.name): \(capability.kind) has nothing to check")
                for probe in capability.probes {
                    claims += 1
                    #expect(Self.decide(probe, documents) == .allow, "\(destination.name): claims \"\(capability.phrase.plainText)\" but \(probe) is denied")
                }
            }
            for limit in summary.limits {
                #expect(!limit.probes.isEmpty, "\(destination.name): \(limit.kind) has nothing to check")
                for probe in limit.probes {
                    claims += 1
                    #expect(Self.decide(probe, documents) != .allow, "\(destination.name): claims \"\(limit.phrase.plainText)\" but \(probe) is allowed")
                }
            }
        }
        #expect(claims > 5_000)
    }

    @Test func everyGrantedActionIsNamedByACapability() throws {
        for testCase in try Self.cases.get() {
            let (destination, policies, summary) = (testCase.destination, testCase.policies, testCase.summary)
            let named = Set(summary.capabilities.flatMap(\.actions))
            let granting = destination.grant.hasRole ? policies.permissions : policies.bucket
            let granted = Set(granting?.statements.filter { $0.effect == .allow }.flatMap(\.actions) ?? [])
            #expect(named == granted, "\(destination.name)")
            for capability in summary.capabilities {
                for action in capability.actions {
                    #expect(capability.phrase.segments.contains(.code(action)), "\(destination.name): \(capability.phrase.plainText) does not name \(action)")
                }
            }
        }
    }

    @Test func theStatedLimitsAreTheOnesTheContractNames() throws {
        for testCase in try Self.cases.get() {
            let (destination, summary) = (testCase.destination, testCase.summary)
            let kinds = Set(summary.limits.map(\.kind))
            let capabilities = Set(summary.capabilities.map(\.kind))
            #expect(kinds.contains(.otherBuckets))
            #expect(kinds.contains(.otherServices))
            #expect(kinds.contains(.listKeys) != capabilities.contains(.listKeys), "\(destination.name)")
            #expect(kinds.contains(.readObjects) != capabilities.contains(.readObjects), "\(destination.name)")
            #expect(kinds.contains(.deleteObjects) != capabilities.contains(.deleteObjects), "\(destination.name)")
            #expect(kinds.contains(.withoutExternalId) == destination.grant.hasRole, "\(destination.name)")
            #expect(kinds.contains(.withoutTLS) == destination.requireTls, "\(destination.name)")
            #expect(kinds.contains(.outsidePrefix) == (!destination.prefix.isEmpty && destination.actions.contains { $0.scope == .object }), "\(destination.name)")
        }
    }

    @Test func thePrincipalsAndExternalIDComeFromTheTrustPolicy() throws {
        for testCase in try Self.cases.get() {
            let (destination, summary) = (testCase.destination, testCase.summary)
            #expect(summary.principals.map(\.arn) == destination.trustedPrincipals, "\(destination.name)")
            #expect(summary.externalId == destination.externalId, "\(destination.name)")
            #expect(summary.route.rawValue == destination.grant.rawValue, "\(destination.name)")
        }
    }
}
