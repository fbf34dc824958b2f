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
            case .object(let roleFields)? = schema["$defs"]?["role"]?["properties"]
        else { throw TestFailure("schema shape") }
        #expect(fields.map(\.key) == SpecFields.destination)
        #expect(roleFields.map(\.key) == SpecFields.role)
        #expect(fields.allSatisfy { $0.value != [:] } && roleFields.allSatisfy { $0.value != [:] })
    }
}
