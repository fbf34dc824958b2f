/// The JSON Schema (draft 2020-12) of a spec file, as `bucketbridge schema` prints it.
///
/// Built from `SpecFields.all`: every property carries the field's `description` and, where
/// the table has them, `examples`, so editors show them on hover.
public let specSchema: JSONValue = {
    var schema: [JSONValue.Member] = [
        JSONValue.Member("$schema", "https://json-schema.org/draft/2020-12/schema"),
        JSONValue.Member("$id", "https://bucketbridge.dev/schema/spec-v1.json"),
        JSONValue.Member("title", "bucketbridge destination spec"),
        JSONValue.Member("description", "A bucketbridge destination spec: what a vendor needs to access a customer's S3 bucket."),
    ]
    schema += objectSchema(.document, required: ["version", "destinations"])
    let definitions = SpecObject.allCases.filter { $0 != .document }.map {
        JSONValue.Member($0.rawValue, .object(objectSchema($0, required: [])))
    }
    schema.append(JSONValue.Member("$defs", .object(definitions)))
    return .object(schema)
}()

/// `type`, `required`, `additionalProperties` and `properties` of one object of the table.
private func objectSchema(_ object: SpecObject, required: [String]) -> [JSONValue.Member] {
    var members: [JSONValue.Member] = [JSONValue.Member("type", "object")]
    if !required.isEmpty { members.append(JSONValue.Member("required", .array(required.map(JSONValue.string)))) }
    members.append(JSONValue.Member("additionalProperties", false))
    let properties = SpecFields.all.filter { $0.object == object }.map { JSONValue.Member($0.name, $0.propertySchema) }
    members.append(JSONValue.Member("properties", .object(properties)))
    return members
}

extension SpecField {
    /// The field's schema with its `description` and `examples`.
    var propertySchema: JSONValue {
        guard case .object(var members) = schema else { return schema }
        members.append(JSONValue.Member("description", .string(description)))
        if !examples.isEmpty { members.append(JSONValue.Member("examples", .array(examples))) }
        return .object(members)
    }
}
