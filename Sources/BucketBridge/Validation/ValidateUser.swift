/// Reads the `user` object of a `user` grant and checks every setting by IAM's rules.
func validateUser(_ reader: inout FieldReader, grant: Grant, partition: Partition, destinationName: String?) -> UserSettings? {
    guard grant == .user else {
        if let node = reader.fields["user"], node.path.components.first == .key("destinations") {
            reader.report(node, Message.onlyForUserGrants)
        }
        return nil
    }
    guard reader.fields["user"] != nil else {
        reader.reportMissing("user", because: Message.forUserGrants)
        return nil
    }
    guard var user = reader.object("user") else { return nil }
    defer { reader.absorb(user) }

    let name = user.templatedString("name", whole: .iamName, part: .iamNamePart)
    if let name {
        user.report(name, invalid: "IAM user name", rule: .userName, IAMNameRules.nameProblems(name.sample))
    } else if user.fields["name"] == nil {
        user.reportMissing("name", because: Message.forUserGrants)
    }
    let path = user.string("path")
    if let (text, node) = path { user.report(node, invalid: "IAM path", rule: .iamPath, IAMNameRules.pathProblems(text)) }
    let boundary = user.string("permissionsBoundary")
    if let (text, node) = boundary {
        user.report(node, invalid: "permissions boundary", rule: .permissionsBoundary, RoleRules.boundaryProblems(text, partition: partition))
    }
    let tags = readTags(&user)

    guard let name else { return nil }
    return UserSettings(
        name: name.value, path: path?.value ?? "/", permissionsBoundary: boundary?.value,
        policyName: destinationName ?? name.value, tags: tags)
}
