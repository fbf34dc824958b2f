import Testing
@testable import BucketBridge

/// What the policies *mean*, judged by a small IAM evaluator, for every shipped example. Who
/// is granted what, where, comes from the hand-written `exampleGrants` (the examples' literal
/// values), never from the code under test.
struct PolicyMeaningTests {
    /// Each example destination, validated, with its hand-written expectations.
    static func examples() throws -> [(destination: Destination, expected: ExampleGrant)] {
        var diagnostics = Diagnostics()
        let destinations = try Pipeline(specPaths: try exampleSpecPaths()).readAndValidate(diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors, "\(errorLines(diagnostics))")
        return try exampleGrants.map { expected in
            let destination = try #require(destinations.first { $0.name == expected.name }, "no example destination \(expected.name)")
            return (destination, expected)
        }
    }

    @Test func everyExampleDestinationHasExpectations() throws {
        var diagnostics = Diagnostics()
        let names = try Pipeline(specPaths: try exampleSpecPaths()).readAndValidate(diagnostics: &diagnostics).map(\.name)
        #expect(names.count == Set(names).count)
        #expect(Set(names) == Set(exampleGrants.map(\.name)), "describe every example destination in Support/ExampleGrants.swift")
    }

    @Test func trustAllowsExactlyTheVendorWithTheExternalID() throws {
        for (destination, expected) in try Self.examples() {
            let trust = buildPolicies(for: destination).trust?.jsonValue
            guard let externalId = expected.externalId else {
                #expect(trust == nil, "\(expected.name): a trust policy without a role")
                continue
            }
            let policy = try #require(trust, "\(expected.name): no trust policy")
            for principal in expected.vendorPrincipals {
                let assume = Request(principal: principal, action: "sts:AssumeRole", context: ["sts:ExternalId": externalId])
                #expect(evaluate(policy, assume) == .allow, "\(expected.name): \(principal)")
                var wrongID = assume
                wrongID.context["sts:ExternalId"] = externalId + "x"
                #expect(evaluate(policy, wrongID) == .implicitDeny)
                var noID = assume
                noID.context = [:]
                #expect(evaluate(policy, noID) == .implicitDeny)
                var otherAction = assume
                otherAction.action = "sts:AssumeRoleWithWebIdentity"
                #expect(evaluate(policy, otherAction) == .implicitDeny)
            }
            let stranger = Request(principal: "arn:aws:iam::999999999999:root", action: "sts:AssumeRole", context: ["sts:ExternalId": externalId])
            #expect(evaluate(policy, stranger) == .implicitDeny, "\(expected.name)")
        }
    }

    @Test func permissionsGrantOnlyTheAskedActionsUnderThePrefix() throws {
        for (destination, expected) in try Self.examples() where expected.hasRole {
            let policy = try #require(buildPolicies(for: destination).permissions?.jsonValue, "\(expected.name)")
            expectGrantsOnlyTheExpectedS3Access(policy, expected, principal: nil)
            expectNoWildcards(policy, expected.name)
            let allowed = Set(allowedActions(policy))
            #expect(allowed == Set(expected.s3Actions + expected.kmsActions), "\(expected.name): the permissions policy allows \(allowed.sorted())")
        }
    }

    @Test func kmsOnlyTheNeededActionsOnTheGivenKey() throws {
        for (destination, expected) in try Self.examples() where expected.hasRole {
            let policy = try #require(buildPolicies(for: destination).permissions?.jsonValue)
            let otherKey = "arn:aws:kms:us-east-1:666666666666:key/ffffffff-ffff-ffff-ffff-ffffffffffff"
            for action in ["kms:Decrypt", "kms:GenerateDataKey", "kms:Encrypt", "kms:ScheduleKeyDeletion"] {
                #expect(evaluate(policy, Request(action: action, resource: otherKey)) == .implicitDeny, "\(expected.name): \(action)")
                guard let key = expected.kmsKeyArn else { continue }
                let decision = evaluate(policy, Request(action: action, resource: key))
                #expect(decision == (expected.kmsActions.contains(action) ? .allow : .implicitDeny), "\(expected.name): \(action) on its key")
            }
        }
    }

