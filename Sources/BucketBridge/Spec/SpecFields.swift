/// The fields a spec file may hold, by object. Unknown-field checks, "did you mean" hints and
/// the JSON Schema all read these lists, so they cannot disagree.
public enum SpecFields {
    /// Top-level keys of a spec file.
    public static let document = ["version", "placeholders", "defaults", "destinations"]

    /// Keys of a destination (and of `defaults`).
    public static let destination = [
        "name", "description", "vendor", "bucket", "prefix", "region", "access", "actions",
        "kmsKeyArn", "trustedPrincipals", "externalId", "grant", "requireTls", "role",
    ]

    /// Keys of a destination's `role` object.
    public static let role = [
        "name", "namePrefix", "path", "accountId", "maxSessionDuration", "permissionsBoundary",
        "policyName", "tags",
    ]
}
