import Foundation
import Testing

@testable import BucketBridge

/// Every format says what the IAM JSON says: each rendered format is parsed back by a real
/// parser (PyYAML for CloudFormation, terraform itself for HCL, bash running setup.sh) and its
/// policies compared with the destination's `iam/*.json` as JSON values, its role settings
/// with the spec's values, for every example destination and the `variantsSpec` ones.
@Suite("Formats parse back to the IAM JSON")
struct FormatRoundTripTests {
    /// CloudFormation, through PyYAML with CloudFormation's short tags: the role's trust
    /// policy, inline policy, name, path, session duration, description, tags and boundary,
    /// the bucket policy, and the RoleArn output.
    @Test(.enabled(if: ExternalTool.available(.python3), ExternalTool.skipMessage(.python3)))
    func cloudFormationCarriesThePolicies() throws {
        let rendered = try renderedExamples.get()
        try expectCloudFormationMatches(rendered)
    }

    /// Terraform, evaluated by `terraform console` after an offline `init`: the modules'
    /// `local.trust_policy`, `local.permissions_policy`, `local.bucket_policy` and the defaults
    /// of `var.role_description`, `var.tags`, `var.max_session_duration` and
    /// `var.permissions_boundary`; and `terraform validate` on every module.
    @Test(.enabled(if: ExternalTool.available(.terraform), ExternalTool.skipMessage(.terraform)))
    func terraformCarriesThePolicies() throws {
        let rendered = try renderedExamples.get()
        try expectTerraformMatches(rendered, try renderedTerraform.get())
    }

    /// `terraform fmt -check` on every module as rendered: one run given every module's folder
    /// (each checked as `fmt -check .` in it would; the files it wants to change are listed by path).
    @Test(.enabled(if: ExternalTool.available(.terraform), ExternalTool.skipMessage(.terraform)))
    func terraformIsFormatted() throws {
        let rendered = try renderedExamples.get()
        let modules = rendered.expected.map { rendered.folder($0.name) + "/terraform" }
        let fmt = try runProcess("terraform", ["fmt", "-check", "-diff", "-no-color"] + modules, environment: try terraformTestEnvironment())
        for (destination, module) in zip(rendered.expected, modules) {
            #expect(!fmt.output.contains(module + "/"), "\(destination.name): terraform fmt wants changes:\n\(fmt.output)\(fmt.errors)")
        }
        #expect(fmt.status == 0 && fmt.output.isEmpty, "terraform fmt wants changes:\n\(fmt.output)\(fmt.errors)")
    }

    /// What setup.sh passes to the AWS CLI, captured by a stub `aws` that answers like an empty
    /// account: the trust policy, inline policy and bucket-policy statements it sends, and the
    /// role settings. This checks only the arguments handed to the CLI, offline; whether they
    /// deploy (against moto) is tested elsewhere.
    @Test(.enabled(if: ExternalTool.available(.bash, .jq), ExternalTool.skipMessage(.bash, .jq)))
    func setupScriptSendsThePolicies() throws {
        let rendered = try renderedExamples.get()
        for destination in rendered.expected {
            _ = try expectSetupScriptMatches(rendered, destination)
        }
    }

    /// Every ARN any file of a destination names (README prose included) is in the
    /// destination's partition: a China or GovCloud customer is never told to look for `arn:aws:`.
    @Test func everyARNIsInTheDestinationsPartition() throws {
        let rendered = try renderedExamples.get()
        #expect(Set(rendered.expected.map(\.partition)) == ["aws", "aws-cn", "aws-us-gov"])
        for destination in rendered.expected {
            for (path, data) in try snapshotTree(rendered.folder(destination.name)) where !path.hasSuffix("/") {
                let text = String(decoding: data, as: UTF8.self)
                var rest = Substring(text)
                while let range = rest.range(of: "arn:") {
                    let partition = rest[range.upperBound...].prefix { $0.isLetter || $0 == "-" }
                    let after = rest[range.upperBound...].dropFirst(partition.count)
                    if !partition.isEmpty, after.hasPrefix(":") {
                        #expect(partition == destination.partition, "\(destination.name)/\(path): arn:\(partition): in partition \(destination.partition)")
                    }
                    rest = rest[range.upperBound...]
                }
            }
        }
    }

