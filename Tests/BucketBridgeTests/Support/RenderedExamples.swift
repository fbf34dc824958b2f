import Foundation
@testable import BucketBridge

/// Renders spec files into a fresh temporary folder and returns it (the caller removes it).
func renderIntoTemporaryFolder(_ specs: [String]) throws -> String {
    let out = try makeTemporaryFolder() + "/out"
    let result = run(["render"] + specs + ["--out", out])
    guard result.status == 0 else { throw TestFailure("render failed: \(result.errors)") }
    return out
}

/// The destination folders under a render's output folder.
func destinationFolders(in out: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") }.sorted().map { out + "/" + $0 }
}

/// Environment for running terraform offline: a private CLI config whose `filesystem_mirror`
/// holds the AWS provider (found in `BUCKETBRIDGE_TF_MIRROR`, `/opt/tf-plugins`, or by
/// searching for `terraform-provider-aws_*`), and no checkpoint calls.
func terraformEnvironment() throws -> [String: String] {
    let mirror = try terraformMirror()
    let config = FileManager.default.temporaryDirectory.appendingPathComponent("bucketbridge-terraformrc-\(getpid())")
    let text = """
        provider_installation {
          filesystem_mirror {
            path    = "\(mirror)"
            include = ["registry.terraform.io/hashicorp/aws"]
          }
          direct {
            exclude = ["registry.terraform.io/hashicorp/aws"]
          }
        }

        """
    try Data(text.utf8).write(to: config)
    return ["TF_CLI_CONFIG_FILE": config.path, "CHECKPOINT_DISABLE": "1", "TF_IN_AUTOMATION": "1"]
}

/// The folder that holds `registry.terraform.io/hashicorp/aws/...`.
func terraformMirror() throws -> String {
    if let configured = ProcessInfo.processInfo.environment["BUCKETBRIDGE_TF_MIRROR"] { return configured }
    if FileManager.default.fileExists(atPath: "/opt/tf-plugins/registry.terraform.io/hashicorp/aws") { return "/opt/tf-plugins" }
    let found = try runProcess("sh", ["-c", "find / -name 'terraform-provider-aws_*' -not -path '/proc/*' 2>/dev/null | head -n 1"])
    let binary = found.output.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let range = binary.range(of: "/registry.terraform.io/") else {
        throw TestFailure("no AWS provider in a local mirror: put one under /opt/tf-plugins or set BUCKETBRIDGE_TF_MIRROR")
    }
    return String(binary[..<range.lowerBound])
}
