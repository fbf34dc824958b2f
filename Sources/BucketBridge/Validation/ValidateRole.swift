/// Reads the `role` object of a role grant and checks every setting by IAM's rules.
func validateRole(
    _ reader: inout FieldReader, grant: Grant, partition: Partition, destinationName: String?,
    description: String?, vendor: String?, bucket: String?, prefix: String
) -> RoleSettings? {
    guard reader.fields["role"] != nil else {
        if grant.hasRole { reader.reportMissing("role", because: Message.forRoleGrants) }
        return nil
    }
    if !grant.hasRole {
        // Ignored when inherited from `defaults`; written on the destination, a mistake.
        if grant == .user, let node = reader.fields["role"], node.path.components.first == .key("destinations") {
            reader.report(node, Message.notForUserGrants)
        }
        return nil
    }
    guard var role = reader.object("role") else { return nil }
    defer { reader.absorb(role) }

    let namePrefix = role.string("namePrefix")
    if let (text, node) = namePrefix, !text.isEmpty {
        role.report(node, invalid: "role name prefix", rule: .roleNamePrefix, CharacterRules.notAllowedPhrase(in: text, allowed: CharacterRules.isIAMName).map { [$0] } ?? [])
    }
    let name = role.templatedString("name", whole: .iamName, part: .iamNamePart)
    if let name {
        role.report(name, invalid: "IAM role name", rule: .roleName, IAMNameRules.nameProblems(name.sample))
        // A name that starts with a placeholder is checked when the value is supplied.
        let literalStart = PlaceholderText.parts(name.value).first.map { if case .text = $0 { true } else { false } } ?? true
        if let required = namePrefix?.value, literalStart, !name.value.hasPrefix(required) {
            role.report(name, Message.missingNamePrefix(required), hint: Message.didYouMean(required + PlaceholderText.display(name.value)))
        }
    } else if grant.hasRole, role.fields["name"] == nil {
        role.reportMissing("name", because: Message.forRoleGrants)
    }

    let path = role.string("path")
    if let (text, node) = path { role.report(node, invalid: "IAM path", rule: .iamPath, IAMNameRules.pathProblems(text)) }

    let accountId = role.templatedString("accountId", whole: .accountId, part: .accountId)
    if let accountId, !CharacterRules.isAccountID(accountId.sample) {
        role.report(accountId, PlaceholderText.parts(accountId.value).count > 1 ? Message.partialAccountPlaceholder : Message.notAccountID)
    } else if accountId == nil, role.fields["accountId"] == nil, grant == .roleAndBucketPolicy {
        role.reportMissing("accountId", because: Message.forRoleAndBucketPolicy)
    }

    let duration = role.integer("maxSessionDuration")
    if let (value, node) = duration, !RoleRules.sessionDurationRange.contains(value) {
        role.report(node, Message.sessionDurationRange)
    }

    let boundary = role.string("permissionsBoundary")
    if let (text, node) = boundary {
        role.report(node, invalid: "permissions boundary", rule: .permissionsBoundary, RoleRules.boundaryProblems(text, partition: partition))
    }

    let policyType = role.choice("policyType", as: PolicyType.self) ?? .inline
    let policyName = role.string("policyName")
    if let (text, node) = policyName {
        role.report(node, invalid: "policy name", rule: .policyName, IAMNameRules.nameProblems(text, maximum: RoleRules.maximumPolicyNameLength))
    }

    let tags = readTags(&role)
    let roleDescription = description ?? defaultRoleDescription(vendor: vendor, bucket: bucket ?? "", prefix: prefix)

    guard let name else { return nil }
    return RoleSettings(
        name: name.value, namePrefix: namePrefix?.value ?? "", path: path?.value ?? "/",
        accountId: accountId?.value, maxSessionDuration: duration?.value ?? 3600,
        permissionsBoundary: boundary?.value, policyName: policyName?.value ?? destinationName ?? name.value, policyType: policyType,
        description: roleDescription, tags: tags)
}

/// Reads `tags` of a role or user (an object of strings) and checks IAM's tag rules.
func readTags(_ role: inout FieldReader) -> [(key: String, value: String)] {
    guard let tagsReader = role.object("tags") else { return [] }
    var tags: [(key: String, value: String)] = []
    // By lowercased key: IAM tag keys ignore case.
    var seen = SeenKeys()
    for member in tagsReader.fields.members {
        let (key, node) = (member.key, member.node)
        guard case .string(let text) = node.value else {
            role.report(node, Message.mustBe("a string"))
            continue
        }
        guard let templated = role.templated(text, node: node, sample: { sampled($0, whole: .tagValue, part: .tagValue) }) else { continue }
        let value = templated.value
        let keyProblems = TagRules.keyProblems(key)
        if !keyProblems.isEmpty {
            role.diagnostics.error(at: node.location, path: node.path, value: .string(key), Message.notValid(.tagKey, "tag key", keyProblems))
        }
        role.report(templated, invalid: "tag value", rule: .tagValue, TagRules.valueProblems(templated.sample))
        if let first = seen.record(key.lowercased(), at: node) {
            role.report(node, Message.duplicateTagKey(first.location))
        }
        tags.append((key, value))
    }
    if tags.count > TagRules.maximumCount, let node = role.fields["tags"] {
        role.report(node, Message.tooManyTags(tags.count))
    }
    return tags
}

/// The role description used when the spec gives none. It always satisfies IAM's description
/// rules: a prefix with characters IAM descriptions do not allow is left out.
func defaultRoleDescription(vendor: String?, bucket: String, prefix: String) -> String {
    let who = vendor ?? "the vendor"
    let full = "Lets \(who) access s3://\(bucket)/\(prefix) (generated by bucketbridge)"
    if RoleRules.descriptionProblems(PlaceholderText.display(full)).isEmpty { return full }
    return "Lets \(who) access a prefix of s3://\(bucket) (generated by bucketbridge)"
}
