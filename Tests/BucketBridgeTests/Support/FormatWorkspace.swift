import Foundation
import Testing

@testable import BucketBridge

// Shared, lazily built fixtures for the format tests: one render of the examples, one render of
// the hostile spec, one terraform init/console/validate and one cfn-lint run for both renders.
// Suites run in parallel; each value is built once, by the first test that asks for it.

/// A value computed once, on first use, by whichever thread asks first; later callers wait.
final class Lazily<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Value, any Error>?
    private let make: @Sendable () throws -> Value

    init(_ make: @escaping @Sendable () throws -> Value) { self.make = make }

    func get() throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        if result == nil { result = Result { try make() } }
        return try result!.get()
    }
}

/// This process's scratch folder for the format tests (left behind for inspection; earlier
/// runs' folders are removed when their process is gone).
let formatScratch: String = {
    let base = FileManager.default.temporaryDirectory.path
    let mine = "bucketbridge-format-tests-\(getpid())"
    for name in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
    where name.hasPrefix("bucketbridge-format-tests-") && name != mine {
        if let pid = Int32(name.dropFirst("bucketbridge-format-tests-".count)), kill(pid, 0) != 0 {
            try? FileManager.default.removeItem(atPath: base + "/" + name)
        }
    }
    let path = base + "/" + mine
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

/// A fresh folder under `formatScratch`.
func formatScratchFolder(_ label: String) throws -> String {
    let path = formatScratch + "/\(label)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// One rendered run: the spec files, the output folder, and what each destination's spec asks for.
struct RenderedRun: Sendable {
    var specs: [String]
    var out: String
    var expected: [ExpectedDestination]

    func folder(_ name: String) -> String { out + "/" + name }
}

/// Renders `specs` into a scratch folder, failing loudly if the render fails.
func renderRun(_ specs: [String], label: String) throws -> RenderedRun {
    let out = try formatScratchFolder(label) + "/out"
    let result = run(["render"] + specs + ["--out", out])
    guard result.status == 0 else { throw TestFailure("render of \(specs) failed: \(result.errors)") }
    return RenderedRun(specs: specs, out: out, expected: try specs.flatMap(expectedDestinations(inSpec:)))
}

/// The examples plus `variantsSpec`, rendered once for all format tests.
let renderedExamples = Lazily {
    let folder = try formatScratchFolder("variants-spec")
    try writeFile(folder + "/variants.json", variantsSpec)
    return try renderRun(try exampleSpecPaths() + [folder + "/variants.json"], label: "examples")
}

/// Destinations the examples do not cover: the China and GovCloud partitions, no region, no
/// vendor or description (default wording), a bucket-policy grant with a KMS key, a name that
/// starts with a digit, a role path, an empty tag value, explicit actions.
let variantsSpec = """
    {
      "version": 1,
      "destinations": [
        {"name": "variant-cn", "bucket": "cn-data", "region": "cn-north-1", "access": "read", "prefix": "x",
         "trustedPrincipals": ["arn:aws-cn:iam::111122223333:role/vendor"], "externalId": "ext-123456",
         "role": {"name": "CnRead", "accountId": "666666666666"}, "grant": "role-and-bucket-policy", "requireTls": true,
         "kmsKeyArn": "arn:aws-cn:kms:cn-north-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab"},
        {"name": "variant-gov", "bucket": "gov-data", "region": "us-gov-west-1", "access": "write",
         "trustedPrincipals": ["111122223333"], "externalId": "ext-123456", "role": {"name": "GovWrite"}},
        {"name": "variant-no-region", "bucket": "plain-data", "access": "read-write", "vendor": "Plain",
         "trustedPrincipals": ["arn:aws:iam::111122223333:user/u"], "grant": "bucket-policy",
         "kmsKeyArn": "arn:aws:kms:us-east-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab", "prefix": "a/b/"},
        {"name": "0-variant-digit", "bucket": "digit-data", "access": "read", "region": "eu-central-1",
         "trustedPrincipals": ["arn:aws:sts::111122223333:assumed-role/Role/session"], "externalId": "ext-123456",
         "role": {"name": "D", "path": "/a/b/", "maxSessionDuration": 43200, "tags": {"k": ""}}},
        {"name": "variant-actions", "bucket": "act-data", "region": "us-east-1", "prefix": "p/",
         "actions": ["s3:ListBucket", "s3:GetObjectVersion", "s3:DeleteObject", "s3:ListBucketMultipartUploads", "s3:AbortMultipartUpload"],
         "trustedPrincipals": ["arn:aws:iam::111122223333:root"], "externalId": "ext-123456",
         "role": {"name": "Acts", "accountId": "666666666666"}, "grant": "role-and-bucket-policy"}
      ]
    }

    """

// MARK: - What the spec asks for, read without the code under test

/// What one destination of a spec asks for, read straight from the spec file, with `defaults`
/// merged here by hand (objects key by key, as CONTRACT.md §3 says) rather than by the code
/// under test, so a merge bug shows up as a difference.
struct ExpectedDestination: Sendable {
    var name: String
    var bucket: String
    var description: String?
    var vendor: String?
    var kmsKeyArn: String?
    var partition: String
    var hasRole: Bool
    var role: ExpectedRole?
}

struct ExpectedRole: Sendable {
    var name: String
    var path: String
    var maxSessionDuration: Int
    var permissionsBoundary: String?
    var policyName: String
    var accountId: String?
    var tags: [(key: String, value: String)]
    /// The role description: the spec's `description`, or the default the pipeline writes.
    var description: String

    /// The role ARN in `account`.
    func arn(partition: String, account: String) -> String { "arn:\(partition):iam::\(account):role\(path)\(name)" }
}

/// The destinations of a spec file as `ExpectedDestination`s.
func expectedDestinations(inSpec path: String) throws -> [ExpectedDestination] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    guard let spec = parseJSONValue(text), case .array(let destinations)? = spec["destinations"] else {
        throw TestFailure("\(path): not a spec")
    }
    let defaults = spec["defaults"] ?? .object([])
    // Only for a role description the spec leaves to the default wording.
    let pipeline = validate(text, file: path).destinations
    return try destinations.map { destination in
        let merged = mergeObjects(defaults, destination)
        guard case .string(let name)? = merged["name"], case .string(let bucket)? = merged["bucket"] else {
            throw TestFailure("\(path): a destination without name or bucket")
        }
        let grant = merged["grant"].flatMap(stringValue) ?? "role"
        let region = merged["region"].flatMap(stringValue) ?? ""
        let partition = region.hasPrefix("cn-") ? "aws-cn" : region.hasPrefix("us-gov-") ? "aws-us-gov" : "aws"
        let description = merged["description"].flatMap(stringValue)
        var role: ExpectedRole? = nil
        if grant != "bucket-policy", let spec = merged["role"] {
            var tags: [(key: String, value: String)] = []
            if case .object(let members)? = spec["tags"] {
                tags = members.map { ($0.key, stringValue($0.value) ?? "") }
            }
            let maxSession: Int
            if case .int(let seconds)? = spec["maxSessionDuration"] { maxSession = seconds } else { maxSession = 3600 }
            let defaultDescription = pipeline.first { $0.name == name }?.role?.description ?? ""
            role = ExpectedRole(
                name: spec["name"].flatMap(stringValue) ?? "", path: spec["path"].flatMap(stringValue) ?? "/",
                maxSessionDuration: maxSession, permissionsBoundary: spec["permissionsBoundary"].flatMap(stringValue),
                policyName: spec["policyName"].flatMap(stringValue) ?? name, accountId: spec["accountId"].flatMap(stringValue),
                tags: tags, description: description ?? defaultDescription)
        }
        return ExpectedDestination(
            name: name, bucket: bucket, description: description, vendor: merged["vendor"].flatMap(stringValue),
            kmsKeyArn: merged["kmsKeyArn"].flatMap(stringValue), partition: partition, hasRole: grant != "bucket-policy", role: role)
    }
}

/// `override` over `base`: objects merge key by key (recursively), anything else is replaced.
func mergeObjects(_ base: JSONValue, _ override: JSONValue) -> JSONValue {
    guard case .object(var members) = base, case .object(let overrides) = override else { return override }
    for member in overrides {
        if let index = members.firstIndex(where: { $0.key == member.key }) {
            members[index].value = mergeObjects(members[index].value, member.value)
        } else {
            members.append(member)
        }
    }
    return .object(members)
}

func stringValue(_ value: JSONValue) -> String? {
    if case .string(let text) = value { return text }
    return nil
}

/// The IAM JSON documents a destination folder holds: `trust`, `permissions`, `bucket`.
struct IAMDocuments {
    var trust: JSONValue?
    var permissions: JSONValue?
    var bucket: JSONValue?

    init(folder: String) throws {
        func load(_ file: String) throws -> JSONValue? {
            let path = folder + "/iam/" + file
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let value = parseJSONValue(text) else { throw TestFailure("\(path) is not JSON") }
            return value
        }
        trust = try load("trust-policy.json")
        permissions = try load("permissions-policy.json")
        bucket = try load("bucket-policy.json")
    }
}

/// Tags as a dictionary, recording an issue for a key given twice.
func tagDictionary(_ tags: [(key: String, value: String)], _ context: String) -> [String: String] {
    var dictionary: [String: String] = [:]
    for tag in tags {
        if dictionary[tag.key] != nil { Issue.record("\(context): tag \(tag.key.debugDescription) appears twice") }
        dictionary[tag.key] = tag.value
    }
    return dictionary
}

/// True when two strings hold the same bytes (Swift's `==` would equate canonically equivalent
/// Unicode, such as a precomposed and a decomposed "é").
func sameBytes(_ lhs: String?, _ rhs: String?) -> Bool {
    lhs.map { Array($0.utf8) } == rhs.map { Array($0.utf8) }
}

// MARK: - CloudFormation through PyYAML

/// Loads YAML files with PyYAML's safe loader, extended with CloudFormation's short tags
/// (`!Ref x` → `{"Ref": "x"}`, `!GetAtt a.b` → `{"Fn::GetAtt": ["a", "b"]}`, `!Sub s` →
/// `{"Fn::Sub": s}`, ...) and with duplicate mapping keys made an error (PyYAML would silently
/// keep the last). Prints `{path: document}` as JSON.
private let cloudFormationLoader = #"""
    import json, sys, yaml

    class Loader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                if key in seen:
                    raise yaml.constructor.ConstructorError(None, None, "duplicate key %r" % (key,), key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    def short_tag(loader, suffix, node):
        if isinstance(node, yaml.ScalarNode):
            value = loader.construct_scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)
        if suffix == "GetAtt" and isinstance(value, str):
            value = value.split(".", 1)
        return {("Ref" if suffix in ("Ref", "Condition") else "Fn::" + suffix): value}

    Loader.add_multi_constructor("!", short_tag)
    documents = {}
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            documents[path] = yaml.load(handle, Loader=Loader)
    print(json.dumps(documents, ensure_ascii=False))
    """#

/// Each CloudFormation template parsed by PyYAML, by path.
func parseCloudFormation(_ paths: [String]) throws -> [String: JSONValue] {
    let result = try runProcess(python3Interpreter, ["-c", cloudFormationLoader] + paths)
    guard result.status == 0, let parsed = parseJSONValue(result.output), case .object(let members) = parsed else {
        throw TestFailure("PyYAML could not load \(paths):\n\(result.errors)\(result.output)")
    }
    return Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
}

/// The CloudFormation templates of the examples, of the hostile spec and of the placeholder
/// page (generic) parsed by PyYAML, by path: one python3 process for every test that reads
/// them (its start-up and PyYAML's import take most of its time).
let parsedCloudFormation = Lazily {
    let generic = try PlaceholderFormatTests.rendered.get().generic + "/cloudformation/template.yaml"
    return try parseCloudFormation(cloudFormationTemplates(try renderedExamples.get()) + cloudFormationTemplates(try renderedHostile.get()) + [generic])
}

/// Replaces the CloudFormation references a policy may hold with what they resolve to:
/// `!GetAtt Role.Arn` and `!Ref AWS::Partition` / `AWS::AccountId`.
func resolveCloudFormation(_ value: JSONValue, roleArn: String?, partition: String, account: String?) -> JSONValue {
    switch value {
    case .object(let members):
        if members.count == 1, let member = members.first {
            if member.key == "Fn::GetAtt", member.value == ["Role", "Arn"], let roleArn { return .string(roleArn) }
            if member.key == "Ref", member.value == "AWS::Partition" { return .string(partition) }
            if member.key == "Ref", member.value == "AWS::AccountId", let account { return .string(account) }
        }
        return .object(members.map { .init($0.key, resolveCloudFormation($0.value, roleArn: roleArn, partition: partition, account: account)) })
    case .array(let elements):
        return .array(elements.map { resolveCloudFormation($0, roleArn: roleArn, partition: partition, account: account) })
    default:
        return value
    }
}

// MARK: - Terraform: one root module calling every rendered module

/// What terraform says about every module of some renders, from ONE root configuration that calls
/// each destination's module (a copy, plus a probe file that outputs the module's locals and
/// variable defaults): one `init`, one `console`, one `validate` for all modules, which keeps the
/// provider (slow to load) from starting once per module and command.
struct TerraformEvaluation: Sendable {
    /// Per destination: `trust_policy`, `permissions_policy`, `bucket_policy` (the module's
    /// locals, those its IAM files call for) and, for role grants, `role_description`, `tags`,
    /// `max_session_duration`, `permissions_boundary` (the variables' defaults), as JSON values.
    var probes: [String: JSONValue]
    /// `terraform validate` of the root, which validates every module it calls.
    var validate: ProcessResult
    /// The root folder.
    var root: String
    /// Each `SeparateTerraformRoot`'s `init` and `validate`, by name.
    var separate: [String: (initialise: ProcessResult, validate: ProcessResult)] = [:]
}

/// A plugin cache shared by every terraform run of the tests (and across test runs), and the Go
/// garbage collector of terraform and its provider running a quarter as often (the provider's
/// start-up, loading a huge schema, is mostly garbage collection: this saves a fifth of the CPU
/// time of `validate` and `console`).
func terraformTestEnvironment() throws -> [String: String] {
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("bucketbridge-tf-plugin-cache").path
    try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
    return try terraformEnvironment().merging(["TF_PLUGIN_CACHE_DIR": cache, "GOGC": ProcessInfo.processInfo.environment["GOGC"] ?? "400"]) { $1 }
}

/// A module the root calls besides the renders' ones: `prepare` writes it (its probe file
/// included) into the folder it is given; `arguments` are the lines of its `module` block.
struct ExtraTerraformModule: Sendable {
    var name: String
    var arguments: String
    var prepare: @Sendable (String) throws -> Void
}

/// A root of its own, validated beside the shared one (with the same provider process) because
/// its `validate` must fail: `prepare` writes its files into the folder it is given.
struct SeparateTerraformRoot: Sendable {
    var name: String
    var prepare: @Sendable (String) throws -> Void
}

/// The AWS provider, started once (`-debug`: it serves until stopped) for `validate` and
/// `console` to attach to (`TF_REATTACH_PROVIDERS`). Without it terraform starts a provider
/// process per module (each module has a provider block) and per command, and each spends
/// about 0.5 s of CPU starting up (most of `validate` and `console`'s cost); the provider's
/// validation calls keep no state, so one process answers them all as the many would. `init`
/// runs without it: it installs the provider as always, and this runs the binary it installed.
final class AttachedTerraformProvider {
    private let process: Process
    private let input = Pipe()
    /// The value of `TF_REATTACH_PROVIDERS` for terraform.
    let reattach: String

    /// Starts the provider `root`'s `init` installed, and waits until it says how to attach.
    init(installedIn root: String, environment: [String: String]) throws {
        let binary = try Self.installedBinary(root)
        let output = root + "/attached-provider.out", errors = root + "/attached-provider.err"
        // Through bash, which stops the provider when its stdin closes: when `stop` closes it, or
        // when the test process ends in any way (the provider would otherwise serve on). Not sh:
        // a child started from a test thread may inherit a blocked SIGCHLD, and dash's `wait`
        // then never returns.
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "bash", "-c", #""$0" -debug >"$1" 2>"$2" & provider=$!; read -r _; kill "$provider"; wait "$provider""#, binary, output, errors,
        ]
        // In -debug mode the provider logs every call at trace level: nobody reads it.
        let quiet = ["TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_HELPER_SCHEMA", "TF_LOG_SDK_MUX", "TF_LOG_PROVIDER"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            .merging(Dictionary(uniqueKeysWithValues: quiet.map { ($0, "off") })) { $1 }
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(300)
        while true {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.contains("TF_REATTACH_PROVIDERS='") }), line.hasSuffix("'") {
                reattach = String(line.drop { $0 != "'" }.dropFirst().dropLast())
                return
            }
            guard process.isRunning, Date() < deadline else {
                try? input.fileHandleForWriting.close()
                process.waitUntilExit()
                let log = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
                throw TestFailure("the AWS provider (\(binary) -debug) did not say how to attach:\n\(text)\(log)")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// The provider binary `terraform init` installed in `root`, its links resolved.
    static func installedBinary(_ root: String) throws -> String {
        // .terraform/providers/registry.terraform.io/hashicorp/aws/VERSION/PLATFORM/, often a
        // link into the plugin cache.
        let aws = root + "/.terraform/providers/registry.terraform.io/hashicorp/aws"
        let manager = FileManager.default
        var found: [String] = []
        for version in (try? manager.contentsOfDirectory(atPath: aws)) ?? [] {
            for platform in (try? manager.contentsOfDirectory(atPath: aws + "/" + version)) ?? [] {
                let folder = aws + "/" + version + "/" + platform
                for file in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where file.hasPrefix("terraform-provider-aws") {
                    found.append(folder + "/" + file)
                }
            }
        }
        guard found.count == 1 else { throw TestFailure("expected one AWS provider under \(aws), found \(found)") }
        return URL(fileURLWithPath: found[0]).resolvingSymlinksInPath().path
    }

    /// Stops the provider and waits for it, then removes the socket it served on (it leaves it).
    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard case .object(let providers)? = parseJSONValue(reattach) else { return }
        for provider in providers where provider.value["Addr"]?["Network"] == "unix" {
            if case .string(let socket)? = provider.value["Addr"]?["String"] { try? FileManager.default.removeItem(atPath: socket) }
        }
    }
}

/// Builds one root for several renders (their destination names must differ) and `extras`,
/// runs init, console and validate; and init and validate in each of `separateRoots`.
func evaluateTerraform(
    _ renders: [RenderedRun], extras: [ExtraTerraformModule] = [], separateRoots: [SeparateTerraformRoot] = []
) throws -> TerraformEvaluation {
    let root = try formatScratchFolder("terraform")
    var calls = ""
    var probeNames: [String] = []
    for rendered in renders {
        for destination in rendered.expected {
            guard !probeNames.contains(destination.name) else {
                throw TestFailure("two rendered destinations are named \(destination.name): one terraform root cannot call both")
            }
            let source = rendered.folder(destination.name) + "/terraform"
            let copy = root + "/modules/" + destination.name
            try FileManager.default.createDirectory(atPath: root + "/modules", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: source, toPath: copy)
            let documents = try IAMDocuments(folder: rendered.folder(destination.name))
            var entries: [String] = []
            if documents.trust != nil { entries.append("trust_policy = local.trust_policy") }
            if documents.permissions != nil { entries.append("permissions_policy = local.permissions_policy") }
            if documents.bucket != nil { entries.append("bucket_policy = local.bucket_policy") }
            if destination.hasRole {
                entries += [
                    "role_description = local.role_description", "tags = local.role_tags",
                    "max_session_duration = var.max_session_duration", "permissions_boundary = var.permissions_boundary",
                ]
            }
            let probe = "output \"bucketbridge_test_probe\" {\n  value = {\n"
                + entries.map { "    \($0)\n" }.joined() + "  }\n}\n"
            try writeFile(copy + "/bucketbridge_test_probe.tf", probe)
            let module = "d_" + destination.name
            calls += "module \"\(module)\" {\n  source = \"./modules/\(destination.name)\"\n}\n\n"
            probeNames.append(destination.name)
        }
    }
    for extra in extras {
        guard !probeNames.contains(extra.name) else { throw TestFailure("two modules are named \(extra.name)") }
        try FileManager.default.createDirectory(atPath: root + "/modules", withIntermediateDirectories: true)
        try extra.prepare(root + "/modules/" + extra.name)
        calls += "module \"d_\(extra.name)\" {\n  source = \"./modules/\(extra.name)\"\n\(extra.arguments)}\n\n"
        probeNames.append(extra.name)
    }
    try writeFile(root + "/main.tf", calls)
    let environment = try terraformTestEnvironment()
    let initialise = try runProcess("terraform", ["init", "-backend=false", "-input=false", "-no-color"], directory: root, environment: environment)
    guard initialise.status == 0 else { throw TestFailure("terraform init failed:\n\(initialise.output)\(initialise.errors)") }
    // The separate roots' init, while the provider starts.
    let separateInits = try separateRoots.map { separate in
        let folder = try formatScratchFolder("terraform-" + separate.name)
        try separate.prepare(folder)
        return Background { () throws -> (String, ProcessResult) in
            (folder, try runProcess("terraform", ["init", "-backend=false", "-input=false", "-no-color"], directory: folder, environment: environment))
        }
    }
    let provider = try AttachedTerraformProvider(installedIn: root, environment: environment)
    defer { provider.stop() }
    let attached = environment.merging(["TF_REATTACH_PROVIDERS": provider.reattach]) { $1 }
    // The console prints a string as an HCL literal: ask for base64 to read it back exactly.
    let members = probeNames.map { "\"\($0)\" = module.d_\($0).bucketbridge_test_probe" }.joined(separator: ", ")
    let validating = Background { try runProcess("terraform", ["validate", "-no-color"], directory: root, environment: attached) }
    let console = try runProcess(
        "terraform", ["console", "-no-color"], input: "base64encode(jsonencode({\(members)}))\n", directory: root,
        environment: attached)
    let validate = try validating.result()
    var separate: [String: (initialise: ProcessResult, validate: ProcessResult)] = [:]
    let sharedBinary = try AttachedTerraformProvider.installedBinary(root)
    for (separateRoot, initialising) in zip(separateRoots, separateInits) {
        let (folder, initialise) = try initialising.result()
        var validate = ProcessResult(status: -1, output: "", errors: "not run: init failed")
        if initialise.status == 0 {
            // The provider attached to is the one this root's init installed too (both link to
            // the plugin cache); were it not, validate would start its own.
            let same = try AttachedTerraformProvider.installedBinary(folder) == sharedBinary
            validate = try runProcess("terraform", ["validate", "-no-color"], directory: folder, environment: same ? attached : environment)
        }
        separate[separateRoot.name] = (initialise, validate)
    }
    let line = console.output.split(separator: "\n").last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) } ?? ""
    guard console.status == 0, let data = Data(base64Encoded: line),
        let value = parseJSONValue(String(decoding: data, as: UTF8.self)), case .object(let probes) = value
    else {
        throw TestFailure("terraform console gave no JSON:\n\(console.output)\(console.errors)")
    }
    return TerraformEvaluation(
        probes: Dictionary(probes.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first }), validate: validate, root: root,
        separate: separate)
}

/// The terraform of the examples, of the hostile spec and of the placeholder page given values
/// by variables (`PlaceholderFormatTests.terraformModule`), evaluated once, together, and the
/// placeholder page given a wrong value (`PlaceholderFormatTests.wrongValueRoot`) validated
/// beside them: the provider (slow to load) starts once for all.
let renderedTerraform = Lazily {
    try evaluateTerraform(
        [try renderedExamples.get(), try renderedHostile.get()], extras: [try PlaceholderFormatTests.terraformModule()],
        separateRoots: [try PlaceholderFormatTests.wrongValueRoot()])
}

/// Work started on its own thread; `result()` waits for it.
final class Background<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            outcome = Result { try work() }
            done.signal()
        }
        thread.start()
    }

    func result() throws -> Value {
        done.wait()
        done.signal()
        return try outcome!.get()
    }
}
