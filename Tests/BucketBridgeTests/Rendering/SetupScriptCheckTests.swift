import Foundation
import Testing

@testable import BucketBridge

/// `setup.sh --check` against the stub `aws`: in sync it exits 0; on an empty account or after
/// someone changed the role, its policy or the bucket policy, it exits 2 and shows each change
/// in words and as a JSON diff; it never writes. The moto deploy test checks the same against
/// an emulator; this runs in the fast suite.
@Suite("setup.sh --check reports drift and changes nothing")
struct SetupScriptCheckTests {
    /// The `aws` operations that change an account.
    static let writes: Set<String> = [
        "create-role", "update-assume-role-policy", "update-role", "put-role-permissions-boundary",
        "delete-role-permissions-boundary", "tag-role", "untag-role", "put-role-policy", "delete-role-policy",
        "put-bucket-policy", "delete-bucket-policy", "create-policy", "create-policy-version", "attach-role-policy",
        "create-user", "put-user-policy", "create-access-key",
    ]

    let setup = SetupScriptMergeTests()

    func writeCalls(_ run: StubAWSRun) -> [String] {
        run.calls.filter { $0.count > 1 && Self.writes.contains($0[1]) }.map { $0.prefix(2).joined(separator: " ") }
    }

    @Test(.enabled(if: ExternalTool.available(.bash, .jq), ExternalTool.skipMessage(.bash, .jq)))
    func inSyncExitsZeroAndEmptyAccountsWouldChange() throws {
        let rendered = try renderedExamples.get()
        for destination in rendered.expected {
            let name = destination.name
            let empty = try setup.runSetupScript(rendered, destination, arguments: ["--check"], state: .empty)
            #expect(empty.result.status == 2, "\(name): --check on an empty account: \(empty.result.output)\(empty.result.errors)")
            #expect(empty.result.output.contains("\nwould "), "\(name): \(empty.result.output)")
            #expect(empty.result.output.contains("Nothing was changed."), "\(name): \(empty.result.output)")
            #expect(writeCalls(empty).isEmpty, "\(name): --check wrote \(writeCalls(empty))")

            let first = try setup.runSetupScriptInAnEmptyAccount(rendered, destination)
            #expect(first.result.status == 0, "\(name): \(first.result.errors)")
            let check = try setup.runSetupScript(rendered, destination, arguments: ["--check"], state: try setup.accountAfter(first, destination))
            #expect(check.result.status == 0, "\(name): --check after a run: \(check.result.output)\(check.result.errors)")
            #expect(check.result.output.contains("In sync"), "\(name): \(check.result.output)")
            #expect(!check.result.output.contains("\nwould "), "\(name): \(check.result.output)")
            #expect(writeCalls(check).isEmpty, "\(name): --check wrote \(writeCalls(check))")
        }
    }

    /// One destination with a role, an external ID and a bucket policy, tampered four ways.
    @Test(.enabled(if: ExternalTool.available(.bash, .jq), ExternalTool.skipMessage(.bash, .jq)))
    func driftIsShownInWordsAndAsADiff() throws {
        let rendered = try renderedExamples.get()
        let candidates = try rendered.expected.filter { destination in
            let documents = try IAMDocuments(folder: rendered.folder(destination.name))
            return destination.hasRole && documents.bucket != nil && encodeCompactJSON(documents.trust ?? .null).contains("sts:ExternalId")
        }
        let destination = try #require(candidates.first, "no example with a role, an external ID and a bucket policy")
        let name = destination.name
        let first = try setup.runSetupScriptInAnEmptyAccount(rendered, destination)
        let synced = try setup.accountAfter(first, destination)
        let role = try #require(synced.role), policy = try #require(synced.rolePolicy)
        let bucketPolicy = try #require(synced.bucketPolicy.flatMap(parseJSONValue))

        var changedTrust = synced
        let trust = encodeCompactJSON(try #require(role["Role"]?["AssumeRolePolicyDocument"]))
        let externalId = try #require(trust.firstMatch(of: /"sts:ExternalId":"([^"]+)"/)?.1)
        changedTrust.role = try #require(parseJSONValue(encodeCompactJSON(role).replacingOccurrences(of: String(externalId), with: "tampered-external-id")))

        guard case .array(let statements)? = policy["Statement"] else { throw TestFailure("\(name): no Statement array") }
        var removed = synced
        removed.rolePolicy = policy.setting("Statement", .array(Array(statements.dropFirst())))
        var widened = synced
        widened.rolePolicy = policy.setting("Statement", .array(statements + [["Effect": "Allow", "Action": "s3:*", "Resource": "*"]]))

        guard case .array(let bucketStatements)? = bucketPolicy["Statement"] else { throw TestFailure("\(name): no bucket Statement array") }
        let foreign = SetupScriptMergeTests.foreignStatements(bucket: destination.bucket)[0]
        var ours = synced
        ours.bucketPolicy = encodeCompactJSON(bucketPolicy.setting("Statement", .array([foreign] + bucketStatements.dropFirst())))

        let cases: [(String, StubAWSState, [String])] = [
            ("external ID changed", changedTrust, ["tampered-external-id", String(externalId)]),
            ("a statement removed", removed, ["inline policy"]),
            ("s3:* added", widened, ["-      \"Action\": \"s3:*\"", "inline policy"]),
            ("our bucket-policy statement deleted", ours, ["bucket policy", "CustomerAuditRead"]),
        ]
        for (what, state, words) in cases {
            let check = try setup.runSetupScript(rendered, destination, arguments: ["--check"], state: state)
            #expect(check.result.status == 2, "\(name), \(what): \(check.result.output)\(check.result.errors)")
            #expect(check.result.output.contains("\nwould "), "\(name), \(what): no change in words:\n\(check.result.output)")
            #expect(check.result.output.contains("    --- current "), "\(name), \(what): no JSON diff:\n\(check.result.output)")
            for word in words {
                #expect(check.result.output.contains(word), "\(name), \(what): \(word) not in\n\(check.result.output)")
            }
            #expect(writeCalls(check).isEmpty, "\(name), \(what): --check wrote \(writeCalls(check))")
        }
    }
}

extension JSONValue {
    /// The object with `key` set to `value` (replaced in place, or added at the end).
    func setting(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var members) = self else { return self }
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append(.init(key, value))
        }
        return .object(members)
    }
}
