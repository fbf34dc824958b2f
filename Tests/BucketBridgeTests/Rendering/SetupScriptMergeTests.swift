import Foundation
import Testing

@testable import BucketBridge

/// `setup.sh` in an account that already holds things, against the stub `aws`: it merges its
/// statements into someone else's bucket policy by `Sid` (keeping theirs, replacing its own
/// from an earlier render), and a second run changes nothing. The moto deploy test checks the
/// same against an emulator; this runs in the fast suite.
@Suite("setup.sh merges and is idempotent")
struct SetupScriptMergeTests {
    /// The bucket-policy statement names bucketbridge owns, after the destination's Sid stem.
    static let ownedStatementNames = ["ListPrefix", "BucketActions", "ObjectActions", "DenyInsecureTransport"]

    /// Statements of other people in the bucket's policy, one with a Sid and one without.
    static func foreignStatements(bucket: String) -> [JSONValue] {
        [
            ["Sid": "CustomerAuditRead", "Effect": "Allow", "Principal": ["AWS": "arn:aws:iam::123456789012:role/audit"],
             "Action": "s3:GetBucketPolicy", "Resource": .string("arn:aws:s3:::\(bucket)")],
            ["Effect": "Deny", "Principal": "*", "Action": "s3:DeleteBucket", "Resource": .string("arn:aws:s3:::\(bucket)")],
        ]
    }

    @Test(.enabled(if: ExternalTool.available(.bash, .jq), ExternalTool.skipMessage(.bash, .jq)))
    func keepsOtherStatementsAndReplacesItsOwn() throws {
        let rendered = try renderedExamples.get()
        var checked = 0
        for destination in rendered.expected {
            let name = destination.name
            guard let ours = try IAMDocuments(folder: rendered.folder(name)).bucket, case .array(let ourStatements)? = ours["Statement"] else {
                continue
            }
            checked += 1
            let stem = try sidStem(of: ourStatements, name)
            // What an earlier render with other settings left: every statement name this destination can own.
            let stale: [JSONValue] = Self.ownedStatementNames.map { statement in
                ["Sid": .string(stem + statement), "Effect": "Allow", "Principal": ["AWS": "arn:aws:iam::999999999999:root"],
                 "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::stale-bucket/*"]
            }
            let foreign = Self.foreignStatements(bucket: destination.bucket)
            let existing: JSONValue = ["Version": "2012-10-17", "Id": "CustomerPolicy", "Statement": .array([foreign[0]] + stale + [foreign[1]])]
            let merged = try sentBucketPolicy(try runSetupScript(rendered, destination, state: StubAWSState(bucketPolicy: encodeCompactJSON(existing))), name)
            let expected: JSONValue = ["Version": "2012-10-17", "Id": "CustomerPolicy", "Statement": .array(foreign + ourStatements)]
            #expect(merged.map { jsonEqual($0, expected) } == true, "\(name): merged into\n\(encodeCompactJSON(existing))\nsent\n\(merged.map(encodeCompactJSON) ?? "nothing")")

            // A policy whose Statement is a single object, as IAM allows.
            let single: JSONValue = ["Version": "2012-10-17", "Statement": foreign[0]]
            let mergedSingle = try sentBucketPolicy(try runSetupScript(rendered, destination, state: StubAWSState(bucketPolicy: encodeCompactJSON(single))), name)
            let expectedSingle: JSONValue = ["Version": "2012-10-17", "Statement": .array([foreign[0]] + ourStatements)]
            #expect(mergedSingle.map { jsonEqual($0, expectedSingle) } == true, "\(name): sent \(mergedSingle.map(encodeCompactJSON) ?? "nothing")")
        }
        #expect(checked >= 3, "too few destinations with a bucket policy")
    }

    /// Run once in an empty account, then again in the account the first run left: the second
    /// run reads, and writes nothing.
    @Test(.enabled(if: ExternalTool.available(.bash, .jq), ExternalTool.skipMessage(.bash, .jq)))
    func aSecondRunChangesNothing() throws {
        let rendered = try renderedExamples.get()
        let writes: Set<String> = [
            "create-role", "update-assume-role-policy", "update-role", "put-role-permissions-boundary",
            "delete-role-permissions-boundary", "tag-role", "put-role-policy", "put-bucket-policy",
        ]
        for destination in rendered.expected {
            let first = try runSetupScriptInAnEmptyAccount(rendered, destination)
            #expect(first.result.status == 0, "\(destination.name): first run failed: \(first.result.errors)")
            #expect(first.calls.contains { $0.count > 1 && writes.contains($0[1]) }, "\(destination.name): the first run wrote nothing")
            let second = try runSetupScript(rendered, destination, state: try accountAfter(first, destination))
            #expect(second.result.status == 0, "\(destination.name): second run failed: \(second.result.errors)")
            let written = second.calls.filter { $0.count > 1 && writes.contains($0[1]) }
            #expect(written.isEmpty, "\(destination.name): the second run wrote \(written.map { $0.prefix(2).joined(separator: " ") })")
        }
    }

