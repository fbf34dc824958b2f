/// The JSON Schema (draft 2020-12) of a spec file, as `bucketbridge schema` prints it.
///
/// Field names come from `SpecFields`; patterns and ranges mirror the validation rules. The
/// validator remains the authority for rules a schema cannot express (bucket name reserved
/// prefixes, partitions, grant requirements); the schema never rejects a valid spec.
public let specSchema: JSONValue = [
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://bucketbridge.dev/schema/spec-v1.json",
    "title": "bucketbridge destination spec",
    "type": "object",
    "required": ["version", "destinations"],
    "additionalProperties": false,
    "properties": [
        "version": ["const": 1, "description": "Spec format version."],
        "defaults": [
            "$ref": "#/$defs/destinationFields",
            "description": "Fields merged into every destination; the destination's own value wins.",
        ],
        "destinations": ["type": "array", "minItems": 1, "items": ["$ref": "#/$defs/destination"]],
    ],
    "$defs": [
        "destination": [
            "$ref": "#/$defs/destinationFields",
            "description": "One destination. name, bucket, trustedPrincipals and access or actions are required once defaults are merged.",
        ],
        "destinationFields": [
            "type": "object",
            "additionalProperties": false,
            "properties": .object(SpecFields.destination.map { JSONValue.Member($0, destinationFieldSchema[$0] ?? [:]) }),
        ],
        "role": [
            "type": "object",
            "additionalProperties": false,
            "properties": .object(SpecFields.role.map { JSONValue.Member($0, roleFieldSchema[$0] ?? [:]) }),
        ],
    ],
]

/// IAM's tag characters are `[\p{L}\p{Z}\p{N}_.:/=+\-@]`; not every schema validator knows
/// `\p{...}`, so the schema excludes the ASCII characters the class leaves out instead.
private let tagCharacters = "[^!\"#$%&'()*,;<>?\\[\\\\\\]^`{|}~\\u0000-\\u001F\\u007F]"

private let iamName: JSONValue = ["type": "string", "pattern": "^[\\w+=,.@-]{1,64}$"]

private let destinationFieldSchema: JSONValue = [
    "name": ["type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,62}$", "description": "Output folder name, unique in the run."],
    "description": ["type": "string", "maxLength": 1000, "pattern": "^[\\t\\n\\r\\u0020-\\u007E\\u00A1-\\u00FF]*$"],
    "vendor": ["type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[\\u0020-\\u007E\\u00A1-\\u00FF]*$"],
    "bucket": [
        "type": "string", "minLength": 3, "maxLength": 63, "pattern": "^[a-z0-9][a-z0-9.-]*[a-z0-9]$",
        "description": "S3 general purpose bucket name.",
    ],
    "prefix": ["type": "string", "pattern": "^[^*?\\u0000-\\u001F\\u007F]*$", "description": "Key prefix the access is limited to."],
    "region": ["type": "string", "pattern": "^[a-z]{2}(-gov)?-[a-z]+-[0-9]{1,2}$"],
    "access": ["enum": .array(AccessLevel.allCases.map { .string($0.rawValue) })],
    "actions": ["type": "array", "minItems": 1, "items": ["type": "string", "pattern": "^[sS]3:[A-Za-z0-9]+$"]],
    "kmsKeyArn": ["type": "string", "pattern": "^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$"],
    "trustedPrincipals": [
        "type": "array", "minItems": 1,
        "items": ["type": "string", "pattern": "^([0-9]{12}|arn:aws(-cn|-us-gov)?:(iam|sts)::[0-9]{12}:[^*?]+)$"],
    ],
    "externalId": ["type": "string", "pattern": "^[\\w+=,.@:/-]{2,1224}$"],
    "grant": ["enum": .array(Grant.allCases.map { .string($0.rawValue) })],
    "requireTls": ["type": "boolean"],
    "role": ["$ref": "#/$defs/role"],
]

private let roleFieldSchema: JSONValue = [
    "name": iamName,
    "namePrefix": ["type": "string", "pattern": "^[\\w+=,.@-]{0,64}$"],
    "path": ["type": "string", "maxLength": 512, "pattern": "^/([\\u0021-\\u007E]*/)?$"],
    "accountId": ["type": "string", "pattern": "^[0-9]{12}$"],
    "maxSessionDuration": ["type": "integer", "minimum": 3600, "maximum": 43200],
    "permissionsBoundary": ["type": "string", "minLength": 20, "maxLength": 2048, "pattern": "^arn:aws(-cn|-us-gov)?:iam::([0-9]{12}|aws):policy/"],
    "policyName": ["type": "string", "pattern": "^[\\w+=,.@-]{1,128}$"],
    "tags": [
        "type": "object", "maxProperties": 50,
        "propertyNames": ["minLength": 1, "maxLength": 128, "pattern": .string("^(?![aA][wW][sS]:)" + tagCharacters + "+$")],
        "additionalProperties": ["type": "string", "maxLength": 256, "pattern": .string("^" + tagCharacters + "*$")],
    ],
]