    /// Without a role, nothing bucketbridge writes can grant the use of the bucket's KMS key (a
    /// bucket policy cannot): the README must send the customer to the key's policy instead of
    /// claiming the access includes the key.
    @Test func readmeSendsBucketPolicyGrantsToTheKeyPolicy() throws {
        let rendered = try renderedExamples.get()
        var checked = 0
        for destination in rendered.expected where !destination.hasRole {
            let readme = try String(contentsOfFile: rendered.folder(destination.name) + "/README.md", encoding: .utf8)
            let documents = try IAMDocuments(folder: rendered.folder(destination.name))
            let grantsKMS = encodeCompactJSON(documents.bucket ?? .null).contains("\"kms:")
            #expect(!grantsKMS, "\(destination.name): a bucket policy statement with KMS actions")
            guard destination.kmsKeyArn != nil else { continue }
            checked += 1
            #expect(readme.contains("key's policy"), "\(destination.name): README does not say the key's policy must allow the vendor")
            #expect(!readme.contains("your account's IAM policies grant access"), "\(destination.name): README says an IAM policy of the customer's grants the key, but there is no role")
            #expect(!readme.contains("only for the operations the S3 access needs"), "\(destination.name): README claims the access includes the key")
        }
        #expect(checked > 0, "no bucket-policy destination with a KMS key rendered")
    }

    /// Without a `vendor`, the README says "the vendor", never at the start of a sentence,
    /// bullet or heading, where it would read "the vendor gets ...".
    @Test func readmeNeverStartsASentenceWithTheDefaultVendorName() throws {
        let rendered = try renderedExamples.get()
        var checked = 0
        for destination in rendered.expected where destination.vendor == nil {
            checked += 1
            let readme = try String(contentsOfFile: rendered.folder(destination.name) + "/README.md", encoding: .utf8)
            for line in readme.components(separatedBy: "\n") {
                let start = line.drop { " #>-*0123456789.".contains($0) }
                #expect(!start.hasPrefix("the vendor"), "\(destination.name): \(line)")
                for sentence in line.components(separatedBy: ". ").dropFirst() {
                    #expect(!sentence.drop { $0 == "*" }.hasPrefix("the vendor"), "\(destination.name): \(line)")
                }
            }
        }
        #expect(checked > 0, "no destination without a vendor rendered")
    }

    /// A `--templates` folder holding only README.md changes the README files and nothing else,
    /// byte for byte.
    @Test func templateOverrideChangesOnlyThatFile() throws {
        let folder = try formatScratchFolder("override")
        try writeFile(folder + "/templates/README.md", "# Custom page for {{ destination.name }}\n\n{{ destination.vendor }}\n")
        let specs = try exampleSpecPaths()
        let plain = run(["render"] + specs + ["--out", folder + "/plain"])
        let custom = run(["render"] + specs + ["--out", folder + "/custom", "--templates", folder + "/templates"])
        try #require(plain.status == 0 && custom.status == 0, "\(plain.errors)\(custom.errors)")
        let before = try snapshotTree(folder + "/plain"), after = try snapshotTree(folder + "/custom")
        #expect(Set(before.keys) == Set(after.keys))
        var readmes = 0
        for (path, bytes) in before.sorted(by: { $0.key < $1.key }) {
            if path.hasSuffix("/README.md") {
                readmes += 1
                let text = String(decoding: after[path] ?? Data(), as: UTF8.self)
                #expect(after[path] != bytes, "\(path) did not change")
                #expect(text.hasPrefix("# Custom page for "), "\(path): \(text)")
            } else {
                #expect(after[path] == bytes, "\(path) changed although only README.md was overridden")
            }
        }
        let destinations = before.keys.filter { $0.hasSuffix("/") && !$0.dropLast().contains("/") }
        #expect(readmes == destinations.count && readmes > 0)
    }

