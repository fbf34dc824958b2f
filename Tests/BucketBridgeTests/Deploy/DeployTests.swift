import Foundation
import Testing

/// Deploys the rendered examples and docs specs on a local AWS emulator (`moto_server`) by
/// every route — `aws-cli/setup.sh`, the CloudFormation template, the Terraform module — and
/// compares what each created with the IAM JSON, through `scripts/deploy-check`: one run, which
/// every test here reads (started while Swift Testing plans, and waited for without holding a
/// test thread).
///
/// The docs specs (`examples/docs/`) keep placeholders: deploy-check deploys their render with
/// made-up values (environment variables, stack parameters, `-var`) and compares it with the
/// spec rendered with those values set (`--set`), and deploys a render with other values
/// (`NAME[--set]`) like any example. They hold the managed-policy and IAM-user destinations.
/// On `globex-curated` (a role and a bucket policy) the setup.sh route also tampers with the
/// account and checks `setup.sh --check` and `bucketbridge verify`.
@Suite("Deploying to the moto AWS emulator")
struct DeployTests {
    static let script = repositoryRoot.appendingPathComponent("scripts/deploy-check").path
    /// The destination the setup.sh route tampers with (a role, a bucket policy, an external ID).
    static let tampered = "globex-curated"

    /// The run: the rendered examples and docs specs, and as negative controls (`--control`) a
    /// copy of every destination with a permissions policy that grants an action no format grants.
    static let run = Task { try await deployExamples() }

    /// True when the tools the run needs are installed (or under CI, where they must be).
    /// Swift Testing evaluates this while it plans, before any test starts, and then it also
    /// starts the run: the longest work of `swift test` must not wait for a free test thread
    /// (there is one per core, and the tool tests hold theirs while their programs run).
    static let toolsAvailable: Bool = {
        guard ExternalTool.available(.motoServer, .aws, .jq, .terraform, .python3) else { return false }
        _ = run
        return true
    }()

    /// What the run checked, and what it printed.
    struct Run: Sendable {
        /// Every destination deploy-check reports on: the examples, the docs specs' renders with
        /// values supplied (their own names) and their renders with values set (`NAME[--set]`).
        var destinations: [String]
        /// The docs specs' destinations (renders that keep placeholders).
        var withPlaceholders: [String]
        var managedPolicy: [String]
        var user: [String]
        /// Destinations with only a bucket policy (`grant: "bucket-policy"`): no role, no user.
        var bucketPolicyOnly: [String]
        var controlled: [String]
        var result: ProcessResult

        var lines: [String] { result.output.split(separator: "\n").map(String.init) }

        /// True when deploy-check deploys a destination by terraform: every one but the
        /// `NAME[--set]` renders without a managed policy or a user (`--set-renders new-kinds`:
        /// their spec's render with placeholders and the examples cover those modules).
        func deploysByTerraform(_ destination: String) -> Bool {
            guard destination.hasSuffix("[--set]") else { return true }
            let name = String(destination.dropLast("[--set]".count))
            return managedPolicy.contains(name) || user.contains(name)
        }

        /// True when a line `STATUS destination route: what...` was printed.
        func has(_ status: String, _ destination: String, _ route: String, _ what: String) -> Bool {
            lines.contains { $0.hasPrefix("\(status) \(destination) \(route): \(what)") }
        }
    }

