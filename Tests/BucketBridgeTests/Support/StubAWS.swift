import Foundation

@testable import BucketBridge

/// A stand-in `aws` command for running a generated `setup.sh` without a network or an
/// account. It appends every call's arguments, exactly as received, to a log (the argument
/// count, then each argument, all NUL-terminated) and answers from the files in
/// `$BUCKETBRIDGE_STUB_STATE` (see `StubAWSState`): the role, its inline policy, its tags and
/// the bucket policy exist when their file does, else reads fail as the real CLI does (errors
/// on stderr, exit 254). `sts get-caller-identity` gives the expected account, `create-role`
/// prints `{}`, `get-role --query Role.Arn` prints the role ARN, and the writes setup.sh may
/// make succeed silently. Any other call fails, so an unexpected call shows up.
private let stubAWSScript = #"""
    #!/usr/bin/env bash
    { printf '%d\0' "$#"; printf '%s\0' "$@"; } >>"$BUCKETBRIDGE_STUB_AWS_LOG"
    words=()
    query=""
    expect_value=""
    for argument in "$@"; do
      if [ -n "$expect_value" ]; then
        if [ "$expect_value" = "--query" ]; then query=$argument; fi
        expect_value=""
        continue
      fi
      case "$argument" in
        --no-cli-pager | --no-paginate | --debug | --no-verify-ssl | --no-sign-request | --*=*) ;;
        --*) expect_value=$argument ;;
        *) words+=("$argument") ;;
      esac
    done
    case "${words[0]:-} ${words[1]:-}" in
      "sts get-caller-identity") echo "$BUCKETBRIDGE_STUB_ACCOUNT" ;;
      "iam get-role")
        if [ "$query" = "Role.Arn" ]; then
          echo "$BUCKETBRIDGE_STUB_ROLE_ARN"
        elif [ -f "$BUCKETBRIDGE_STUB_STATE/role.json" ]; then
          cat "$BUCKETBRIDGE_STUB_STATE/role.json"
        else
          echo "An error occurred (NoSuchEntity) when calling the GetRole operation: The role cannot be found." >&2
          exit 254
        fi
        ;;
      "iam get-role-policy")
        if [ -f "$BUCKETBRIDGE_STUB_STATE/role-policy.json" ]; then
          cat "$BUCKETBRIDGE_STUB_STATE/role-policy.json"
        else
          echo "An error occurred (NoSuchEntity) when calling the GetRolePolicy operation: The role policy cannot be found." >&2
          exit 254
        fi
        ;;
      "iam list-role-tags")
        if [ -f "$BUCKETBRIDGE_STUB_STATE/role-tags.json" ]; then
          cat "$BUCKETBRIDGE_STUB_STATE/role-tags.json"
        else
          echo '{"Tags": []}'
        fi
        ;;
      "s3api get-bucket-policy")
        if [ -f "$BUCKETBRIDGE_STUB_STATE/bucket-policy.json" ]; then
          cat "$BUCKETBRIDGE_STUB_STATE/bucket-policy.json"
        else
          echo "An error occurred (NoSuchBucketPolicy) when calling the GetBucketPolicy operation: The bucket policy does not exist" >&2
          exit 254
        fi
        ;;
      "iam create-role") echo '{}' ;;
      "iam put-role-policy" | "s3api put-bucket-policy" | "iam update-assume-role-policy" | "iam update-role" | \
        "iam put-role-permissions-boundary" | "iam delete-role-permissions-boundary" | "iam tag-role") ;;
      *)
        echo "stub aws: unexpected call for an empty account: $*" >&2
        exit 2
        ;;
    esac

    """#

/// What already exists in the stub's account; nil means it does not exist.
struct StubAWSState {
    /// What `aws iam get-role --output json` prints: `{"Role": {...}}`.
    var role: JSONValue?
    /// The role's inline policy document (`get-role-policy --query PolicyDocument`).
    var rolePolicy: JSONValue?
    /// What `aws iam list-role-tags` prints: `{"Tags": [{"Key": ..., "Value": ...}]}`.
    var roleTags: JSONValue?
    /// The bucket policy's text (`get-bucket-policy --query Policy --output text`).
    var bucketPolicy: String?

    /// An account with no role and no bucket policy.
    static let empty = StubAWSState()

    /// Writes the state's files into `folder`, as the stub reads them.
    func write(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let files: [(String, String?)] = [
            ("role.json", role.map(encodeCompactJSON)), ("role-policy.json", rolePolicy.map(encodeCompactJSON)),
            ("role-tags.json", roleTags.map(encodeCompactJSON)), ("bucket-policy.json", bucketPolicy),
        ]
        for case let (name, text?) in files { try writeFile(folder + "/" + name, text + "\n") }
    }
}

/// One run of a setup.sh against the stub `aws`.
struct StubAWSRun {
    var result: ProcessResult
    /// Every `aws` call, its arguments as received.
    var calls: [[String]]
    /// The (initially empty) working directory the script ran in.
    var workingDirectory: String
    /// The folder holding the run's stub, log, home and working directory.
    var folder: String

    /// The calls whose first two words are `service operation` (`iam create-role`).
    func calls(_ service: String, _ operation: String) -> [[String]] {
        calls.filter { $0.count >= 2 && $0[0] == service && $0[1] == operation }
    }
}

/// The value after `option` in one call's arguments.
func optionValue(_ option: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

/// Runs `bash script arguments...` in an empty working directory with the stub `aws` first on PATH (real
/// bash, jq and coreutils after it), a private HOME, and the stub told which account and role
/// ARN to answer with and what already exists; `environment` adds to the script's environment.
func runWithStubAWS(
    _ script: String, arguments: [String] = [], account: String, roleArn: String, state: StubAWSState = .empty,
    environment: [String: String] = [:]
) throws -> StubAWSRun {
    let folder = try formatScratchFolder("stub-aws")
    let bin = folder + "/bin", work = folder + "/work", home = folder + "/home", log = folder + "/aws.log"
    for path in [bin, work, home] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    try state.write(to: folder + "/state")
    try writeExecutable(bin + "/aws", stubAWSScript)
    FileManager.default.createFile(atPath: log, contents: nil)
    let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    let result = try runProcess(
        "bash", [script] + arguments, directory: work,
        environment: [
            "PATH": path, "HOME": home, "BUCKETBRIDGE_STUB_AWS_LOG": log, "BUCKETBRIDGE_STUB_ACCOUNT": account,
            "BUCKETBRIDGE_STUB_ROLE_ARN": roleArn, "BUCKETBRIDGE_STUB_STATE": folder + "/state", "AWS_PAGER": "",
        ].merging(environment) { $1 })
    return StubAWSRun(result: result, calls: try parseStubLog(log), workingDirectory: work, folder: folder)
}

/// Writes an executable script through a close-on-exec descriptor. Other tests start processes
/// all the time: a child forked while a plain descriptor is open for writing keeps it open
/// after its `exec`, and running the script then fails with "Text file busy" (ETXTBSY).
private func writeExecutable(_ path: String, _ text: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard descriptor >= 0 else { throw TestFailure("cannot create \(path): errno \(errno)") }
    defer { close(descriptor) }
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
        let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { throw TestFailure("cannot write \(path): errno \(errno)") }
        written += count
    }
}

/// Reads the stub's log back into calls.
private func parseStubLog(_ path: String) throws -> [[String]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    var fields = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    if fields.last == "" { fields.removeLast() }
    var calls: [[String]] = []
    var index = 0
    while index < fields.count {
        guard let count = Int(fields[index]), index + 1 + count <= fields.count else {
            throw TestFailure("stub aws log is malformed at field \(index)")
        }
        calls.append(Array(fields[(index + 1)..<(index + 1 + count)]))
        index += 1 + count
    }
    return calls
}

/// Every file or folder named `name` under `root`.
func findFiles(named name: String, under root: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
    var found: [String] = []
    while let relative = enumerator.nextObject() as? String {
        if (relative as NSString).lastPathComponent == name { found.append(root + "/" + relative) }
    }
    return found
}

/// Runs of a setup.sh in an empty account with no arguments, one per script, account and role
/// ARN: several suites check that same run (what it sends; that a second run, or `--check`,
/// after it finds the account as it left it), so it runs once and each reads it.
private let emptyAccountRuns = LockedRuns()

private final class LockedRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [[String]: Lazily<StubAWSRun>] = [:]

    func run(_ script: String, account: String, roleArn: String) throws -> StubAWSRun {
        let key = [script, account, roleArn]
        let run = lock.withLock {
            if let known = runs[key] { return known }
            let made = Lazily { try runWithStubAWS(script, account: account, roleArn: roleArn) }
            runs[key] = made
            return made
        }
        return try run.get()
    }
}

/// `runWithStubAWS(script, account:roleArn:)` in an empty account with no arguments, run once
/// for every caller (the run's folders are only read afterwards).
func runWithStubAWSInAnEmptyAccount(_ script: String, account: String, roleArn: String) throws -> StubAWSRun {
    try emptyAccountRuns.run(script, account: account, roleArn: roleArn)
}