    /// A broken override is an error naming the template, its line and column; exit 1, and
    /// nothing written (neither into a new nor into an existing output folder).
    @Test(arguments: [
        ("# Title\n\nText {{ 1️⃣nope }}\n", "unknown variable"),
        ("# Title\n\nText {{ destination.1️⃣nope }}\n", "has no key"),
        ("# Title\n1️⃣{% if destination.hasRole %}\nText\n", "never closed"),
        ("# {{ destination.name | 1️⃣shout }}\n", "unknown filter"),
    ])
    func brokenOverrideIsAnErrorAndWritesNothing(_ source: String, _ message: String) throws {
        let marked = MarkedText(source)
        let position = try #require(marked.positions["1️⃣"])
        let folder = try formatScratchFolder("broken")
        try writeFile(folder + "/templates/README.md", marked.text)
        let specs = try exampleSpecPaths()
        let fresh = run(["render"] + specs + ["--out", folder + "/fresh", "--templates", folder + "/templates"])
        #expect(fresh.status == 1)
        let prefix = "README.md:\(position.line):\(position.column): error: "
        let line = fresh.errors.split(separator: "\n").first { $0.hasPrefix(prefix) }
        #expect(line?.contains(message) == true, "expected a line starting \(prefix.debugDescription) about \(message):\n\(fresh.errors)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/fresh"))
        // Over an earlier good render: nothing changes.
        #expect(run(["render"] + specs + ["--out", folder + "/existing"]).status == 0)
        let before = try snapshotTree(folder + "/existing")
        let again = run(["render"] + specs + ["--out", folder + "/existing", "--templates", folder + "/templates"])
        #expect(again.status == 1 && again.errors.contains(prefix))
        #expect(try snapshotTree(folder + "/existing") == before)
    }
}

// MARK: - Checks shared with the hostile-text tests

/// CloudFormation of every destination of `rendered` against its IAM JSON and spec.
func expectCloudFormationMatches(_ rendered: RenderedRun) throws {
    let paths = rendered.expected.map { rendered.folder($0.name) + "/cloudformation/template.yaml" }
    let shared = try parsedCloudFormation.get()
    let templates = paths.allSatisfy { shared[$0] != nil } ? shared : try parseCloudFormation(paths)
    for (destination, path) in zip(rendered.expected, paths) {
        let name = destination.name
        let template = try #require(templates[path], "\(name): no template")
        let documents = try IAMDocuments(folder: rendered.folder(name))
        let account = destination.role?.accountId
        let roleArn = destination.role.flatMap { role in account.map { role.arn(partition: destination.partition, account: $0) } }
        let resolve = { (value: JSONValue?) in
            value.map { resolveCloudFormation($0, roleArn: roleArn, partition: destination.partition, account: account) }
        }
        #expect(template["AWSTemplateFormatVersion"] == "2010-09-09", "\(name)")
        let resources = template["Resources"]
        let role = resources?["Role"]
        if let role = destination.role {
            let properties = try #require(resources?["Role"]?["Properties"], "\(name): no Resources.Role.Properties")
            #expect(resources?["Role"]?["Type"] == "AWS::IAM::Role", "\(name)")
            expectJSON(resolve(properties["AssumeRolePolicyDocument"]), documents.trust, "\(name): trust policy")
            guard case .array(let policies)? = properties["Policies"], policies.count == 1 else {
                Issue.record("\(name): Policies is not one inline policy: \(String(describing: properties["Policies"]))")
                continue
            }
            expectJSON(resolve(policies[0]["PolicyDocument"]), documents.permissions, "\(name): permissions policy")
            #expect(policies[0]["PolicyName"] == .string(role.policyName), "\(name)")
            #expect(properties["RoleName"] == .string(role.name), "\(name)")
            #expect(properties["Path"] == .string(role.path), "\(name)")
            #expect(properties["MaxSessionDuration"] == .int(role.maxSessionDuration), "\(name)")
            let description = properties["Description"].flatMap(stringValue)
            #expect(sameBytes(description, role.description), "\(name): Description \(String(describing: description).debugDescription) is not \(role.description.debugDescription)")
            #expect(properties["PermissionsBoundary"] == role.permissionsBoundary.map(JSONValue.string), "\(name)")
            var tags: [(key: String, value: String)] = []
            if case .array(let list)? = properties["Tags"] {
                for tag in list {
                    guard let key = tag["Key"].flatMap(stringValue), let value = tag["Value"].flatMap(stringValue) else {
                        Issue.record("\(name): a tag is not {Key: string, Value: string}: \(tag)")
                        continue
                    }
                    tags.append((key, value))
                }
            } else {
                #expect(properties["Tags"] == nil, "\(name): Tags is not a list")
            }
            #expect(tagDictionary(tags, name) == tagDictionary(role.tags, name), "\(name): tags")
            #expect(
                template["Outputs"]?["RoleArn"]?["Value"] == .object([.init("Fn::GetAtt", ["Role", "Arn"])]),
                "\(name): no RoleArn output with the role's ARN")
        } else {
            #expect(role == nil && documents.trust == nil && documents.permissions == nil, "\(name): a role without a role grant")
        }
        if let bucketPolicy = documents.bucket {
            let properties = resources?["BucketPolicy"]?["Properties"]
            #expect(resources?["BucketPolicy"]?["Type"] == "AWS::S3::BucketPolicy", "\(name)")
            #expect(properties?["Bucket"] == .string(destination.bucket), "\(name)")
            expectJSON(resolve(properties?["PolicyDocument"]), bucketPolicy, "\(name): bucket policy")
        } else {
            #expect(resources?["BucketPolicy"] == nil, "\(name): a bucket policy the IAM JSON does not have")
        }
    }
}

