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
let hostileDocument: TemplateValue = [
    "Version": "2012-10-17",
    "strings": .array(hostileStrings.map(TemplateValue.string)),
    "keys": .object(hostileStrings.enumerated().map { TemplateValue.Member($0.element.isEmpty ? "empty" : $0.element, .int($0.offset)) }),
    "Statement": [["Effect": "Allow", "Condition": ["Bool": ["aws:SecureTransport": false]], "Empty": [], "None": [:], "n": -3]],
]

@Suite("Escaping checked by real parsers")
struct TemplateExternalToolTests {
    static let hasPyYAML = toolWorks("python3", ["-c", "import yaml"])
    static let hasTerraform = toolWorks("terraform", ["version"])
    static let hasBash = toolWorks("bash", ["-c", "true"])

    /// Asserts with python3 that each (YAML, JSON) pair holds the same value, key order included.
    private func expectYAMLMatches(_ pairs: [(yaml: String, json: String)], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let script = """
            import json, sys, yaml
            for i, (y, j) in enumerate(json.load(sys.stdin)):
                got, want = json.dumps(yaml.safe_load(y)), json.dumps(json.loads(j))
                if got != want:
                    print(f"pair {i}: YAML {y!r} loads as {got}, expected {want}")
            """
        let input = encodeCompactJSON(.array(pairs.map { [.string($0.yaml), .string($0.json)] }))
        let run = try runTool("python3", ["-c", script], input: input)
        #expect(run.status == 0 && run.stdout.isEmpty, "\(run.stdout)\(run.stderr)", sourceLocation: sourceLocation)
    }

    @Test(.enabled(if: hasPyYAML, "needs python3 with PyYAML (pip install pyyaml)"))
    func yamlParsesBackToTheSameValue() throws {
        var pairs = hostileStrings.map { (yamlDoubleQuoted($0), jsonStringLiteral($0)) }
        pairs.append((encodeYAML(hostileDocument), encodeJSON(hostileDocument)))
        pairs.append((encodeYAML(samplePolicy), encodeJSON(samplePolicy)))
        try expectYAMLMatches(pairs)
    }

    @Test(.enabled(if: hasPyYAML, "needs python3 with PyYAML (pip install pyyaml)"))
    func yamlTemplatesParseBack() throws {
        let source = """
            Resources:
              Role:
                Properties:
                  Description: {{ s }}
                  Policy:
                    {{ doc | yaml | indent(8) }}
                  Items:
            {% for x in doc.strings %}
                    - {{ x }}
            {% endfor %}
            """
        let result = renderTemplate(source, path: "t.yaml", context: ["s": .string(hostileStrings.joined(separator: "|")), "doc": hostileDocument])
        let text = try #require(result.text, "\(result.diagnostics)")
        let expected: TemplateValue = [
            "Resources": ["Role": ["Properties": [
                "Description": .string(hostileStrings.joined(separator: "|")), "Policy": hostileDocument,
                "Items": .array(hostileStrings.map(TemplateValue.string)),
            ]]]
        ]
        try expectYAMLMatches([(text, encodeJSON(expected))])
    }

    @Test(.enabled(if: hasTerraform && hasPyYAML, "needs terraform on PATH (https://developer.hashicorp.com/terraform/install) and python3"))
    func hclPassesTerraformFmtAndEvaluatesToTheSameJSON() throws {
        let context: TemplateValue = ["doc": hostileDocument, "policy": samplePolicy, "name": .string(hostileStrings.joined(separator: "|"))]
        // terraform fmt needs no provider; terraform console does without one when only locals are declared.
        let resource = """
            resource "aws_iam_role_policy" "this" {
              name = {{ name }}
              policy = jsonencode({{ doc | hcl | indent(2) }})
            }

            resource "aws_iam_role_policy" "other" {
              name = "x"
              policy = jsonencode({{ policy | hcl | indent(2) }})
            }

            """
        let locals = """
            locals {
              doc = {{ doc | hcl | indent(2) }}
              policy = {{ policy | hcl | indent(2) }}
              name = {{ name }}
            }

            """
        var directories: [URL] = []
        defer { for directory in directories { try? FileManager.default.removeItem(at: directory) } }
        for source in [resource, locals] {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bb-tf-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            directories.append(directory)
            let result = renderTemplate(source, path: "main.tf", context: context)
            let text = try #require(result.text, "\(result.diagnostics)")
            try text.write(to: directory.appendingPathComponent("main.tf"), atomically: true, encoding: .utf8)
            let fmt = try runTool("terraform", ["fmt", "-check", "-diff", "main.tf"], in: directory)
            #expect(fmt.status == 0, "terraform fmt wants changes:\n\(fmt.stdout)\(fmt.stderr)")
        }
        // The console prints only its last result: ask for one value holding all three.
        let expression = "base64encode(jsonencode([local.doc, local.policy, local.name]))"
        let console = try runTool("terraform", ["console"], input: expression + "\n", in: directories[1])
        let line = console.stdout.trimmingCharacters(in: CharacterSet(charactersIn: "\" \n"))
        let decoded = try #require(Data(base64Encoded: line), "\(console.stdout)\(console.stderr)")
        // terraform sorts keys and escapes <>& in jsonencode: compare the values with python.
        let script = """
            import json, sys
            got, want = json.load(sys.stdin)
            got, want = json.loads(got), [json.loads(w) for w in want]
            for g, w in zip(got, want):
                if json.dumps(g, sort_keys=True) != json.dumps(w, sort_keys=True):
                    print("terraform gave", json.dumps(g), "expected", json.dumps(w))
            """
        let want = [hostileDocument, samplePolicy, context["name"]!].map { TemplateValue.string(encodeJSON($0)) }
        let input: TemplateValue = [.string(String(decoding: decoded, as: UTF8.self)), .array(want)]
        let compare = try runTool("python3", ["-c", script], input: encodeCompactJSON(input))
        #expect(compare.status == 0 && compare.stdout.isEmpty, "\(compare.stdout)\(compare.stderr)")
    }

    @Test(.enabled(if: hasBash, "needs bash"))
    func shellWordsSurviveBash() throws {
        for text in hostileStrings {
            let quoted = try #require(shellQuote(text))
            let run = try runTool("bash", ["-c", "printf %s \(quoted)"])
            #expect(run.status == 0 && run.stdout == text, "\(quoted) printed \(run.stdout.debugDescription)")
        }
        let script = renderTemplate("printf '%s|' {{ a }} {{ b }} {{ n }}", path: "t.sh", context: ["a": "$(touch /tmp/pwned) `id`", "b": "", "n": 3])
        let run = try runTool("bash", ["-c", try #require(script.text)])
        #expect(run.stdout == "$(touch /tmp/pwned) `id`||3|")
    }
}
