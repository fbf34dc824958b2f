/// The path of the access as a Mermaid flowchart, drawn from the access summary: the vendor's
/// principals → (external ID) → the role → actions → the objects, the bucket, the KMS key.
func accessDiagram(_ summary: AccessSummary) -> MermaidFlowchart {
    var nodes: [MermaidFlowchart.Node] = []
    var edges: [MermaidFlowchart.Edge] = []
    for (index, principal) in summary.principals.enumerated() {
        nodes.append(.init(id: "p\(index)", label: "\(summary.vendor): \(principal.arn)", rounded: true))
    }
    let grantee: String
    if summary.route == .user, let user = summary.user {
        grantee = "user"
        nodes.append(.init(id: "vendor", label: "\(summary.vendor), with an access key", rounded: true))
        nodes.append(.init(id: grantee, label: "IAM user \(user.name) in your account"))
        edges.append(.init(from: "vendor", to: grantee, label: "long-term access key"))
    } else if summary.route.assumesRole, let role = summary.role {
        grantee = "role"
        nodes.append(.init(id: grantee, label: "role \(role.name) in your account"))
        let label = summary.externalId.map { "sts:AssumeRole with external ID \($0)" } ?? "sts:AssumeRole"
        for index in summary.principals.indices { edges.append(.init(from: "p\(index)", to: grantee, label: label)) }
    } else {
        grantee = "policy"
        nodes.append(.init(id: grantee, label: "bucket policy of \(summary.location.bucket)"))
        for index in summary.principals.indices { edges.append(.init(from: "p\(index)", to: grantee, label: "named directly, no external ID")) }
    }
    // At most three targets (objects, bucket, key), in the order first met.
    var targets: [(id: String, label: String, actions: [String])] = []
    for capability in summary.capabilities {
        let (id, label): (String, String)
        switch capability.kind {
        case .useKMSKey: (id, label) = ("key", "KMS key " + capability.resources.joined(separator: ", "))
        case .listKeys, .listMultipartUploads, .readBucketSettings, .changeBucketSettings, .changeBucketPermissions:
            (id, label) = ("bucket", "bucket " + summary.location.bucket)
        default:
            (id, label) = ("objects", summary.location.prefix.isEmpty ? "every object in " + summary.location.bucket : "objects under " + summary.location.s3Uri)
        }
        if let index = targets.firstIndex(where: { $0.id == id }) {
            targets[index].actions += capability.actions
        } else {
            targets.append((id, label, capability.actions))
        }
    }
    for target in targets {
        nodes.append(.init(id: target.id, label: target.label))
        edges.append(.init(from: grantee, to: target.id, label: target.actions.joined(separator: ", ")))
    }
    return MermaidFlowchart(nodes: nodes, edges: edges)
}
