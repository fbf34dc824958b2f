import Foundation

/// Real tools the generated files are judged by. A test that needs one is enabled only when it
/// is installed, and its skip message says how to install it; under CI (`CI=true`) the test
/// always runs, so a missing tool fails instead of skipping.
enum ExternalTool: String {
    case cfnLint = "cfn-lint"
    case shellcheck
    case terraform
    case python3
    case motoServer = "moto_server"
    case aws
    case jq
    case bash
    case zsh
    case fish
    case patch

    /// How to install the tool on Debian with pip, as shown in skip messages.
    var installHint: String {
        switch self {
        case .cfnLint: "pip install cfn-lint"
        case .shellcheck: "apt-get install shellcheck"
        case .terraform: "install terraform (https://developer.hashicorp.com/terraform/install) with the AWS provider in a local mirror"
        case .python3: "apt-get install python3 python3-yaml"
        case .motoServer: "pip install 'moto[server]'"
        case .aws: "pip install awscli"
        case .jq: "apt-get install jq"
        case .bash: "apt-get install bash"
        case .zsh: "apt-get install zsh"
        case .fish: "apt-get install fish"
        case .patch: "apt-get install patch"
        }
    }

    /// The tool's full path on PATH, if installed.
    var path: String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(rawValue)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// True when running under CI, where no tool test may skip.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// True when every tool is installed, or under CI.
    static func available(_ tools: ExternalTool...) -> Bool {
        isCI || tools.allSatisfy { $0.path != nil }
    }

    /// The skip message for tests needing `tools`.
    static func skipMessage(_ tools: ExternalTool...) -> Comment {
        Comment(rawValue: "needs " + tools.map { "\($0.rawValue) (\($0.installHint))" }.joined(separator: ", "))
    }
}

import Testing

/// The result of running a program.
struct ProcessResult {
    var status: Int32
    var output: String
    var errors: String
}

/// Runs a program with arguments (searched on PATH), optional stdin, working directory and
/// extra environment, and waits for it.
@discardableResult
func runProcess(
    _ executable: String, _ arguments: [String], input: String? = nil, directory: String? = nil,
    environment: [String: String] = [:]
) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let outputPipe = Pipe()
    let errorPipe = Pipe()
    let inputPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    process.standardInput = inputPipe
    try process.run()
    if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try inputPipe.fileHandleForWriting.close()
    // Read both pipes concurrently so a chatty process cannot block on a full pipe.
    let errorData = LockedData()
    let reader = Thread { errorData.set(errorPipe.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { Thread.sleep(forTimeInterval: 0.001) }
    return ProcessResult(
        status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
        errors: String(decoding: errorData.value, as: UTF8.self))
}

/// `runProcess` on a thread of its own: the caller suspends instead of holding, for as long as
/// the program runs, one of the few threads (one per core) Swift Testing runs tests on.
func runProcessOnItsOwnThread(
    _ executable: String, _ arguments: [String], directory: String? = nil, environment: [String: String] = [:]
) async throws -> ProcessResult {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try runProcess(executable, arguments, directory: directory, environment: environment) })
        }
    }
}

/// Data written by one thread and read by another.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}

/// The python3 interpreter itself, for the tests' many python3 runs: `python3` on PATH may be
/// a version manager's shim (pyenv's spends about 70 ms of CPU a run choosing the version), so
/// it is asked once where the interpreter is. `python3` when it cannot say.
let python3Interpreter: String = {
    guard let found = try? runProcess("python3", ["-c", "import sys; print(sys.executable)"]), found.status == 0 else { return "python3" }
    let path = found.output.trimmingCharacters(in: .whitespacesAndNewlines)
    return FileManager.default.isExecutableFile(atPath: path) ? path : "python3"
}()
