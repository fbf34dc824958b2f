import Foundation
@testable import BucketBridge

/// The outcome of running the command line in-process.
struct CommandResult {
    var status: Int32
    var output: String
    var errors: String
}

/// Runs `bucketbridge` with arguments, in-process, capturing both streams.
func run(_ arguments: [String]) -> CommandResult {
    var output = ""
    var errors = ""
    let status = runBucketBridge(arguments, output: &output, errors: &errors)
    return CommandResult(status: status, output: output, errors: errors)
}

/// A fresh temporary folder, removed by the caller with `removeTree`.
func makeTemporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("bucketbridge-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Every file under `root` with its bytes, by relative path; folders are listed with a trailing `/`.
func snapshotTree(_ root: String) throws -> [String: Data] {
    var snapshot: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return snapshot }
    while let relative = enumerator.nextObject() as? String {
        let path = root + "/" + relative
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            snapshot[relative + "/"] = Data()
        } else {
            snapshot[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
    }
    return snapshot
}

/// Writes text to a file, creating parent folders.
func writeFile(_ path: String, _ text: String) throws {
    try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}
