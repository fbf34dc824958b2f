extension SummaryContext {
    /// What the customer must know beyond the grants, derived from the capabilities and principals.
    /// `bucketWideActions` are the granted actions a prefix cannot limit (`grantedS3Actions(of:)`).
    func notes(given capabilities: [Capability], bucketWideActions: [String], vendor: String, destination: Destination) -> [AccessNote] {
        var notes: [AccessNote] = []
        for principal in principals where principal.kind == .session {
            notes.append(AccessNote(
                kind: .sessionName,
                phrase: .text("The trust policy trusts only the session ") + .code(principal.sessionName ?? "")
                    + .text(" of \(vendor)'s role ") + .code(principal.name ?? "")
                    + .text(": it must be exactly the session name set in \(vendor), character for character. A session with any other name is refused.")))
        }
        if !location.prefix.isEmpty {
            // The same actions `resolveActions` warns about: bucket-level, without `s3:prefix`.
            let actions = bucketWideActions
            if !actions.isEmpty {
                notes.append(AccessNote(
                    kind: .wholeBucketAction,
                    phrase: .list(actions.map(Phrase.code)) + .text(" cannot be limited to the prefix ") + .code(location.prefix) + .text(": ")
                        + .text(actions.count == 1 ? "it applies" : "they apply") + .text(" to the whole bucket ") + .code(location.bucket) + "."))
            }
        }
        if let acl = capabilities.first(where: { $0.kind == .changeObjectACLs }) {
            notes.append(AccessNote(
                kind: .objectACLs,
                phrase: .list(acl.actions.map(Phrase.code)) + .text(" lets \(vendor) set the ACL of objects. Buckets created since April 2023 have ACLs disabled (Object Ownership \"Bucket owner enforced\"): there, uploads with no ACL or ")
                    + .code("bucket-owner-full-control") + .text(" succeed, any other ACL fails with ") + .code("AccessControlListNotSupported")
                    + .text(", and you own every object. Keep it that way unless \(vendor) tells you otherwise.")))
        }
        if route == .bucketPolicy, let key = destination.kmsKeyArn {
            let who = capitalizingFirstCharacter(vendor)
            let needed = kmsActions(for: destination.actions)
            let actions = needed + destination.extraKMSActions
            if !actions.isEmpty {
                notes.append(AccessNote(
                    kind: .kmsKeyPolicyNeeded,
                    phrase: .text("The bucket's objects are encrypted with the KMS key ") + .code(key)
                        + .text(", and a bucket policy cannot grant the use of a KMS key. \(who) can only read or write those objects once the key's own policy allows the principals above ")
                        + kmsActionsPhrase(actions, needed: needed, vendor: vendor)
                        + .text(", and nothing else, and \(vendor)'s own IAM policies allow the same on the key.")))
            }
        }
        return notes
    }
}
