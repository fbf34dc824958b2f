import Foundation
import Testing

/// Deploys the rendered examples on a local AWS emulator (`moto_server`) by every route —
/// `aws-cli/setup.sh`, the CloudFormation template, the Terraform module — and compares what
/// each created with the IAM JSON, through `scripts/deploy-check`: one run, which both tests
/// read (started while Swift Testing plans, and waited for without holding a test thread).
@Suite("Deploying to the moto AWS emulator")
struct DeployTests {
    static let script = repositoryRoot.appendingPathComponent("scripts/deploy-check").path

    /// The run: the rendered examples, and as negative controls (`--control`) a copy of every
    /// destination with a role whose permissions policy grants an action no format grants.
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
        var destinations: [String]
        var controlled: [String]
        var result: ProcessResult
    }

    static func deployExamples() async throws -> Run {
        let out = try renderIntoTemporaryFolder(try exampleSpecPaths())
        let folders = try destinationFolders(in: out)
        let controls = (out as NSString).deletingLastPathComponent + "/controls"
        var arguments = [script, out, "--timings"]
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
        let result = try await runProcessOnItsOwnThread("python3", arguments)
        try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent)
        return Run(destinations: folders.map { ($0 as NSString).lastPathComponent }, controlled: controlled, result: result)
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

    @Test(
        "Every example deploys by every route to exactly the IAM JSON",
        .enabled(
            if: toolsAvailable,
            ExternalTool.skipMessage(.motoServer, .aws, .jq, .terraform, .python3)),
        .timeLimit(.minutes(15)))
    func examplesDeploy() async throws {
        let run = try await Self.run.value
        let output = run.result.output

        #expect(run.result.status == 0, "deploy-check failed:\n\(output)\(run.result.errors)")
        #expect(!output.contains("\nFAIL "), "\(output)")
        for name in run.destinations {
            for route in Self.routes {
                #expect(output.contains("PASS \(name) \(route): "), "no check passed for \(name) by \(route):\n\(output)")
            }
        }
    }

    @Test(
        "A permissions policy that differs from what the formats deploy fails every route",
        .enabled(
            if: toolsAvailable,
            ExternalTool.skipMessage(.motoServer, .aws, .jq, .terraform, .python3)),
        .timeLimit(.minutes(15)))
    func tamperedPolicyIsCaught() async throws {
        let run = try await Self.run.value
        let output = run.result.output
        let lines = output.split(separator: "\n").map(String.init)

        #expect(!run.controlled.isEmpty, "no example destination has a role")
        for name in run.controlled {
            for route in Self.routes {
                #expect(lines.contains { $0.hasPrefix("DIFF \(name) \(route): permissions policy") }, "\(route) did not catch it for \(name):\n\(output)")
                #expect(lines.contains { $0.hasPrefix("PASS \(name) \(route): the changed copy ") }, "\(output)")
            }
        }
        // Nothing else differs.
        let others = lines.filter { $0.hasPrefix("DIFF ") && !$0.contains(": permissions policy") }
        #expect(others.isEmpty, "\(others.joined(separator: "\n"))")
    }
}
