/// The table itself (see `SpecField`). Patterns and ranges mirror the validation rules; the
/// validator remains the authority for what a schema cannot express (reserved bucket-name
/// prefixes, partitions, grant requirements), and the schema never rejects a valid spec.
extension SpecFields {
    static let documentFields: [SpecField] = [
        SpecField("version", in: .document, required: "yes", "Spec format version; always 1.", schema: ["const": 1], examples: [1]),
        SpecField(
            "placeholders", in: .document,
            "Values the customer fills in, for a generic page written before any customer exists: `NAME` (capital letters, digits and `_`) → where the customer finds the value. A declared `<NAME>` may stand for a whole value or part of one in `bucket`, `prefix`, `kmsKeyArn` (its account id and key id), `trustedPrincipals` entries, `externalId`, `role.name`, `role.accountId`, `user.name` and tag values; the text around it is still validated. IAM JSON and README.md keep `<NAME>`; CloudFormation gets a parameter, Terraform a variable, setup.sh an environment variable; `--set NAME=VALUE` fills one in for a run.",
            schema: [
                "type": "object",
                "propertyNames": ["pattern": "^[A-Z][A-Z0-9_]{0,63}$"],
                "additionalProperties": ["type": "string", "minLength": 1, "maxLength": 1000],
            ],
            examples: [["SEA_GATEWAY_ROLE": "The SEA gateway role ARN, shown by the Role ARN info icon in SEA"]]),
        SpecField(
            "defaults", in: .document,
            "Destination fields merged into every destination; the destination's own value wins, and objects such as `role` and `role.tags` merge key by key. When a destination sets `access` or `actions`, the defaults' `access`/`actions` are ignored.",
            schema: ["$ref": "#/$defs/destinationFields"],
            examples: [["trustedPrincipals": ["arn:aws:iam::280772890673:role/sequentum-upload-prod"], "region": "us-east-1"]]),
        SpecField(
            "destinations", in: .document, required: "yes",
            "One or more destinations: each becomes the folder `<out>/<name>/`. name, bucket, trustedPrincipals and access or actions are required once defaults are merged.",
            schema: ["type": "array", "minItems": 1, "items": ["$ref": "#/$defs/destinationFields"]]),
    ]