    @Test func infoSumCanOnlyReadUnderItsPrefix() throws {
        let infoSum = try #require(try Self.examples().first { $0.destination.vendor == "InfoSum" }?.destination)
        let policy = try #require(buildPolicies(for: infoSum).permissions?.jsonValue)
        let bucket = "arn:aws:s3:::acme-clean-room"
        #expect(evaluate(policy, Request(action: "s3:GetObject", resource: bucket + "/infosum/imports/customers.csv")) == .allow)
        #expect(evaluate(policy, Request(action: "s3:ListBucket", resource: bucket, context: ["s3:prefix": "infosum/imports/"])) == .allow)
        #expect(evaluate(policy, Request(action: "s3:ListBucket", resource: bucket)) == .implicitDeny)
        #expect(evaluate(policy, Request(action: "s3:GetObject", resource: "arn:aws:s3:::another-bucket/infosum/imports/x")) == .implicitDeny)
        #expect(evaluate(policy, Request(action: "s3:PutObject", resource: bucket + "/infosum/imports/x")) == .implicitDeny)
        #expect(evaluate(policy, Request(action: "s3:GetObject", resource: bucket + "/private/x")) == .implicitDeny)
    }

    @Test func bucketPoliciesGrantTheRightPrincipal() throws {
        for (destination, expected) in try Self.examples() {
            guard let bucketPolicy = buildPolicies(for: destination).bucket?.jsonValue else {
                #expect(expected.bucketPolicyGrantees.isEmpty && !expected.requireTls, "\(expected.name): no bucket policy")
                continue
            }
            for grantee in expected.bucketPolicyGrantees {
                expectGrantsOnlyTheExpectedS3Access(bucketPolicy, expected, principal: grantee)
            }
            let allowed = Set(allowedActions(bucketPolicy))
            #expect(allowed == (expected.bucketPolicyGrantees.isEmpty ? [] : Set(expected.s3Actions)), "\(expected.name): the bucket policy allows \(allowed.sorted())")
            for action in expected.s3Actions {
                let resource = expected.objectActions.contains(action) ? expected.bucketArn + "/" + expected.prefix + "file.csv" : expected.bucketArn
                for stranger in ["arn:aws:iam::999999999999:root"] + expected.vendorPrincipals where !expected.bucketPolicyGrantees.contains(stranger) {
                    let request = Request(principal: stranger, action: action, resource: resource, context: ["aws:SecureTransport": "true", "s3:prefix": expected.prefix])
                    #expect(evaluate(bucketPolicy, request) == .implicitDeny, "\(expected.name): \(stranger) may \(action)")
                }
            }
            // Every statement can be merged into an existing policy by its Sid.
            guard case .array(let statements)? = bucketPolicy["Statement"] else { throw TestFailure("no statements") }
            let sids = statements.compactMap { $0["Sid"].flatMap(stringValue) }
            #expect(sids.count == statements.count && Set(sids).count == sids.count, "\(expected.name): \(sids)")
            #expect(sids.allSatisfy { $0.hasPrefix(expected.sidStem) && $0.count > expected.sidStem.count }, "\(expected.name): \(sids)")
        }
    }

    /// With `requireTls`, a request without TLS is denied on the bucket itself (list, bucket
    /// settings) and on every object, whoever sends it; without it, nothing is denied.
    @Test func requireTlsDeniesPlainRequestsOnTheBucketAndItsObjects() throws {
        for (destination, expected) in try Self.examples() {
            let bucketPolicy = buildPolicies(for: destination).bucket?.jsonValue ?? .object([])
            let callers = expected.bucketPolicyGrantees + expected.vendorPrincipals + ["arn:aws:iam::999999999999:root"]
            let requests: [(action: String, resource: String, context: [String: String])] = [
                ("s3:ListBucket", expected.bucketArn, ["s3:prefix": expected.prefix]),
                ("s3:GetBucketLocation", expected.bucketArn, [:]),
                ("s3:PutBucketPolicy", expected.bucketArn, [:]),
                ("s3:GetObject", expected.bucketArn + "/" + expected.prefix + "file.csv", [:]),
                ("s3:PutObject", expected.bucketArn + "/elsewhere/file.csv", [:]),
            ]
            for caller in callers {
                for request in requests {
                    var insecure = Request(principal: caller, action: request.action, resource: request.resource, context: request.context)
                    insecure.context["aws:SecureTransport"] = "false"
                    let decision = evaluate(bucketPolicy, insecure)
                    if expected.requireTls {
                        #expect(decision == .explicitDeny, "\(expected.name): \(request.action) on \(request.resource) without TLS by \(caller)")
                    } else {
                        #expect(decision != .explicitDeny, "\(expected.name): \(request.action) denied without requireTls")
                    }
                    insecure.context["aws:SecureTransport"] = "true"
                    #expect(evaluate(bucketPolicy, insecure) != .explicitDeny, "\(expected.name): \(request.action) with TLS by \(caller)")
                }
            }
        }
    }

