import Foundation
import Testing
@testable import BucketBridge

@Suite("Escaping checked by real parsers")
struct ValueWriterToolTests {
    static let hasPyYAML = ExternalTool.isCI || toolWorks(python3Interpreter, ["-c", "import yaml"])
    static let hasTerraform = ExternalTool.isCI || toolWorks("terraform", ["version"])
    static let hasBash = ExternalTool.isCI || toolWorks("bash", ["-c", "true"])

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
        let run = try runTool(python3Interpreter, ["-c", script], input: input)
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
        let expected: JSONValue = [
            "Resources": ["Role": ["Properties": [
                "Description": .string(hostileStrings.joined(separator: "|")), "Policy": hostileDocument,
                "Items": .array(hostileStrings.map(JSONValue.string)),
            ]]]
        ]
        try expectYAMLMatches([(text, encodeJSON(expected))])
    }

    @Test(.enabled(if: hasTerraform && hasPyYAML, "needs terraform on PATH (https://developer.hashicorp.com/terraform/install) and python3"))
    func hclPassesTerraformFmtAndEvaluatesToTheSameJSON() throws {
        let context: JSONValue = ["doc": hostileDocument, "policy": samplePolicy, "name": .string(hostileStrings.joined(separator: "|"))]
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
        let want = [hostileDocument, samplePolicy, context["name"]!].map { JSONValue.string(encodeJSON($0)) }
        let input: JSONValue = [.string(String(decoding: decoded, as: UTF8.self)), .array(want)]
        let compare = try runTool(python3Interpreter, ["-c", script], input: encodeCompactJSON(input))
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
