import Testing
@testable import BucketBridge

/// Every example's built documents, changed one statement or one value at a time: each change
/// that changes access is found, with the kind it deserves.
struct MutationTests {
    static func documents() throws -> [(Destination, PolicyKind, PolicyDocument)] {
        var documents: [(Destination, PolicyKind, PolicyDocument)] = []
        for destination in try PolicyMeaningTests.exampleDestinations() {
            let policies = buildPolicies(for: destination)
            let built: [(PolicyKind, PolicyDocument?)] = [(.trust, policies.trust), (.permissions, policies.permissions), (.bucketPolicy, policies.bucket)]
            for case let (kind, document?) in built { documents.append((destination, kind, document)) }
        }
        return documents
    }

    func findings(_ document: PolicyDocument, _ kind: PolicyKind, _ destination: Destination) throws -> [VerificationFinding] {
        var diagnostics = Diagnostics()
        let file = SourceFile(name: "mutated.json", text: encodeJSON(document.jsonValue))
        let observed = try #require(readPolicyFile(file, kind: kind, partition: destination.partition, diagnostics: &diagnostics))
        #expect(!diagnostics.hasErrors)
        return comparePolicy(observed, with: destination)
    }

    @Test func removingAStatementIsFound() throws {
        var checked = 0
        for (destination, kind, document) in try Self.documents() {
            #expect(try findings(document, kind, destination).isEmpty, "\(destination.name) \(kind)")
            for index in document.statements.indices {
                var mutated = document
                let removed = mutated.statements.remove(at: index)
                let found = try findings(mutated, kind, destination)
                // A removed grant is missing access; a removed TLS deny makes the bucket policy broader.
                let expected: VerificationFinding.Kind = removed.effect == .allow ? .missing : .broader
                #expect(found.contains { $0.kind == expected }, "\(destination.name) \(kind) without \(removed.sid): \(found.map(\.diagnostic.description))")
                checked += 1
            }
        }
        #expect(checked >= 15)
    }

    @Test func wideningAnAllowIsBroader() throws {
        for (destination, kind, document) in try Self.documents() {
            for (index, statement) in document.statements.enumerated() where statement.effect == .allow {
                var everything = document
                everything.statements[index].actions.append(statement.actions[0].hasPrefix("sts:") ? "sts:*" : "s3:*")
                #expect(try findings(everything, kind, destination).contains { $0.kind == .broader }, "\(destination.name) \(kind) \(statement.sid)")

                guard !statement.resources.isEmpty else { continue }
                var anywhere = document
                anywhere.statements[index].resources = ["*"]
                #expect(try findings(anywhere, kind, destination).contains { $0.kind == .broader && $0.value == "*" }, "\(destination.name) \(kind) \(statement.sid)")

                guard !statement.conditions.isEmpty else { continue }
                var unconditioned = document
                unconditioned.statements[index].conditions = []
                #expect(try findings(unconditioned, kind, destination).map(\.kind) == [.broader], "\(destination.name) \(kind) \(statement.sid)")
            }
        }
    }

    @Test func denyingWhatAStatementAllowsBlocksIt() throws {
        for (destination, kind, document) in try Self.documents() {
            for statement in document.statements where statement.effect == .allow {
                var mutated = document
                var deny = statement
                deny.sid = "Tampered"
                deny.effect = .deny
                deny.conditions = []
                mutated.statements.append(deny)
                let found = try findings(mutated, kind, destination)
                #expect(found.contains { $0.kind == .blocked && $0.value == "Tampered" && !$0.uncertain }, "\(destination.name) \(kind) \(statement.sid)")
            }
        }
    }
}
