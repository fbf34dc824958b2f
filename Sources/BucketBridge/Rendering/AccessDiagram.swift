/// The path of the access as a Mermaid flowchart, drawn from the access summary: the vendor's
/// principals → (external ID) → the role → actions → the objects, the bucket, the KMS key.
func accessDiagram(_ summary: AccessSummary) -> MermaidFlowchart {
    var chart = MermaidFlowchart()
    // Node identifiers of the principals: `p0`, `p1`, ...
    let principalIds = summary.principals.indices.map { "p" + String($0) }
    for (id, principal) in zip(principalIds, summary.principals) {
        chart.addNode(id, label: summary.vendor, ": ", principal.arn, rounded: true)
    }
    let grantee: String
    if summary.route == .user, let user = summary.user {
        grantee = "user"
        chart.addNode("vendor", label: summary.vendor, ", with an access key", rounded: true)
        chart.addNode(grantee, label: "IAM user ", user.name, " in your account")
        chart.addEdge(from: "vendor", to: grantee, label: "long-term access key")
    } else if summary.route.assumesRole, let role = summary.role {
        grantee = "role"
        chart.addNode(grantee, label: "role ", role.name, " in your account")
        for id in principalIds {
            if let externalId = summary.externalId {
                chart.addEdge(from: id, to: grantee, label: "sts:AssumeRole with external ID ", externalId)
            } else {
                chart.addEdge(from: id, to: grantee, label: "sts:AssumeRole")
            }
        }
    } else {
        grantee = "policy"
        chart.addNode(grantee, label: "bucket policy of ", summary.location.bucket)
        for id in principalIds { chart.addEdge(from: id, to: grantee, label: "named directly, no external ID") }
    }
    // At most three targets (objects, bucket, key), in the order first met, each with the
    // resources of its first capability and the actions of all.
    var targets: [(id: String, resources: [String], actions: [String])] = []
    targets.reserveCapacity(3)
    for capability in summary.capabilities {
        let id: String
        switch capability.kind {
        case .useKMSKey: id = "key"
        case .listKeys, .listMultipartUploads, .readBucketSettings, .changeBucketSettings, .changeBucketPermissions: id = "bucket"
        default: id = "objects"
        }
        if let index = targets.firstIndex(where: { $0.id == id }) {
            targets[index].actions += capability.actions
        } else {
            targets.append((id, capability.resources, capability.actions))
        }
    }
    let location = summary.location
    for target in targets {
        switch target.id {
        case "key": chart.addNode(target.id, label: "KMS key ", listing: target.resources)
        case "bucket": chart.addNode(target.id, label: "bucket ", location.bucket)
        default:
            if location.prefix.isEmpty {
                chart.addNode(target.id, label: "every object in ", location.bucket)
            } else {
                chart.addNode(target.id, label: "objects under s3://", location.bucket, "/", location.prefix)
            }
        }
        chart.addEdge(from: grantee, to: target.id, listing: target.actions)
    }
    return chart
}