    static let destinationFields: [SpecField] = [
        SpecField(
            "name", in: .destination, required: "yes",
            "Output folder name: 1 to 63 lowercase letters, digits and `-`, starting with a letter or digit; unique across all specs of a run. Also the default inline policy name and the stem of bucket-policy `Sid`s.",
            schema: ["type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,62}$"], examples: ["acme-daily-export"]),
        SpecField(
            "description", in: .destination,
            "Free text used as the role description and in the customer's README (IAM role-description rules: at most 1,000 characters of Latin-1 text). Default: a sentence naming the vendor and the bucket.",
            schema: ["type": "string", "maxLength": 1000, "pattern": "^[\\t\\n\\r\\u0020-\\u007E\\u00A1-\\u00FF]*$"],
            examples: ["Sequentum Cloud delivers ACME's daily CSV exports"]),
        SpecField(
            "vendor", in: .destination,
            "Display name of the service being granted access, used in the README and the default role description.",
            schema: ["type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[\\u0020-\\u007E\\u00A1-\\u00FF]*$"],
            examples: ["Sequentum Cloud", "InfoSum"]),
        SpecField(
            "bucket", in: .destination, required: "yes",
            "The customer's S3 general purpose bucket, checked against AWS's naming rules (3–63 lowercase letters, digits, `.` and `-`; no reserved prefixes or suffixes).",
            schema: orPlaceholder(["type": "string", "minLength": 3, "maxLength": 63, "pattern": "^[a-z0-9][a-z0-9.-]*[a-z0-9]$"]),
            examples: ["acme-data", "<BUCKET>"]),
        SpecField(
            "prefix", in: .destination,
            "Key prefix (\"folder path\") the access is limited to; a leading `/` is dropped and a trailing `/` added. `*`, `?` and `${` are refused because they would change the policy's meaning. Absent: the whole bucket.",
            schema: ["type": "string", "pattern": "^[^*?\\u0000-\\u001F\\u007F]*$"], examples: ["sequentum/daily/"]),
        SpecField(
            "region", in: .destination,
            "AWS region of the bucket. Selects the partition (`cn-*` → `aws-cn`, `us-gov-*` → `aws-us-gov`, else `aws`) and is where a KMS key must live.",
            schema: ["type": "string", "pattern": "^[a-z]{2}(-gov)?-[a-z]+-[0-9]{1,2}$"], examples: ["us-east-1", "eu-west-2"]),
        SpecField(
            "access", in: .destination, required: "one of access/actions",
            "Access preset: `read` = `s3:ListBucket` + `s3:GetObject`; `write` = `s3:PutObject`; `read-write` = all three.",
            schema: ["enum": .array(AccessLevel.allCases.map { .string($0.rawValue) })], examples: ["write"]),
        SpecField(
            "actions", in: .destination, required: "one of access/actions",
            "Explicit S3 actions (`s3:Name`) instead of the `access` preset. Unknown actions, wildcards and actions that cannot be limited to one bucket are errors.",
            schema: ["type": "array", "minItems": 1, "items": ["type": "string", "pattern": "^[sS]3:[A-Za-z0-9]+$"]],
            examples: [["s3:PutObject", "s3:PutObjectAcl"]]),
        SpecField(
            "kmsKeyArn", in: .destination,
            "The bucket's SSE-KMS key (a key ARN, not an alias, in the bucket's region and partition). Adds the KMS permissions the access needs, on that key only: `kms:Decrypt` to read, `kms:GenerateDataKey` and `kms:Decrypt` to write.",
            schema: orPlaceholder(["type": "string", "pattern": "^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$"]),
            examples: ["arn:aws:kms:us-east-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab"]),
        SpecField(
            "trustedPrincipals", in: .destination, required: "yes",
            "The vendor's principals, each a full ARN (IAM role, IAM user, account root, STS assumed-role session) or a 12-digit account id (becomes `arn:PARTITION:iam::ID:root`). `*` is an error.",
            schema: [
                "type": "array", "minItems": 1,
                "items": orPlaceholder(["type": "string", "pattern": "^([0-9]{12}|arn:aws(-cn|-us-gov)?:(iam|sts)::[0-9]{12}:[^*?]+)$"]),
            ],
            examples: [["arn:aws:iam::280772890673:role/sequentum-upload-prod"], ["123456789012"]]),
        SpecField(
            "externalId", in: .destination, required: "for role grants",
            "The vendor-issued external ID the trust policy requires (`sts:ExternalId`); STS rules: 2–1224 characters of letters, digits and `+=,.@:/_-`. `bucketbridge external-id` makes one.",
            schema: orPlaceholder(["type": "string", "pattern": "^[\\w+=,.@:/-]{2,1224}$"]), examples: ["seq_p8OgYZNm_anQEaOZ8-mMn", "<EXTERNAL_ID>"]),
        SpecField(
            "grant", in: .destination,
            "How access is granted. `role` (default): a customer role the vendor assumes. `bucket-policy`: no role; the bucket policy grants the vendor's principals directly (less secure, no external ID). `role-and-bucket-policy`: the role, plus a bucket policy granting that role. `user`: an IAM user in the customer's account holds the permissions and the vendor uses its access key (long-term credentials: less safe than a role); no trust policy, no external ID.",
            schema: ["enum": .array(Grant.allCases.map { .string($0.rawValue) })], examples: ["role"]),
        SpecField(
            "requireTls", in: .destination,
            "Adds AWS's `DenyInsecureTransport` statement to the bucket policy: requests without TLS (`aws:SecureTransport` false) are denied for everyone.",
            schema: ["type": "boolean"], examples: [true]),
        SpecField(
            "role", in: .destination, required: "for role grants",
            "The customer's IAM role that the vendor assumes (grants `role` and `role-and-bucket-policy`).",
            schema: ["$ref": "#/$defs/role"], examples: [["name": "SequentumS3Access"]], nested: .role),
        SpecField(
            "onboarding", in: .destination,
            "What the customer's README.md says beyond the policies: the steps after the setup, how to reach the vendor's support, who makes the external ID, a Launch Stack link, the vendor's name for the role ARN field.",
            schema: ["$ref": "#/$defs/onboarding"], examples: [["support": "support@sequentum.com"]], nested: .onboarding),
        SpecField(
            "user", in: .destination, required: "for grant user",
            "The customer's IAM user of a `user` grant (Cisco SEA's \"Access Credential\" route).",
            schema: ["$ref": "#/$defs/user"], examples: [["name": "sea-recordings-writer"]], nested: .user),
    ]