    static func docsSpecPaths() throws -> [String] {
        let folder = repositoryRoot.appendingPathComponent("examples/docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    static func deployExamples() async throws -> Run {
        let examples = try exampleSpecPaths()
        let docs = try docsSpecPaths()
        let out = try renderIntoTemporaryFolder(examples + docs)
        let folders = try destinationFolders(in: out)
        let controls = (out as NSString).deletingLastPathComponent + "/controls"
        var arguments = [script, out, "--timings", "--bucketbridge", try builtBinary(), "--tamper", tampered, "--set-renders", "new-kinds"]
        arguments += (examples + docs).flatMap { ["--spec", $0] }
        var controlled: [String] = []
        for folder in folders where FileManager.default.fileExists(atPath: folder + "/iam/permissions-policy.json") {
            let name = (folder as NSString).lastPathComponent
            let copy = controls + "/" + name
            try FileManager.default.createDirectory(atPath: controls, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: folder, toPath: copy)
            try grantAnExtraAction(in: copy + "/iam/permissions-policy.json")
            arguments += ["--control", copy]
            controlled.append(name)
        }
        var withPlaceholders: [String] = []
        var managedPolicy: [String] = []
        var user: [String] = []
        var bucketPolicyOnly: [String] = []
        for path in docs {
            guard let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any],
                let destinations = spec["destinations"] as? [[String: Any]]
            else { throw TestFailure("\(path): no destinations") }
            for destination in destinations {
                guard let name = destination["name"] as? String else { continue }
                withPlaceholders.append(name)
                if (destination["role"] as? [String: Any])?["policyType"] as? String == "managed" { managedPolicy.append(name) }
                if destination["grant"] as? String == "user" { user.append(name) }
                if destination["grant"] as? String == "bucket-policy" { bucketPolicyOnly.append(name) }
            }
        }
        let result = try await runProcessOnItsOwnThread("python3", arguments)
        try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent)
        let names = folders.map { ($0 as NSString).lastPathComponent }
        return Run(
            destinations: names + withPlaceholders.map { "\($0)[--set]" }, withPlaceholders: withPlaceholders,
            managedPolicy: managedPolicy, user: user, bucketPolicyOnly: bucketPolicyOnly, controlled: controlled, result: result)
    }

    /// Grants an action no format grants: only the IAM JSON changes.
    static func grantAnExtraAction(in path: String) throws {
        guard var policy = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any],
            var statements = policy["Statement"] as? [[String: Any]], let index = statements.lastIndex(where: { $0["Action"] != nil })
        else { throw TestFailure("\(path): no statement with an Action") }
        statements[index]["Action"] = ["s3:DeleteBucket"]
        policy["Statement"] = statements
        try JSONSerialization.data(withJSONObject: policy, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))
    }

    static let routes = ["aws-cli", "cloudformation", "terraform"]
    static let skipMessage = ExternalTool.skipMessage(.motoServer, .aws, .jq, .terraform, .python3)

    @Test("Every example deploys by every route to exactly the IAM JSON", .enabled(if: toolsAvailable, skipMessage), .timeLimit(.minutes(15)))
    func examplesDeploy() async throws {
        let run = try await Self.run.value
        let output = run.result.output

        #expect(run.result.status == 0, "deploy-check failed:\n\(output)\(run.result.errors)")
        #expect(!output.contains("\nFAIL "), "\(output)")
        #expect(!run.withPlaceholders.isEmpty && !run.managedPolicy.isEmpty && !run.user.isEmpty, "the docs specs lost a kind of destination")
        for name in run.destinations {
            for route in Self.routes {
                if route == "terraform" && !run.deploysByTerraform(name) {
                    #expect(run.has("SKIP", name, route, "not deployed: --set-renders new-kinds"), "\(output)")
                    continue
                }
                #expect(output.contains("PASS \(name) \(route): "), "no check passed for \(name) by \(route):\n\(output)")
            }
        }
    }

    @Test(
        "A permissions policy that differs from what the formats deploy fails every route",
        .enabled(if: toolsAvailable, skipMessage), .timeLimit(.minutes(15)))
    func tamperedPolicyIsCaught() async throws {
        let run = try await Self.run.value
        let output = run.result.output
        let lines = run.lines

        #expect(!run.controlled.isEmpty, "no example destination has a role")
        let checked = run.controlled + run.controlled.filter(run.withPlaceholders.contains).map { "\($0)[--set]" }
        for name in checked {
            for route in Self.routes {
                let user = run.user.contains { name == $0 || name == "\($0)[--set]" }
                if (user && route == "cloudformation") || (route == "terraform" && !run.deploysByTerraform(name)) {
                    // moto's AWS::IAM::User ignores Policies, or not deployed: nothing to tell apart, and said so.
                    #expect(run.has("SKIP", name, route, "the changed copy "), "\(output)")
                    continue
                }
                #expect(run.has("DIFF", name, route, "permissions policy"), "\(route) did not catch it for \(name):\n\(output)")
                #expect(run.has("PASS", name, route, "the changed copy "), "\(output)")
            }
        }
        // Nothing else differs.
        let others = lines.filter { $0.hasPrefix("DIFF ") && !$0.contains(": permissions policy") }
        #expect(others.isEmpty, "\(others.joined(separator: "\n"))")
    }

    @Test(
        "A managed policy deploys as the one attached customer-managed policy, and setup.sh keeps at most 5 versions",
        .enabled(if: toolsAvailable, skipMessage), .timeLimit(.minutes(15)))
    func managedPolicyDeploys() async throws {
        let run = try await Self.run.value
        let output = run.result.output

        for name in run.managedPolicy.flatMap({ [$0, "\($0)[--set]"] }) {
            for route in Self.routes {
                for what in ["no inline policy", "exactly one managed policy attached, the customer-managed ", "permissions policy (the managed policy's default version)"] {
                    #expect(run.has("PASS", name, route, what), "\(name) by \(route): no PASS for \(what):\n\(output)")
                }
            }
        }
        for name in run.managedPolicy {
            #expect(run.has("PASS", name, "aws-cli", "placeholders: second run changes nothing"), "\(output)")
            #expect(run.has("PASS", "\(name)[--set]", "aws-cli", "second run changes nothing"), "\(output)")
            #expect(run.has("PASS", "\(name)[--set]", "aws-cli", "drift repaired: permissions policy (the managed policy's default version)"), "\(output)")
        }
        // Versions, on one destination.
        let versions = run.managedPolicy.map { "\($0)[--set]" }.filter {
            run.has("PASS", $0, "aws-cli", "managed policy versions: a run after the policy changed adds a new default version")
        }
        #expect(versions.count == 1, "\(output)")
        for name in versions {
            #expect(run.has("PASS", name, "aws-cli", "managed policy versions: at 5 versions a run deletes the oldest non-default version"), "\(output)")
        }
    }

    @Test(
        "An IAM user grant deploys a user holding the permissions policy, and no access key unless asked",
        .enabled(if: toolsAvailable, skipMessage), .timeLimit(.minutes(15)))
    func userGrantDeploys() async throws {
        let run = try await Self.run.value
        let output = run.result.output

        for name in run.user.flatMap({ [$0, "\($0)[--set]"] }) {
            for route in Self.routes {
                for what in ["no role created", "IAM user exists", "no access key created", "no other IAM user"] {
                    #expect(run.has("PASS", name, route, what), "\(name) by \(route): no PASS for \(what):\n\(output)")
                }
                if route == "cloudformation" {
                    #expect(run.has("SKIP", name, route, "user's permissions policy, boundary and tags: moto's"), "\(output)")
                } else {
                    #expect(run.has("PASS", name, route, "permissions policy"), "\(output)")
                    #expect(run.has("PASS", name, route, "user name, path, boundary, tags"), "\(output)")
                }
            }
            #expect(run.has("PASS", name, "aws-cli", "the user ARN setup.sh prints is the user's ARN"), "\(output)")
        }
        for name in run.user.map({ "\($0)[--set]" }) {
            for what in ["creates exactly one access key", "prints the key's id and secret once, on stdout", "writes the key to no file"] {
                #expect(run.has("PASS", name, "aws-cli", "--create-access-key: \(what)"), "\(output)")
            }
            #expect(run.has("PASS", name, "aws-cli", "drift repaired: user name, path, boundary, tags"), "\(output)")
            #expect(run.has("PASS", name, "aws-cli", "verify after setup: bucketbridge verify exits 0"), "\(output)")
        }
    }

    @Test(
        "A render that keeps placeholders deploys with the values each format takes, to the render with the values set",
        .enabled(if: toolsAvailable, skipMessage), .timeLimit(.minutes(15)))
    func placeholdersDeploy() async throws {
        let run = try await Self.run.value
        let output = run.result.output

        for name in run.withPlaceholders {
            #expect(run.has("PASS", name, "aws-cli", "placeholders supplied as environment variables ("), "\(output)")
            #expect(run.has("PASS", name, "aws-cli", "placeholders: without "), "setup.sh did not stop without a value:\n\(output)")
            #expect(run.has("PASS", name, "aws-cli", "placeholders: second run changes nothing"), "\(output)")
            #expect(run.has("PASS", name, "cloudformation", "placeholders supplied as stack parameters ("), "\(output)")
            #expect(run.has("PASS", name, "terraform", "placeholders supplied with -var ("), "\(output)")
            for route in Self.routes {
                if run.bucketPolicyOnly.contains(name) {
                    #expect(run.has("PASS", name, route, "bucket policy") || run.has("SKIP", name, route, "bucket policy: moto has no"), "\(output)")
                    continue
                }
                #expect(run.has("PASS", name, route, "permissions policy") || run.has("SKIP", name, route, "user's permissions policy"), "\(output)")
                if !run.user.contains(name) {
                    #expect(run.has("PASS", name, route, "trust policy"), "\(name) by \(route):\n\(output)")
                    if run.deploysByTerraform("\(name)[--set]") || route != "terraform" {
                        #expect(run.has("PASS", "\(name)[--set]", route, "trust policy"), "\(name)[--set] by \(route):\n\(output)")
                    }
                }
            }
        }
    }

    @Test(
        "setup.sh --check and bucketbridge verify find each change to a deployed account, and change nothing",
        .enabled(if: toolsAvailable, skipMessage), .timeLimit(.minutes(15)))
    func tamperingIsFound() async throws {
        let run = try await Self.run.value
        let output = run.result.output
        let name = Self.tampered

        #expect(run.has("PASS", name, "aws-cli", "--check after setup: exits 0"), "\(output)")
        #expect(run.has("PASS", name, "aws-cli", "--check after setup: claims no change"), "\(output)")
        #expect(run.has("PASS", name, "aws-cli", "verify after setup (foreign bucket-policy statements kept): bucketbridge verify exits 0"), "\(output)")
        let cases = [
            ("external ID changed in the trust policy", "missing finding (BB952)"),
            ("a statement removed from the permissions policy", "missing finding (BB952)"),
            ("s3:* added to the permissions policy", "broader than the spec finding (BB953)"),
            ("bucket-policy statement ", "missing finding (BB952)"),
        ]
        for (tamper, finding) in cases {
            let label = "tampered, \(tamper)"
            for what in [
                "--check exits 2", "--check says what would change", "--check shows the change as a JSON diff", "--check changes nothing",
                "bucketbridge verify exits 1", "no finding about the foreign bucket-policy statements", "setup.sh restores it: exits 0",
                "setup.sh restores it",
            ] {
                #expect(
                    run.lines.contains { $0.hasPrefix("PASS \(name) aws-cli: \(label)") && $0.hasSuffix(": \(what)") },
                    "no PASS for \(label): \(what):\n\(output)")
            }
            #expect(
                run.lines.contains { $0.hasPrefix("PASS \(name) aws-cli: \(label)") && $0.hasSuffix(": bucketbridge verify reports a \(finding)") },
                "no PASS for \(label): \(finding):\n\(output)")
        }
    }
}
