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
    var failed = false
    for (text, node) in entries {
        switch PrincipalRules.normalise(text, partition: partition) {
        case .success(let arn):
            if principals.contains(arn) {
                reader.warn(node, Message.duplicatePrincipal)
            } else {
                principals.append(arn)
            }
        case .failure(let problem):
            reader.report(node, problem.message, hint: problem.hint)
            failed = true
        }
    }
    return failed ? nil : principals
}
