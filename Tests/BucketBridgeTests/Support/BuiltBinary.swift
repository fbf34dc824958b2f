import Foundation

@testable import BucketBridge

/// The `bucketbridge` executable `swift test` built beside the test bundle, for tests that
/// need a real process (to kill it, or to run it as another user).
func builtBinary() throws -> String {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bucketbridge"),
        repositoryRoot.appendingPathComponent(".build/debug/bucketbridge"),
    ]
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw TestFailure("no bucketbridge executable at \(candidates.map(\.path)); run swift build first")
    }
    return found.path
}
