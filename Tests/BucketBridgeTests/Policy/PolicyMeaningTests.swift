import Testing
@testable import BucketBridge

/// What the policies *mean*, judged by a small IAM evaluator, for every shipped example.
struct PolicyMeaningTests {
    static func exampleDestinations() throws -> [Destination] {
        var diagnostics = Diagnostics()
        let destinations = try Pipeline(specPaths: try exampleSpecPaths()).readAndValidate(diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors, "\(errorLines(diagnostics))")
        #expect(destinations.count >= 5)
        return destinations
    }

    @Test func trustAllowsExactlyTheVendorWithTheExternalID() throws {
        for destination in try Self.exampleDestinations() where destination.grant.hasRole {
            let trust = try #require(buildPolicies(for: destination).trust?.jsonValue)
            let externalId = try #require(destination.externalId)
            for principal in destination.trustedPrincipals {
                let assume = Request(principal: principal, action: "sts:AssumeRole", context: ["sts:ExternalId": externalId])
                #expect(evaluate(trust, assume) == .allow, "\(destination.name): \(principal)")
                var wrongID = assume
                wrongID.context["sts:ExternalId"] = externalId + "x"
                #expect(evaluate(trust, wrongID) == .implicitDeny)
                var noID = assume
                noID.context = [:]
                #expect(evaluate(trust, noID) == .implicitDeny)
                var otherAction = assume
                otherAction.action = "sts:AssumeRoleWithWebIdentity"
                #expect(evaluate(trust, otherAction) == .implicitDeny)
            }
            let stranger = Request(principal: "arn:aws:iam::999999999999:root", action: "sts:AssumeRole", context: ["sts:ExternalId": externalId])
            #expect(evaluate(trust, stranger) == .implicitDeny, "\(destination.name)")
        }
    }

