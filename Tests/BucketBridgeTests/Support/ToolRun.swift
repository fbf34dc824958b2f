import Foundation
import Testing

@testable import BucketBridge

/// The result of running a command-line tool.
struct ToolRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `tool` (looked up on PATH) with `arguments`, feeding `input` on stdin. Output goes
/// through files, so a chatty tool cannot block on a full pipe.
func runTool(_ tool: String, _ arguments: [String], input: String = "", in directory: URL? = nil) throws -> ToolRun {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bb-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let files = ["in", "out", "err"].map { scratch.appendingPathComponent($0) }
    try Data(input.utf8).write(to: files[0])
    for file in files.dropFirst() { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    process.currentDirectoryURL = directory ?? scratch
    var environment = ProcessInfo.processInfo.environment
    environment["CHECKPOINT_DISABLE"] = "1"  // terraform: no version check over the network
    environment["TF_IN_AUTOMATION"] = "1"
    process.environment = environment
    process.standardInput = try FileHandle(forReadingFrom: files[0])
    process.standardOutput = try FileHandle(forWritingTo: files[1])
    process.standardError = try FileHandle(forWritingTo: files[2])
    try process.run()
    process.waitUntilExit()
    let out = try Data(contentsOf: files[1]), err = try Data(contentsOf: files[2])
    return ToolRun(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
}

/// True when `command` runs and exits 0.
func toolWorks(_ tool: String, _ arguments: [String]) -> Bool {
    (try? runTool(tool, arguments))?.status == 0
}

/// Hostile strings every escape must carry through unchanged.
let hostileStrings: [String] = [
    "", "plain", "it's", "\"quoted\"", "back\\slash", "$(rm -rf /)", "`id`", "${x}", "$${x}", "%{if}", "%%{x}", "$", "%",
    "# comment", "key: value", "- item", "line\nbreak", "tab\there", "cr\r\nlf", "*_[]<>&|~!", "é 😀 中文", "\u{2028}\u{2029}\u{85}",
    "yes", "no", "on", "2012-10-17", "0123", "1e3", "null", "~", "true", "@x", "!tag", "&anchor", "*alias", "? q", "{a: 1}", "[1]",
    " leading", "trailing ", "\u{1}\u{7}\u{1B}\u{7F}", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", "'; echo pwned; '",
]

/// A value holding every hostile string as an element, as a key, and nested.
let hostileDocument: JSONValue = [
    "Version": "2012-10-17",
    "strings": .array(hostileStrings.map(JSONValue.string)),
    "keys": .object(hostileStrings.enumerated().map { JSONValue.Member($0.element.isEmpty ? "empty" : $0.element, .int($0.offset)) }),
    "Statement": [["Effect": "Allow", "Condition": ["Bool": ["aws:SecureTransport": false]], "Empty": [], "None": [:], "n": -3]],
]