/// The terraform evaluation of every destination of `rendered` against its IAM JSON and spec.
func expectTerraformMatches(_ rendered: RenderedRun, _ evaluation: TerraformEvaluation) throws {
    #expect(evaluation.validate.status == 0, "terraform validate failed in \(evaluation.root):\n\(evaluation.validate.output)\(evaluation.validate.errors)")
    for destination in rendered.expected {
        let name = destination.name
        let probe = try #require(evaluation.probes[name], "\(name): no terraform values")
        let documents = try IAMDocuments(folder: rendered.folder(name))
        expectJSON(probe["trust_policy"], documents.trust, "\(name): local.trust_policy")
        expectJSON(probe["permissions_policy"], documents.permissions, "\(name): local.permissions_policy")
        expectJSON(probe["bucket_policy"], documents.bucket, "\(name): local.bucket_policy")
        guard let role = destination.role else { continue }
        let description = probe["role_description"].flatMap(stringValue)
        #expect(sameBytes(description, role.description), "\(name): var.role_description \(String(describing: description).debugDescription) is not \(role.description.debugDescription)")
        #expect(probe["max_session_duration"] == .int(role.maxSessionDuration), "\(name): var.max_session_duration")
        #expect(probe["permissions_boundary"] == (role.permissionsBoundary.map(JSONValue.string) ?? .null), "\(name): var.permissions_boundary")
        guard case .object(let tags)? = probe["tags"] else {
            Issue.record("\(name): var.tags is not a map: \(String(describing: probe["tags"]))")
            continue
        }
        let found = tags.map { (key: $0.key, value: stringValue($0.value) ?? "<not a string>") }
        #expect(tagDictionary(found, name) == tagDictionary(role.tags, name), "\(name): var.tags")
        for tag in role.tags {
            #expect(sameBytes(tags.first { sameBytes($0.key, tag.key) }?.value.scalarText, tag.value), "\(name): tag \(tag.key.debugDescription) is not byte-identical")
        }
    }
}

/// Runs one destination's setup.sh against the stub `aws` and checks what it sent; returns the run.
@discardableResult
func expectSetupScriptMatches(_ rendered: RenderedRun, _ destination: ExpectedDestination) throws -> StubAWSRun {
    let name = destination.name
    let documents = try IAMDocuments(folder: rendered.folder(name))
    let account = destination.role?.accountId ?? "123456789012"
    let roleArn = destination.role?.arn(partition: destination.partition, account: account) ?? ""
    let run = try runWithStubAWSInAnEmptyAccount(rendered.folder(name) + "/aws-cli/setup.sh", account: account, roleArn: roleArn)
    expectSetupCalls(run, documents: documents, destination: destination, roleArn: roleArn)
    return run
}

