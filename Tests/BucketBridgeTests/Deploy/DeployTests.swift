import Foundation
import Testing

/// Deploys the rendered examples on a local AWS emulator (`moto_server`) by every route —
/// `aws-cli/setup.sh`, the CloudFormation template, the Terraform module — and compares what
/// each created with the IAM JSON, through `scripts/deploy-check`.
@Suite("Deploying to the moto AWS emulator", .serialized)
struct DeployTests {
    static let script = repositoryRoot.appendingPathComponent("scripts/deploy-check").path

    @Test(
        "Every example deploys by every route to exactly the IAM JSON",
        .enabled(
            if: ExternalTool.available(.motoServer, .aws, .jq, .terraform, .python3),
            ExternalTool.skipMessage(.motoServer, .aws, .jq, .terraform, .python3)),
        .timeLimit(.minutes(15)))
    func examplesDeploy() throws {
        let out = try renderIntoTemporaryFolder(try exampleSpecPaths())
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }

        let result = try runProcess("python3", [Self.script, out])

        #expect(result.status == 0, "deploy-check failed:\n\(result.output)\(result.errors)")
        #expect(!result.output.contains("\nFAIL "), "\(result.output)")
        for folder in try destinationFolders(in: out) {
            let name = (folder as NSString).lastPathComponent
            for route in ["aws-cli", "cloudformation", "terraform"] {
                #expect(result.output.contains("PASS \(name) \(route): "), "no check passed for \(name) by \(route):\n\(result.output)")
            }
        }
    }

    @Test(
        "A permissions policy that differs from what the formats deploy fails every route",
        .enabled(
            if: ExternalTool.available(.motoServer, .aws, .jq, .terraform, .python3),
            ExternalTool.skipMessage(.motoServer, .aws, .jq, .terraform, .python3)),
        .timeLimit(.minutes(10)))
    func tamperedPolicyIsCaught() throws {
        let out = try renderIntoTemporaryFolder(try exampleSpecPaths())
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        // The quickest destination to check: a role without a bucket policy.
        let folders = try destinationFolders(in: out)
        let manager = FileManager.default
        let folder = try #require(
            folders.first {
                manager.fileExists(atPath: $0 + "/iam/permissions-policy.json") && !manager.fileExists(atPath: $0 + "/iam/bucket-policy.json")
            }, "no example destination with a role and no bucket policy")
        let name = (folder as NSString).lastPathComponent

        // Grant an action no format grants: only the IAM JSON changes.
        let path = folder + "/iam/permissions-policy.json"
        var policy = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var statements = try #require(policy["Statement"] as? [[String: Any]])
        let index = try #require(statements.lastIndex { $0["Action"] != nil })
        statements[index]["Action"] = ["s3:DeleteBucket"]
        policy["Statement"] = statements
        try JSONSerialization.data(withJSONObject: policy, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))

        let result = try runProcess("python3", [Self.script, out, "--only", name])

        #expect(result.status == 1, "deploy-check should fail:\n\(result.output)\(result.errors)")
        for route in ["aws-cli", "cloudformation", "terraform"] {
            #expect(result.output.contains("FAIL \(name) \(route): permissions policy"), "\(route) did not catch it:\n\(result.output)")
        }
        #expect(result.output.contains("FAILED: \(name)"), "\(result.output)")
        // Nothing else differs.
        let failures = result.output.split(separator: "\n").filter { $0.hasPrefix("FAIL ") }
        let others = failures.filter { !$0.hasPrefix("FAIL \(name) ") || !$0.contains(": permissions policy") }
        #expect(others.isEmpty, "\(others.joined(separator: "\n"))")
    }
}