    /// Runs one destination's setup.sh against the stub holding `state`.
    func runSetupScript(
        _ rendered: RenderedRun, _ destination: ExpectedDestination, arguments: [String] = [], state: StubAWSState
    ) throws -> StubAWSRun {
        let account = destination.role?.accountId ?? "123456789012"
        let roleArn = destination.role?.arn(partition: destination.partition, account: account) ?? ""
        return try runWithStubAWS(
            rendered.folder(destination.name) + "/aws-cli/setup.sh", arguments: arguments, account: account, roleArn: roleArn, state: state)
    }

    /// Runs one destination's setup.sh with no arguments in an empty account: once for every
    /// test that checks that run (`runWithStubAWSInAnEmptyAccount`).
    func runSetupScriptInAnEmptyAccount(_ rendered: RenderedRun, _ destination: ExpectedDestination) throws -> StubAWSRun {
        let account = destination.role?.accountId ?? "123456789012"
        let roleArn = destination.role?.arn(partition: destination.partition, account: account) ?? ""
        return try runWithStubAWSInAnEmptyAccount(rendered.folder(destination.name) + "/aws-cli/setup.sh", account: account, roleArn: roleArn)
    }

    /// The bucket policy a run put, or nil (recorded as an issue) when it put none.
    func sentBucketPolicy(_ run: StubAWSRun, _ name: String) throws -> JSONValue? {
        #expect(run.result.status == 0, "\(name): setup.sh failed: \(run.result.errors)")
        let puts = run.calls("s3api", "put-bucket-policy")
        guard puts.count == 1, let text = optionValue("--policy", in: puts[0]) else {
            Issue.record("\(name): expected one put-bucket-policy, got \(puts.count)")
            return nil
        }
        return try #require(parseJSONValue(text), "\(name): --policy is not JSON: \(text)")
    }

    /// The destination's Sid stem, read off its statements' Sids.
    func sidStem(of statements: [JSONValue], _ name: String) throws -> String {
        let sid = try #require(statements.first?["Sid"].flatMap(stringValue), "\(name): a statement without Sid")
        let suffix = try #require(Self.ownedStatementNames.first { sid.hasSuffix($0) }, "\(name): unexpected Sid \(sid)")
        return String(sid.dropLast(suffix.count))
    }

    /// What the account holds after `run`: the role it created (with its tags), the inline
    /// policy and the bucket policy it put, as `aws` would print them back.
    func accountAfter(_ run: StubAWSRun, _ destination: ExpectedDestination) throws -> StubAWSState {
        var state = StubAWSState()
        if let create = run.calls("iam", "create-role").first {
            let account = destination.role?.accountId ?? "123456789012"
            var role: [JSONValue.Member] = [
                .init("Path", .string(optionValue("--path", in: create) ?? "/")),
                .init("RoleName", .string(optionValue("--role-name", in: create) ?? "")),
                .init("Arn", .string(destination.role?.arn(partition: destination.partition, account: account) ?? "")),
                .init("AssumeRolePolicyDocument", try #require(optionValue("--assume-role-policy-document", in: create).flatMap(parseJSONValue))),
                .init("Description", .string(optionValue("--description", in: create) ?? "")),
                .init("MaxSessionDuration", .int(Int(optionValue("--max-session-duration", in: create) ?? "") ?? 0)),
            ]
            if let boundary = optionValue("--permissions-boundary", in: create) {
                role.append(.init("PermissionsBoundary", ["PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": .string(boundary)]))
            }
            state.role = ["Role": .object(role)]
            let tags = try optionValue("--tags", in: create).map { try #require(parseJSONValue($0), "--tags is not JSON") } ?? []
            state.roleTags = ["Tags": tags]
        }
        if let put = run.calls("iam", "put-role-policy").first {
            state.rolePolicy = try #require(optionValue("--policy-document", in: put).flatMap(parseJSONValue))
        }
        if let put = run.calls("s3api", "put-bucket-policy").first {
            state.bucketPolicy = optionValue("--policy", in: put)
        }
        return state
    }
}