/// The checks of `expectSetupScriptMatches`, recording issues without throwing so the caller
/// always gets the run back.
private func expectSetupCalls(_ run: StubAWSRun, documents: IAMDocuments, destination: ExpectedDestination, roleArn: String) {
    let name = destination.name
    #expect(run.result.status == 0, "\(name): setup.sh failed:\n\(run.result.output)\(run.result.errors)")
    if let role = destination.role {
        let creates = run.calls("iam", "create-role")
        guard creates.count == 1 else {
            Issue.record("\(name): expected one create-role, got \(run.calls)")
            return
        }
        let create = creates[0]
        #expect(optionValue("--role-name", in: create) == role.name, "\(name)")
        #expect(optionValue("--path", in: create) == role.path, "\(name)")
        let description = optionValue("--description", in: create)
        #expect(sameBytes(description, role.description), "\(name): --description \(String(describing: description).debugDescription) is not \(role.description.debugDescription)")
        #expect(optionValue("--max-session-duration", in: create) == String(role.maxSessionDuration), "\(name)")
        #expect(optionValue("--permissions-boundary", in: create) == role.permissionsBoundary, "\(name)")
        expectJSON(optionValue("--assume-role-policy-document", in: create).flatMap(parseJSONValue), documents.trust, "\(name): --assume-role-policy-document")
        var tags: [(key: String, value: String)] = []
        if let text = optionValue("--tags", in: create) {
            guard case .array(let list)? = parseJSONValue(text) else {
                Issue.record("\(name): --tags is not a JSON list: \(text)")
                return
            }
            tags = list.map { (key: $0["Key"].flatMap(stringValue) ?? "", value: $0["Value"].flatMap(stringValue) ?? "") }
        }
        #expect(tagDictionary(tags, name) == tagDictionary(role.tags, name), "\(name): --tags")
        let puts = run.calls("iam", "put-role-policy")
        guard puts.count == 1 else {
            Issue.record("\(name): expected one put-role-policy, got \(run.calls)")
            return
        }
        #expect(optionValue("--role-name", in: puts[0]) == role.name, "\(name)")
        #expect(optionValue("--policy-name", in: puts[0]) == role.policyName, "\(name)")
        expectJSON(optionValue("--policy-document", in: puts[0]).flatMap(parseJSONValue), documents.permissions, "\(name): --policy-document")
        let lastLine = run.result.output.split(separator: "\n").last.map(String.init)
        #expect(lastLine == roleArn, "\(name): setup.sh should end by printing the role ARN:\n\(run.result.output)")
    } else {
        #expect(run.calls("iam", "create-role").isEmpty && run.calls("iam", "put-role-policy").isEmpty, "\(name): IAM writes without a role grant")
    }
    let bucketPuts = run.calls("s3api", "put-bucket-policy")
    if let bucketPolicy = documents.bucket {
        guard bucketPuts.count == 1 else {
            Issue.record("\(name): expected one put-bucket-policy, got \(run.calls)")
            return
        }
        #expect(optionValue("--bucket", in: bucketPuts[0]) == destination.bucket, "\(name)")
        guard let sent = optionValue("--policy", in: bucketPuts[0]).flatMap(parseJSONValue) else {
            Issue.record("\(name): --policy is not JSON: \(bucketPuts[0])")
            return
        }
        #expect(sent["Version"] == bucketPolicy["Version"], "\(name): bucket policy Version")
        guard case .array(let ours)? = bucketPolicy["Statement"], case .array(let put)? = sent["Statement"] else {
            Issue.record("\(name): no Statement array in the bucket policy sent: \(sent)")
            return
        }
        for statement in ours {
            let match = put.first { $0["Sid"] == statement["Sid"] }
            expectJSON(match, statement, "\(name): bucket policy statement \(String(describing: statement["Sid"]))")
        }
        // An empty account has no other statements to keep.
        #expect(put.count == ours.count, "\(name): the bucket policy sent has \(put.count) statements, iam/bucket-policy.json \(ours.count)")
    } else {
        #expect(bucketPuts.isEmpty, "\(name): a bucket policy the IAM JSON does not have")
    }
}

/// Expects two optional JSON values to be equal as JSON (object key order aside), both absent
/// counting as equal.
func expectJSON(_ found: JSONValue?, _ expected: JSONValue?, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    switch (found, expected) {
    case (nil, nil): return
    case (let found?, let expected?):
        #expect(jsonEqual(found, expected), "\(what) differs:\nfound    \(encodeCompactJSON(found))\nexpected \(encodeCompactJSON(expected))", sourceLocation: sourceLocation)
    case (let found?, nil):
        Issue.record("\(what): present but the IAM JSON has none: \(encodeCompactJSON(found))", sourceLocation: sourceLocation)
    case (nil, let expected?):
        Issue.record("\(what): missing; the IAM JSON has \(encodeCompactJSON(expected))", sourceLocation: sourceLocation)
    }
}
