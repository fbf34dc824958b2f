/// Reads `trustedPrincipals` and returns them as full ARNs, without duplicates.
func resolvePrincipals(_ reader: inout FieldReader, partition: Partition) -> [String]? {
    guard let (entries, listNode) = reader.strings("trustedPrincipals") else {
        if reader.fields["trustedPrincipals"] == nil { reader.reportMissing("trustedPrincipals") }
        return nil
    }
    if entries.isEmpty {
        reader.report(listNode, Message.noPrincipals)
        return nil
    }
    var principals: [String] = []
    var listed = SeenKeys()
    var failed = false
    for (text, node) in entries {
        guard let principal = reader.templated(text, node: node, sample: {
            sampledARN($0, whole: .principal, resource: .principalName, account: .principalAccount, what: "a trusted principal")
        }) else {
            failed = true
            continue
        }
        if principal.hasPlaceholders || !principal.setBy.isEmpty {
            // Checked with samples in the placeholders' places; kept as written.
            if case .failure(let problem) = PrincipalRules.normalise(principal.sample, partition: partition) {
                reader.report(principal, problem.message, hint: problem.hint)
                failed = true
            } else if listed.record(principal.value, at: node) != nil {
                reader.warn(node, Message.duplicatePrincipal)
            } else {
                principals.append(principal.hasPlaceholders ? principal.value : principalARN(principal.value, partition: partition))
            }
            continue
        }
        switch PrincipalRules.normalise(text, partition: partition) {
        case .success(let arn):
            if listed.record(arn, at: node) == nil {
                principals.append(arn)
            } else {
                reader.warn(node, Message.duplicatePrincipal)
            }
        case .failure(let problem):
            reader.report(node, problem.message, hint: problem.hint)
            failed = true
        }
    }
    return failed ? nil : principals
}

/// A valid principal as a full ARN (a bare account id becomes the account's root).
private func principalARN(_ text: String, partition: Partition) -> String {
    if case .success(let arn) = PrincipalRules.normalise(text, partition: partition) { return arn }
    return text
}