    static let userFields: [SpecField] = [
        SpecField(
            "name", in: .user, required: "for grant user",
            "The IAM user's name (1–64 letters, digits and `+=,.@_-`). It holds the permissions policy inline; the customer creates its access key (no artifact ever contains one).",
            schema: orPlaceholder(iamName), examples: ["sea-recordings-writer"]),
        SpecField(
            "path", in: .user, "The user's IAM path, `/` by default.",
            schema: ["type": "string", "maxLength": 512, "pattern": "^/([\\u0021-\\u007E]*/)?$"], examples: ["/vendors/"]),
        SpecField(
            "permissionsBoundary", in: .user, "ARN of a managed policy set as the user's permissions boundary, in the bucket's partition.",
            schema: ["type": "string", "minLength": 20, "maxLength": 2048, "pattern": "^arn:aws(-cn|-us-gov)?:iam::([0-9]{12}|aws):policy/"],
            examples: ["arn:aws:iam::666666666666:policy/boundary"]),
        SpecField(
            "tags", in: .user, "IAM tags of the user, key → value (IAM tag rules, as for `role.tags`).",
            schema: [
                "type": "object", "maxProperties": 50,
                "propertyNames": ["minLength": 1, "maxLength": 128, "pattern": .string("^(?![aA][wW][sS]:)" + tagCharacters + "+$")],
                "additionalProperties": orPlaceholder(["type": "string", "maxLength": 256, "pattern": .string("^" + tagCharacters + "*$")]),
            ],
            examples: [["integration": "cisco-sea"]]),
    ]

    static let onboardingFields: [SpecField] = [
        SpecField(
            "nextSteps", in: .onboarding,
            "What the customer does after the setup, in order; README.md shows them as numbered steps under \"After the setup\". One line each.",
            schema: ["type": "array", "items": ["type": "string", "minLength": 1, "maxLength": 1000]],
            examples: [["In Sequentum Cloud, press Test Connection: a test file appears under the prefix"]]),
        SpecField(
            "support", in: .onboarding, "How to reach the vendor's support: an e-mail address or an https URL.",
            schema: ["type": "string", "pattern": "^([^@\\s]+@[^@\\s]+\\.[^@\\s]+|https://[^\\s]+)$"],
            examples: ["support@sequentum.com", "https://support.example.com/s3"]),
        SpecField(
            "externalIdIssuedBy", in: .onboarding,
            "Who makes the external ID. `vendor` (default): the vendor's product shows it and the customer copies it. `customer`: the customer makes one (README.md says how) and sends it back with the role ARN.",
            schema: ["enum": ["vendor", "customer"]], examples: ["customer"]),
        SpecField(
            "templateUrl", in: .onboarding,
            "An https URL where the vendor hosts the rendered CloudFormation template: README.md gets a Launch Stack link to the CloudFormation console's quick-create page for it, in the bucket's region.",
            schema: ["type": "string", "pattern": "^https://[^\\s]+$"], examples: ["https://vendor-templates.s3.amazonaws.com/bucketbridge/template.yaml"]),
        SpecField(
            "roleArnLabel", in: .onboarding,
            "The vendor's name for the field where the customer pastes the role ARN (InfoSum: \"User ARN\").",
            schema: ["type": "string", "minLength": 1, "maxLength": 200], examples: ["User ARN"]),
    ]