    @Test func theRoleARNIsTheFullARNOfTheSpec() throws {
        for (destination, expected) in try Self.examples() {
            let policies = buildPolicies(for: destination)
            #expect(policies.roleArn == expected.roleArn, "\(expected.name)")
            guard let bucket = policies.bucket else { continue }
            for statement in bucket.statements where statement.effect == .allow {
                #expect(statement.principal == .aws(expected.bucketPolicyGrantees), "\(expected.name): \(statement.sid)")
            }
        }
    }

    /// The expected S3 actions of `expected` are allowed (to `principal`, for a bucket policy)
    /// on the bucket ARN or under the prefix, and not outside them.
    func expectGrantsOnlyTheExpectedS3Access(_ policy: JSONValue, _ expected: ExampleGrant, principal: String?) {
        let name = expected.name
        let tls = principal == nil ? [:] : ["aws:SecureTransport": "true"]
        let inside = "\(expected.bucketArn)/\(expected.prefix)reports/2024.csv"
        let otherBucket = "arn:aws:s3:::other-bucket"
        func decision(_ action: String, _ resource: String, _ context: [String: String] = [:]) -> Decision {
            evaluate(policy, Request(principal: principal, action: action, resource: resource, context: context.merging(tls) { $1 }))
        }
        for action in expected.objectActions {
            #expect(decision(action, inside) == .allow, "\(name): \(action)")
            #expect(decision(action, "\(otherBucket)/\(expected.prefix)x") == .implicitDeny, "\(name): \(action) in another bucket")
            if !expected.prefix.isEmpty {
                #expect(decision(action, "\(expected.bucketArn)/elsewhere/x") == .implicitDeny, "\(name): \(action) outside the prefix")
            }
        }
        for action in expected.listActions {
            #expect(decision(action, expected.bucketArn, ["s3:prefix": expected.prefix + "2024/"]) == .allow, "\(name): \(action)")
            #expect(decision(action, otherBucket, ["s3:prefix": expected.prefix]) == .implicitDeny, "\(name): \(action) on another bucket")
            if !expected.prefix.isEmpty {
                #expect(decision(action, expected.bucketArn) == .implicitDeny, "\(name): \(action) without a prefix")
                #expect(decision(action, expected.bucketArn, ["s3:prefix": "elsewhere/"]) == .implicitDeny, "\(name): \(action) outside the prefix")
            }
        }
        for action in expected.bucketActions {
            #expect(decision(action, expected.bucketArn) == .allow, "\(name): \(action)")
            #expect(decision(action, otherBucket) == .implicitDeny, "\(name): \(action) on another bucket")
        }
        for other in ["s3:DeleteObject", "s3:PutBucketPolicy", "s3:GetObject", "s3:PutObject", "s3:ListBucket", "iam:PassRole"]
        where !expected.s3Actions.contains(other) {
            let resource = other == "s3:ListBucket" || other == "s3:PutBucketPolicy" ? expected.bucketArn : inside
            #expect(decision(other, resource, ["s3:prefix": expected.prefix]) == .implicitDeny, "\(name) must not allow \(other)")
        }
    }

    /// Every action an `Allow` statement of `policy` names.
    func allowedActions(_ policy: JSONValue) -> [String] {
        guard case .array(let statements)? = policy["Statement"] else { return [] }
        return statements.filter { $0["Effect"] == "Allow" }.flatMap { statement -> [String] in
            switch statement["Action"] {
            case .string(let action)?: [action]
            case .array(let actions)?: actions.compactMap(stringValue)
            default: []
            }
        }
    }

    /// No Allow statement may use a wildcard principal, `s3:*` or a resource wider than asked.
    func expectNoWildcards(_ policy: JSONValue, _ name: String) {
        guard case .array(let statements)? = policy["Statement"] else { return }
        for statement in statements where statement["Effect"] == "Allow" {
            #expect(statement["Principal"] != "*", "\(name)")
            let actions = encodeCompactJSON(statement["Action"] ?? .null)
            #expect(!actions.contains("s3:*") && !actions.contains("\"*\""), "\(name): \(actions)")
            let resources = encodeCompactJSON(statement["Resource"] ?? .null)
            #expect(resources != "\"*\"" && !resources.contains(":::*"), "\(name): \(resources)")
        }
    }
}
