import Foundation
import Testing

@testable import BucketBridge

/// A docs page with placeholders, rendered generic, then given values by each format's own
/// means (CloudFormation parameters, Terraform variables, setup.sh environment variables):
/// each applies exactly the policies of the same spec rendered with the values written in.
@Suite("Placeholders in every format")
struct PlaceholderFormatTests {
    static let spec = repositoryRoot.appendingPathComponent("examples/docs/cisco-sea.json").path
    static let name = "cisco-sea-docs"
    /// A value for every placeholder of the Cisco SEA page, with characters each format must carry.
    static let values: [String: String] = [
        "SEA_GATEWAY_ROLE": "arn:aws:iam::111122223333:role/sea-gateway",
        "EXTERNAL_ID": "sea=acme,1@x:y/z_-+.",
        "BUCKET": "acme-sea-recordings",
        "ACCOUNT_ID": "666666666666",
        "KEY_ID": "1234abcd-12ab-34cd-56ef-1234567890ab",
        "ROLE_SUFFIX": "acme+rec=1",
    ]

    /// The generic page and the concrete one (`--set` every value), rendered once.
    static let rendered = Lazily { () throws -> (generic: String, concrete: String) in
        let folder = try formatScratchFolder("placeholders")
        let generic = folder + "/generic", concrete = folder + "/concrete"
        let plain = run(["render", spec, "--out", generic])
        guard plain.status == 0 else { throw TestFailure(plain.errors) }
        let set = run(["render", spec, "--out", concrete] + values.sorted { $0.key < $1.key }.flatMap { ["--set", "\($0.key)=\($0.value)"] })
        guard set.status == 0 else { throw TestFailure(set.errors) }
        return (generic + "/" + name, concrete + "/" + name)
    }

    static func policy(_ folder: String, _ file: String) throws -> JSONValue {
        try #require(parseJSONValue(try String(contentsOfFile: folder + "/iam/" + file, encoding: .utf8)))
    }

