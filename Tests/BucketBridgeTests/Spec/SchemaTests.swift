import Foundation
import Testing
@testable import BucketBridge

struct SchemaTests {
    @Test func schemaIsJSONAndNamesEveryField() throws {
        let result = run(["schema"])
        #expect(result.status == 0)
        let schema = try #require(parseJSONValue(result.output))
        #expect(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        guard case .object(let fields)? = schema["$defs"]?["destinationFields"]?["properties"],
            case .object(let roleFields)? = schema["$defs"]?["role"]?["properties"],
            case .object(let topFields)? = schema["properties"]
        else { throw TestFailure("schema shape") }
        #expect(fields.map(\.key) == SpecFields.destination)
        #expect(roleFields.map(\.key) == SpecFields.role)
        #expect(topFields.map(\.key) == SpecFields.document)
    }

    /// Editors show `description` on hover: every property of every object has one.
    @Test func everyPropertyHasADescription() throws {
        let schema = try #require(parseJSONValue(run(["schema"]).output))
        var missing: [String] = []
        var count = 0
        func visit(_ value: JSONValue, path: String) {
            switch value {
            case .object(let members):
                if case .object(let properties)? = value["properties"] {
                    for property in properties {
                        count += 1
                        guard case .string(let text)? = property.value["description"], text.count >= 10 else {
                            missing.append(path + "." + property.key)
                            continue
                        }
                    }
                }
                for member in members { visit(member.value, path: path + "." + member.key) }
            case .array(let elements):
                for element in elements { visit(element, path: path) }
            default: break
            }
        }
        visit(schema, path: "$")
        #expect(missing.isEmpty, "properties without a description: \(missing)")
        #expect(count == SpecFields.all.count)
    }

    /// Every example in the table is a value the validator accepts in its place.
    @Test func everyExampleIsValid() {
        for field in SpecFields.all where field.object != .document {
            for example in field.examples {
                let json = encodeCompactJSON(example)
                var role = ["name": #""SEA_ext_access_x""#, "accountId": #""666666666666""#]
                role[field.name] = json
                let roleJSON = "{" + role.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
                var spec: String
                switch field.object {
                case .role: spec = specJSON(["role": roleJSON])
                case .onboarding: spec = specJSON(["onboarding": "{\"\(field.name)\": \(json)}"])
                case .user:
                    let user = field.name == "name" ? "{\"name\": \(json)}" : "{\"name\": \"vendor-user\", \"\(field.name)\": \(json)}"
                    spec = specJSON(["grant": #""user""#, "user": user], removing: ["trustedPrincipals", "externalId", "role"])
                case .destination where field.name == "user":
                    spec = specJSON(["grant": #""user""#, "user": json], removing: ["trustedPrincipals", "externalId", "role"])
                default:
                    spec = specJSON(field.name == "actions" ? ["actions": json] : [field.name: json], removing: field.name == "actions" ? ["access"] : [])
                }
                // Declare every placeholder an example uses.
                let names = placeholderReferences(in: json).map(\.name)
                if !names.isEmpty, field.name != "placeholders" {
                    let declared = names.map { "\"\($0)\": \"a value\"" }.joined(separator: ", ")
                    spec = "{\"placeholders\": {\(declared)}, " + spec.dropFirst()
                }
                let errors = errorLines(validate(spec).diagnostics)
                #expect(errors.isEmpty, "\(field.object.rawValue).\(field.name) = \(json): \(errors)")
            }
        }
        #expect(SpecFields.all.filter { $0.examples.isEmpty }.map(\.name) == ["destinations"])
    }

    /// docs/spec-reference.md is exactly what `bucketbridge schema --markdown` prints.
    /// Regenerate: `swift run bucketbridge schema --markdown > docs/spec-reference.md`.
    @Test func committedSpecReferenceIsCurrent() throws {
        let committed = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/spec-reference.md"), encoding: .utf8)
        #expect(committed == run(["schema", "--markdown"]).output,
            "docs/spec-reference.md is stale: run `swift run bucketbridge schema --markdown > docs/spec-reference.md`")
        for field in SpecFields.all { #expect(committed.contains(field.description)) }
    }
}
