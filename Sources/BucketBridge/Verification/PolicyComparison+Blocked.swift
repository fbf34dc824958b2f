extension PolicyComparison {
    /// A `Deny` statement must not apply to any request the destination's access needs. One
    /// finding per statement lists the actions it blocks; a `Deny` whose conditions depend on
    /// keys bucketbridge cannot know (`aws:SourceIp`) is reported as one that may block.
    mutating func findBlocked() {
        let required = access.requiredRequests(kind)
        for deny in observed.policy.denies {
            var blocked: [String] = []
            var partly: [String] = []
            var uncertain: [String] = []
            var keys: Set<String> = []
            for request in required {
                let label = describeBlocked(request)
                switch deny.coverage(of: request).overall {
                case .all: append(label, to: &blocked)
                case .some: append(label, to: &partly)
                case .unknown(let unknownKeys):
                    append(label, to: &uncertain)
                    keys.formUnion(unknownKeys)
                case .none: break
                }
            }
            let value = deny.sid
            if !blocked.isEmpty { report(.blocked, at: deny.origin, value: value, VerificationMessage.denyBlocks(blocked, partly: false)) }
            if !partly.isEmpty { report(.blocked, at: deny.origin, value: value, VerificationMessage.denyBlocks(partly, partly: true)) }
            if !uncertain.isEmpty {
                report(.blocked, at: deny.origin, value: value, VerificationMessage.denyMayBlock(uncertain, keys: keys.sorted()), uncertain: true)
            }
        }
    }

    /// Every `Deny` the spec writes (the TLS deny of `requireTls`) must be in the document,
    /// as wide: for everyone, every action and resource it names, under the same condition.
    mutating func findMissingDenies() {
        for deny in expected.denies {
            let requests = access.requests(of: deny)
            guard !requests.allSatisfy({ observed.policy.fullyCovers($0, effect: .deny) }) else { continue }
            let isTLS = deny.conditions.contains { $0.normalisedKey == "aws:securetransport" }
            report(.broader, at: nil, value: deny.sid, isTLS ? VerificationMessage.missingTLSDeny : VerificationMessage.missingDeny)
        }
    }

    private func describeBlocked(_ request: RequestClass) -> String {
        [request.action, request.resource.map { "on \($0)" }].compactMap { $0 }.joined(separator: " ")
    }

    private func append(_ label: String, to list: inout [String]) {
        if !list.contains(label) { list.append(label) }
    }
}
