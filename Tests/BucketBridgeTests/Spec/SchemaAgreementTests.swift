import Foundation
import Testing
@testable import BucketBridge

/// True when python3 can import jsonschema, or under CI (where the test must not skip).
let jsonSchemaAvailable = ExternalTool.isCI || ((try? runProcess(python3Interpreter, ["-c", "import jsonschema"]).status) == 0)

/// `bucketbridge schema` agrees with the validator, judged by a real JSON Schema validator
/// (python-jsonschema, draft 2020-12): every spec the validator accepts, the schema accepts;
/// the mistakes a schema can express, it rejects too.
@Suite(.enabled(if: jsonSchemaAvailable, "needs python3 with jsonschema (pip install jsonschema)"))
struct SchemaAgreementTests {
    /// Runs the schema over specs and returns, per spec, whether it validated.
    func schemaAccepts(_ specs: [String]) throws -> [Bool] {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFile(folder + "/schema.json", run(["schema"]).output)
        var paths: [String] = []
        for (index, spec) in specs.enumerated() {
            paths.append(folder + "/spec-\(index).json")
            try writeFile(paths.last!, spec)
        }
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema)
            print(json.dumps([validator.is_valid(json.load(open(p))) for p in sys.argv[2:]]))
            """
        let result = try runProcess(python3Interpreter, ["-c", script, folder + "/schema.json"] + paths)
        guard result.status == 0, let verdicts = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [Bool] else {
            throw TestFailure("python3 failed: \(result.errors)")
        }
        return verdicts
    }

    @Test func everyValidSpecMatchesTheSchema() throws {
        var specs = try exampleSpecPaths().map { try String(contentsOfFile: $0, encoding: .utf8) }
        specs += [
            specJSON(["trustedPrincipals": #"["280772890673"]"#, "prefix": #""/données/été""#]),
            specJSON(["role": #"{"name": "R", "tags": {"Zürich": "東京 a: b/c=d+e-f@g", "empty": ""}}"#]),
            specJSON(["description": #""quotes \" ' \\ $(x) `y` ${z} %{w} # : é\tline\nbreak""#]),
            specJSON(["actions": #"["s3:GetObject", "S3:putobject"]"#], removing: ["access"]),
            specJSON([
                "kmsKeyArn": #""arn:aws:kms:us-east-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab""#,
                "kmsActions": #"["kms:Encrypt", "KMS:describekey"]"#, "sidPrefix": #""AllowSequentum""#,
            ]),
            specJSON(["region": #""ap-southeast-7""#]),
        ]
        for spec in specs {
            let (_, diagnostics) = validate(spec)
            #expect(!diagnostics.hasErrors, "\(errorLines(diagnostics))")
        }
        #expect(try schemaAccepts(specs).allSatisfy { $0 })
    }

    @Test func mistakesASchemaCanExpressAreRejectedByBoth() throws {
        let invalid = [
            specJSON(["buckett": #""x""#]),
            specJSON(["name": #""Bad_Name""#]),
            specJSON(["access": #""reed""#]),
            specJSON(["trustedPrincipals": #"["*"]"#]),
            specJSON(["externalId": #""has space""#]),
            specJSON(["requireTls": #""yes""#]),
            specJSON(["bucket": #""Example_Bucket""#]),
            specJSON(["actions": #"["s3:*"]"#], removing: ["access"]),
            specJSON(["role": #"{"name": "R", "maxSessionDuration": 100}"#]),
            specJSON(["role": #"{"name": "R", "tags": {"k": "bad\"quote"}}"#]),
            specJSON(["role": #"{"name": "R", "tags": {"aws:reserved": "v"}}"#]),
            specJSON(["role": #"{"name": "R", "accountId": "12345"}"#]),
            specJSON(["region": #""us-eats-1""#]),
            specJSON(["sidPrefix": #""Allow-Sequentum""#]),
            specJSON(["sidPrefix": #""""#]),
            specJSON(["kmsKeyArn": #""arn:aws:kms:us-east-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab""#, "kmsActions": #"["kms:*"]"#]),
            #"{"version": 2, "destinations": []}"#,
        ]
        for spec in invalid {
            #expect(validate(spec).diagnostics.hasErrors, "\(spec)")
        }
        let verdicts = try schemaAccepts(invalid)
        for (spec, accepted) in zip(invalid, verdicts) {
            #expect(!accepted, "the schema accepts \(spec)")
        }
    }
}