    @Test func setEveryValueEqualsTheSpecWithTheValuesWrittenIn() throws {
        let (_, concrete) = try Self.rendered.get()
        var text = try String(contentsOfFile: Self.spec, encoding: .utf8)
        for (name, value) in Self.values { text = text.replacingOccurrences(of: "<\(name)>", with: value) }
        // The declarations are unused once every value is written in.
        let document = try #require(parseJSONValue(text))
        guard case .object(let members) = document else { throw TestFailure("not an object") }
        let folder = try formatScratchFolder("written-in")
        try writeFile(folder + "/spec.json", encodeJSON(.object(members.filter { $0.key != "placeholders" })))
        let result = run(["render", folder + "/spec.json", "--out", folder + "/out"])
        #expect(result.status == 0, "\(result.errors)")
        let written = try snapshotTree(folder + "/out/" + Self.name), set = try snapshotTree(concrete)
        #expect(written.keys.sorted() == set.keys.sorted())
        for (path, bytes) in written { #expect(set[path] == bytes, "\(path) differs") }
        #expect(!String(decoding: set["README.md"] ?? Data(), as: UTF8.self).contains("<"), "a placeholder is left in the concrete README")
    }

    @Test func showPrintsWhatRenderWrites() throws {
        let (generic, _) = try Self.rendered.get()
        for file in ["iam/trust-policy.json", "cloudformation/template.yaml", "README.md", "aws-cli/setup.sh", "terraform/variables.tf"] {
            let shown = run(["show", Self.spec, file])
            #expect(shown.status == 0, "\(shown.errors)")
            #expect(Data(shown.output.utf8) == FileManager.default.contents(atPath: generic + "/" + file), "\(file)")
        }
        let missing = run(["show", Self.spec, "iam/bucket-policy.json"])
        #expect(missing.status == 2 && missing.errors.contains("has no such file"), "\(missing.errors)")
        let several = run(["show", Self.spec, try exampleSpecPaths()[0], "README.md"])
        #expect(several.status == 2 && several.errors.contains("--destination"), "\(several.errors)")
        let chosen = run(["show", Self.spec, try exampleSpecPaths()[0], "README.md", "--destination", Self.name])
        #expect(chosen.status == 0 && Data(chosen.output.utf8) == FileManager.default.contents(atPath: generic + "/README.md"))
        #expect(run(["show", Self.spec, "README.md", "--destination", "nope"]).status == 2)
        #expect(run(["render", Self.spec, "--out", "-"]).status == 2)
    }

    @Test(.enabled(if: ExternalTool.available(.python3), ExternalTool.skipMessage(.python3)))
    func cloudFormationParametersGiveTheSamePolicies() throws {
        let (generic, concrete) = try Self.rendered.get()
        let path = generic + "/cloudformation/template.yaml"
        let template = try #require(try parsedCloudFormation.get()[path])
        guard case .object(let parameters)? = template["Parameters"] else { throw TestFailure("no Parameters") }
        // The account id comes from AWS::AccountId, every other value from a parameter.
        let expected = PlaceholderReferences.cloudFormation()
        #expect(Set(parameters.map(\.key)) == Set(Self.values.keys.filter { $0 != "ACCOUNT_ID" }.map { expected($0) }))
        var values = ["AWS::AccountId": Self.values["ACCOUNT_ID"]!, "AWS::Partition": "aws"]
        for (name, value) in Self.values { values[expected(name)] = value }
        for parameter in parameters {
            guard case .string(let pattern)? = parameter.value["AllowedPattern"] else { continue }
            let regex = try NSRegularExpression(pattern: pattern)
            let value = values[parameter.key]!
            #expect(regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil, "\(parameter.key): \(value) !~ \(pattern)")
            let wrong = "not valid ✗"
            #expect(regex.firstMatch(in: wrong, range: NSRange(wrong.startIndex..., in: wrong)) == nil, "\(parameter.key) accepts anything")
        }
        let role = try #require(template["Resources"]?["Role"]?["Properties"])
        let trust = substituteCloudFormation(try #require(role["AssumeRolePolicyDocument"]), values)
        #expect(jsonEqual(trust, try Self.policy(concrete, "trust-policy.json")), "\(encodeJSON(trust))")
        let permissions = substituteCloudFormation(try #require(role["Policies"]?[0]?["PolicyDocument"]), values)
        #expect(jsonEqual(permissions, try Self.policy(concrete, "permissions-policy.json")), "\(encodeJSON(permissions))")
        #expect(substituteCloudFormation(try #require(role["RoleName"]), values) == .string("SEA_ext_access_acme+rec=1"))
    }

    /// The module name the shared terraform root (`renderedTerraform`) calls the generic page's module by.
    static let terraformModuleName = "placeholder-docs"

    /// The `module` block's lines giving every placeholder a value (the account id aside).
    static func terraformVariables(_ values: [String: String]) -> String {
        values.filter { $0.key != "ACCOUNT_ID" }.sorted { $0.key < $1.key }.map { name, value in
            "  \(PlaceholderReferences.terraform()(name).dropFirst(4)) = \(hclStringLiteral(value))\n"
        }.joined()
    }

    /// Writes the generic page's module into `folder`, with a probe file that outputs its
    /// policies. The account id comes from aws_caller_identity, which needs credentials: put the
    /// account it would answer in its place, as the CloudFormation test does for AWS::AccountId.
    static func writeTerraformModule(to folder: String, generic: String) throws {
        try FileManager.default.copyItem(atPath: generic + "/terraform", toPath: folder)
        try writeFile(folder + "/bucketbridge_test_probe.tf", """
            output "bucketbridge_test_probe" {
              value = { trust_policy = local.trust_policy, permissions_policy = local.permissions_policy }
            }

            """)
        let main = try String(contentsOfFile: folder + "/main.tf", encoding: .utf8)
        guard main.contains("data \"aws_caller_identity\" \"current\" {}") else {
            throw TestFailure("\(folder)/main.tf has no data \"aws_caller_identity\" \"current\" {}")
        }
        try writeFile(folder + "/main.tf", main
            .replacingOccurrences(of: "data \"aws_caller_identity\" \"current\" {}", with: "")
            .replacingOccurrences(of: "data.aws_caller_identity.current.account_id", with: "\"\(values["ACCOUNT_ID"]!)\""))
    }

    /// The generic page's module with every value given by a variable, for the shared terraform
    /// root: its `validate` and `console` (the provider is slow to start) serve this test too.
    static func terraformModule() throws -> ExtraTerraformModule {
        let (generic, _) = try rendered.get()
        return ExtraTerraformModule(name: terraformModuleName, arguments: terraformVariables(values)) { folder in
            try writeTerraformModule(to: folder, generic: generic)
        }
    }

    /// The name of the root that gives the generic page's module a wrong value.
    static let wrongValueRootName = "placeholder-wrong-value"

    /// A root calling the generic page's module with a bucket name that is not one: validated
    /// beside the shared root (`renderedTerraform`), with the same provider process.
    static func wrongValueRoot() throws -> SeparateTerraformRoot {
        let (generic, _) = try rendered.get()
        return SeparateTerraformRoot(name: wrongValueRootName) { root in
            try writeTerraformModule(to: root + "/module", generic: generic)
            var wrong = values
            wrong["BUCKET"] = "Bad_Bucket"
            try writeFile(root + "/main.tf", "module \"docs\" {\n  source = \"./module\"\n\(terraformVariables(wrong))}\n")
        }
    }

    @Test(.enabled(if: ExternalTool.available(.terraform), ExternalTool.skipMessage(.terraform)))
    func terraformVariablesGiveTheSamePolicies() throws {
        let (_, concrete) = try Self.rendered.get()
        // The module with good values: validated and evaluated in the shared root.
        let evaluation = try renderedTerraform.get()
        #expect(evaluation.validate.status == 0, "\(evaluation.validate.output)\(evaluation.validate.errors)")
        let probe = try #require(evaluation.probes[Self.terraformModuleName], "no terraform values for the placeholder module in \(evaluation.root)")
        #expect(jsonEqual(try #require(probe["trust_policy"]), try Self.policy(concrete, "trust-policy.json")))
        #expect(jsonEqual(try #require(probe["permissions_policy"]), try Self.policy(concrete, "permissions-policy.json")))
        // A validation block refuses a wrong value.
        let (initialise, rejected) = try #require(evaluation.separate[Self.wrongValueRootName], "the wrong-value root was not validated")
        try #require(initialise.status == 0, "\(initialise.output)\(initialise.errors)")
        #expect(rejected.status != 0 && (rejected.output + rejected.errors).contains("BUCKET must be an S3 bucket name"), "\(rejected.output)\(rejected.errors)")
    }

    @Test(.enabled(if: ExternalTool.available(.bash, .jq), ExternalTool.skipMessage(.bash, .jq)))
    func setupScriptTakesTheValuesFromTheEnvironment() throws {
        let (generic, concrete) = try Self.rendered.get()
        let script = generic + "/aws-cli/setup.sh"
        let account = Self.values["ACCOUNT_ID"]!
        let roleArn = "arn:aws:iam::\(account):role/SEA_ext_access_acme+rec=1"
        // Nothing set: every missing value is named, and no AWS call is made.
        let bare = try runWithStubAWS(script, account: account, roleArn: roleArn)
        #expect(bare.result.status == 1)
        for name in Self.values.keys where name != "ACCOUNT_ID" {
            #expect(bare.result.errors.contains("set \(name):"), "\(name) not named:\n\(bare.result.errors)")
        }
        #expect(bare.calls.isEmpty, "\(bare.calls)")
        // A wrong value is refused before any AWS call.
        var wrong = Self.values
        wrong["BUCKET"] = "Bad_Bucket"
        let refused = try runWithStubAWS(script, account: account, roleArn: roleArn, environment: wrong)
        #expect(refused.result.status == 1 && refused.result.errors.contains("BUCKET must be an S3 bucket name"), "\(refused.result.errors)")
        #expect(refused.calls.isEmpty)
        // With the values: the policies the concrete render names.
        let filled = try runWithStubAWS(script, account: account, roleArn: roleArn, environment: Self.values)
        #expect(filled.result.status == 0, "\(filled.result.errors)")
        let create = try #require(filled.calls("iam", "create-role").first)
        #expect(optionValue("--role-name", in: create) == "SEA_ext_access_acme+rec=1")
        let trust = try #require(optionValue("--assume-role-policy-document", in: create).flatMap(parseJSONValue))
        #expect(jsonEqual(trust, try Self.policy(concrete, "trust-policy.json")))
        let put = try #require(filled.calls("iam", "put-role-policy").first)
        let permissions = try #require(optionValue("--policy-document", in: put).flatMap(parseJSONValue))
        #expect(jsonEqual(permissions, try Self.policy(concrete, "permissions-policy.json")))
    }
}

/// A CloudFormation value with `Fn::Sub` and `Ref` resolved from `values` (parameters and pseudo parameters).
func substituteCloudFormation(_ value: JSONValue, _ values: [String: String]) -> JSONValue {
    switch value {
    case .object(let members):
        if members.count == 1, let member = members.first {
            if member.key == "Ref", case .string(let name) = member.value, let resolved = values[name] { return .string(resolved) }
            if member.key == "Fn::Sub", case .string(var text) = member.value {
                for (name, resolved) in values { text = text.replacingOccurrences(of: "${\(name)}", with: resolved) }
                return .string(text.replacingOccurrences(of: "${!", with: "${"))
            }
        }
        return .object(members.map { .init($0.key, substituteCloudFormation($0.value, values)) })
    case .array(let elements):
        return .array(elements.map { substituteCloudFormation($0, values) })
    default:
        return value
    }
}
