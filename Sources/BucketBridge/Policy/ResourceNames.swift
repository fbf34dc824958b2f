/// The ARNs bucketbridge writes into policies.
enum ResourceNames {
    /// `arn:P:s3:::BUCKET`.
    static func bucket(_ destination: Destination) -> String {
        concatenated("arn:", destination.partition.rawValue, ":s3:::", destination.bucket)
    }

    /// `arn:P:s3:::BUCKET/PREFIX*`: every object under the prefix.
    static func objects(_ destination: Destination) -> String {
        objects(destination, bucketArn: bucket(destination))
    }

    /// ``objects(_:)`` from the destination's ``bucket(_:)`` ARN, for a caller that has it.
    static func objects(_ destination: Destination, bucketArn: String) -> String {
        concatenated(bucketArn, "/", destination.prefix, "*")
    }

    /// `arn:P:iam::ACCOUNT:role/PATH/NAME`, when the account id is known.
    static func role(_ destination: Destination) -> String? {
        guard let role = destination.role, let account = role.accountId else { return nil }
        return concatenated("arn:", destination.partition.rawValue, ":iam::", account, ":role", role.path, role.name)
    }

    /// The managed permissions policy's ARN for people to read (`<account id>` when unknown).
    static func displayManagedPolicy(_ destination: Destination) -> String {
        guard let role = destination.role else { return "" }
        return concatenated("arn:", destination.partition.rawValue, ":iam::", role.accountId ?? "<account id>", ":policy/", role.policyName)
    }

    /// The role ARN for people to read: the full ARN, or `<account id>` standing for an unknown account.
    static func displayRole(_ destination: Destination) -> String {
        guard let settings = destination.role else { return "" }
        return role(destination) ?? concatenated("arn:", destination.partition.rawValue, ":iam::<account id>:role", settings.path, settings.name)
    }
}