    private static let iamName: JSONValue = ["type": "string", "pattern": "^[\\w+=,.@-]{1,64}$"]

    /// A field that may hold `<NAME>` placeholders: its own schema, or any text with one (the
    /// validator checks the text around it).
    private static func orPlaceholder(_ schema: JSONValue) -> JSONValue {
        ["anyOf": [schema, ["type": "string", "pattern": "<[A-Z][A-Z0-9_]{0,63}>"]]]
    }

    /// IAM's tag characters are `[\p{L}\p{Z}\p{N}_.:/=+\-@]`; not every schema validator knows
    /// `\p{...}`, so the schema excludes the ASCII characters the class leaves out instead.
    private static let tagCharacters = "[^!\"#$%&'()*,;<>?\\[\\\\\\]^`{|}~\\u0000-\\u001F\\u007F]"

    static let roleFields: [SpecField] = [
        SpecField(
            "policyType", in: .role,
            "`inline` (default): the permissions policy is an inline policy of the role. `managed`: a customer-managed policy named `policyName`, attached to the role, in every format (setup.sh updates it with a new default version, keeping at most 5; managed policies are limited to 6,144 characters).",
            schema: ["enum": .array(PolicyType.allCases.map { .string($0.rawValue) })], examples: ["managed"]),
        SpecField(
            "name", in: .role, required: "for role grants",
            "The role's name (IAM name rules: 1–64 letters, digits and `+=,.@_-`). Must start with `namePrefix` when one is set.",
            schema: orPlaceholder(iamName), examples: ["SequentumS3Access", "SEA_ext_access_<ROLE_SUFFIX>"]),
        SpecField(
            "namePrefix", in: .role,
            "A prefix the vendor requires role names to start with; `name` is checked against it.",
            schema: ["type": "string", "pattern": "^[\\w+=,.@-]{0,64}$"], examples: ["SEA_ext_access_"]),
        SpecField(
            "path", in: .role, "The role's IAM path, `/` by default; starts and ends with `/`.",
            schema: ["type": "string", "maxLength": 512, "pattern": "^/([\\u0021-\\u007E]*/)?$"], examples: ["/", "/vendors/"]),
        SpecField(
            "accountId", in: .role, required: "for role-and-bucket-policy",
            "The customer's 12-digit AWS account id, needed to write the role's ARN into the bucket policy.",
            schema: orPlaceholder(["type": "string", "pattern": "^[0-9]{12}$"]), examples: ["666666666666", "<ACCOUNT_ID>"]),
        SpecField(
            "maxSessionDuration", in: .role, "Maximum session length in seconds, 3600 (the default) to 43200.",
            schema: ["type": "integer", "minimum": 3600, "maximum": 43200], examples: [3600]),
        SpecField(
            "permissionsBoundary", in: .role, "ARN of a managed policy set as the role's permissions boundary, in the bucket's partition.",
            schema: ["type": "string", "minLength": 20, "maxLength": 2048, "pattern": "^arn:aws(-cn|-us-gov)?:iam::([0-9]{12}|aws):policy/"],
            examples: ["arn:aws:iam::666666666666:policy/boundary"]),
        SpecField(
            "policyName", in: .role, "Name of the role's permissions policy (inline, or managed with `policyType: managed`); defaults to the destination's `name`.",
            schema: ["type": "string", "pattern": "^[\\w+=,.@-]{1,128}$"], examples: ["SequentumS3Access"]),
        SpecField(
            "tags", in: .role,
            "IAM tags of the role, key → value (at most 50; keys unique regardless of case, not starting with `aws:`).",
            schema: [
                "type": "object", "maxProperties": 50,
                "propertyNames": ["minLength": 1, "maxLength": 128, "pattern": .string("^(?![aA][wW][sS]:)" + tagCharacters + "+$")],
                "additionalProperties": orPlaceholder(["type": "string", "maxLength": 256, "pattern": .string("^" + tagCharacters + "*$")]),
            ],
            examples: [["owner": "data-team"]]),
    ]
}