    @Test func permissionsGrantOnlyTheAskedActionsUnderThePrefix() throws {
        for destination in try Self.exampleDestinations() where destination.grant.hasRole {
            let policy = try #require(buildPolicies(for: destination).permissions?.jsonValue)
            let partition = destination.partition.rawValue
            let bucket = "arn:\(partition):s3:::\(destination.bucket)"
            let inside = "\(bucket)/\(destination.prefix)reports/2024.csv"
            for action in destination.actions {
                switch action.scope {
                case .object:
                    #expect(evaluate(policy, Request(action: action.qualifiedName, resource: inside)) == .allow, "\(destination.name) \(action)")
                    #expect(evaluate(policy, Request(action: action.qualifiedName, resource: "arn:\(partition):s3:::other-bucket/\(destination.prefix)x")) == .implicitDeny)
                    if !destination.prefix.isEmpty {
                        #expect(evaluate(policy, Request(action: action.qualifiedName, resource: "\(bucket)/elsewhere/x")) == .implicitDeny)
                    }
                case .bucket:
                    let context = destination.prefix.isEmpty ? [:] : ["s3:prefix": destination.prefix + "2024/"]
                    #expect(evaluate(policy, Request(action: action.qualifiedName, resource: bucket, context: context)) == .allow)
                    #expect(evaluate(policy, Request(action: action.qualifiedName, resource: "arn:\(partition):s3:::other-bucket", context: context)) == .implicitDeny)
                    if !destination.prefix.isEmpty, action.supportsPrefixCondition {
                        #expect(evaluate(policy, Request(action: action.qualifiedName, resource: bucket)) == .implicitDeny)
                        #expect(evaluate(policy, Request(action: action.qualifiedName, resource: bucket, context: ["s3:prefix": "elsewhere/"])) == .implicitDeny)
                    }
                case .unsupported:
                    Issue.record("unsupported action \(action) in \(destination.name)")
                }
            }
            let granted = Set(destination.actions.map(\.qualifiedName))
            for other in ["s3:DeleteObject", "s3:PutBucketPolicy", "s3:GetObject", "s3:PutObject", "s3:ListBucket", "iam:PassRole"]
            where !granted.contains(other) {
                let resource = other == "s3:ListBucket" || other == "s3:PutBucketPolicy" ? bucket : inside
                #expect(evaluate(policy, Request(action: other, resource: resource, context: ["s3:prefix": destination.prefix])) == .implicitDeny,
                    "\(destination.name) must not allow \(other)")
            }
            expectNoWildcards(policy, destination.name)
        }
    }

    @Test func kmsOnlyOnTheGivenKey() throws {
        for destination in try Self.exampleDestinations() where destination.grant.hasRole {
            let policy = try #require(buildPolicies(for: destination).permissions?.jsonValue)
            let otherKey = "arn:aws:kms:us-east-1:666666666666:key/ffffffff-ffff-ffff-ffff-ffffffffffff"
            #expect(evaluate(policy, Request(action: "kms:Decrypt", resource: otherKey)) == .implicitDeny)
            guard let key = destination.kmsKeyArn else {
                #expect(evaluate(policy, Request(action: "kms:Decrypt", resource: otherKey)) == .implicitDeny)
                continue
            }
            let writes = destination.actions.contains { $0.name == "PutObject" }
            let reads = destination.actions.contains { $0.name == "GetObject" }
            #expect(evaluate(policy, Request(action: "kms:GenerateDataKey", resource: key)) == (writes ? .allow : .implicitDeny))
            #expect(evaluate(policy, Request(action: "kms:Decrypt", resource: key)) == (writes || reads ? .allow : .implicitDeny))
            #expect(evaluate(policy, Request(action: "kms:Encrypt", resource: key)) == .implicitDeny)
            #expect(evaluate(policy, Request(action: "kms:ScheduleKeyDeletion", resource: key)) == .implicitDeny)
        }
    }

    @Test func infoSumCanOnlyReadUnderItsPrefix() throws {
        let infoSum = try #require(try Self.exampleDestinations().first { $0.vendor == "InfoSum" })
        let policy = try #require(buildPolicies(for: infoSum).permissions?.jsonValue)
        let bucket = "arn:aws:s3:::acme-clean-room"
        #expect(infoSum.prefix == "infosum/imports/")
        #expect(evaluate(policy, Request(action: "s3:GetObject", resource: bucket + "/infosum/imports/customers.csv")) == .allow)
        #expect(evaluate(policy, Request(action: "s3:ListBucket", resource: bucket, context: ["s3:prefix": "infosum/imports/"])) == .allow)
        #expect(evaluate(policy, Request(action: "s3:ListBucket", resource: bucket)) == .implicitDeny)
        #expect(evaluate(policy, Request(action: "s3:GetObject", resource: "arn:aws:s3:::another-bucket/infosum/imports/x")) == .implicitDeny)
        #expect(evaluate(policy, Request(action: "s3:PutObject", resource: bucket + "/infosum/imports/x")) == .implicitDeny)
        #expect(evaluate(policy, Request(action: "s3:GetObject", resource: bucket + "/private/x")) == .implicitDeny)
    }

    @Test func bucketPoliciesGrantTheRightPrincipal() throws {
        for destination in try Self.exampleDestinations() {
            let policies = buildPolicies(for: destination)
            guard let bucketPolicy = policies.bucket?.jsonValue else {
                #expect(!destination.grant.hasBucketPolicyGrant && !destination.requireTls)
                continue
            }
            let bucket = "arn:\(destination.partition.rawValue):s3:::\(destination.bucket)"
            let object = "\(bucket)/\(destination.prefix)file.csv"
            let grantees = destination.grant == .bucketPolicy ? destination.trustedPrincipals : (policies.roleArn.map { [$0] } ?? [])
            let objectAction = try #require(destination.actions.first { $0.scope == .object }).qualifiedName
            for grantee in grantees where destination.grant.hasBucketPolicyGrant {
                #expect(evaluate(bucketPolicy, Request(principal: grantee, action: objectAction, resource: object, context: ["aws:SecureTransport": "true"])) == .allow)
            }
            #expect(evaluate(bucketPolicy, Request(principal: "arn:aws:iam::999999999999:root", action: objectAction, resource: object, context: ["aws:SecureTransport": "true"])) == .implicitDeny)
            if destination.requireTls {
                let grantee = grantees.first ?? "arn:aws:iam::999999999999:root"
                #expect(evaluate(bucketPolicy, Request(principal: grantee, action: objectAction, resource: object, context: ["aws:SecureTransport": "false"])) == .explicitDeny)
            }
            // Every statement can be merged into an existing policy by its Sid.
            guard case .array(let statements)? = bucketPolicy["Statement"] else { throw TestFailure("no statements") }
            let sids = statements.compactMap { $0["Sid"] }
            #expect(sids.count == statements.count && Set(sids).count == sids.count)
        }
    }

    @Test func roleAndBucketPolicyNamesTheFullRoleARN() throws {
        let destination = try #require(try Self.exampleDestinations().first { $0.grant == .roleAndBucketPolicy })
        let policies = buildPolicies(for: destination)
        let role = try #require(destination.role)
        #expect(policies.roleArn == "arn:aws:iam::\(role.accountId!):role\(role.path)\(role.name)")
        let statements = try #require(policies.bucket?.statements.filter { $0.effect == .allow })
        #expect(!statements.isEmpty && statements.allSatisfy { $0.principal == .aws([policies.roleArn!]) })
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
