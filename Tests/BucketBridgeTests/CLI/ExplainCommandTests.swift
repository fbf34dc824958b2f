import Foundation
import Testing

@testable import BucketBridge

/// `bucketbridge explain`: what it says agrees with the IAM JSON `render` writes, in both formats.
struct ExplainCommandTests {
    /// The rendered IAM JSON files of every example, by destination name and file name.
    static func renderedPolicies() throws -> [String: [String: JSONValue]] {
        let out = try renderIntoTemporaryFolder(try exampleSpecPaths())
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        var policies: [String: [String: JSONValue]] = [:]
        for folder in try destinationFolders(in: out) {
            for file in try FileManager.default.contentsOfDirectory(atPath: folder + "/iam") {
                let text = try String(contentsOfFile: folder + "/iam/" + file, encoding: .utf8)
                policies[(folder as NSString).lastPathComponent, default: [:]][file] = try #require(parseJSONValue(text))
            }
        }
        return policies
    }

    /// The actions the `Allow` statements of a document grant.
    static func allowedActions(_ document: JSONValue?) -> Set<String> {
        guard case .array(let statements)? = document?["Statement"] else { return [] }
        var actions: Set<String> = []
        for statement in statements where statement["Effect"] == "Allow" {
            switch statement["Action"] {
            case .string(let action)?: actions.insert(action)
            case .array(let list)?: for case .string(let action) in list { actions.insert(action) }
            default: break
            }
        }
        return actions
    }

    @Test func jsonNamesExactlyTheGrantedActionsAndPrincipals() throws {
        let result = run(["explain"] + (try exampleSpecPaths()) + ["--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        let document = try #require(parseJSONValue(result.output))
        #expect(document["formatVersion"] == 1)
        guard case .array(let destinations)? = document["destinations"] else { throw TestFailure("no destinations") }
        let policies = try Self.renderedPolicies()
        #expect(destinations.count == policies.count)
        for destination in destinations {
            guard case .string(let name)? = destination["destination"], let files = policies[name] else {
                throw TestFailure("unknown destination in \(destination)")
            }
            let granting = files["permissions-policy.json"] ?? files["bucket-policy.json"]
            guard case .array(let can)? = destination["can"] else { throw TestFailure("\(name): no can") }
            var named: Set<String> = []
            for capability in can {
                guard case .array(let actions)? = capability["actions"], case .string(let text)? = capability["text"] else {
                    throw TestFailure("\(name): malformed capability \(capability)")
                }
                for case .string(let action) in actions {
                    named.insert(action)
                    #expect(text.contains(action), "\(name): \"\(text)\" does not name \(action)")
                }
            }
            #expect(named == Self.allowedActions(granting), "\(name)")
            let trust = files["trust-policy.json"]
            if let trust {
                #expect(destination["route"] != "bucket-policy")
                let principals = encodeCompactJSON(trust)
                guard case .array(let who)? = destination["who"]?["principals"] else { throw TestFailure("\(name): no principals") }
                for principal in who {
                    guard case .string(let arn)? = principal["arn"] else { continue }
                    #expect(principals.contains("\"\(arn)\""), "\(name): \(arn) is not trusted by the trust policy")
                }
                guard case .string(let externalId)? = destination["who"]?["externalId"] else { throw TestFailure("\(name): no external ID") }
                #expect(principals.contains("\"sts:ExternalId\":\"\(externalId)\""), "\(name)")
            } else {
                #expect(destination["route"] == "bucket-policy")
                #expect(destination["who"]?["externalId"] == .null)
            }
            guard case .array(let cannot)? = destination["cannot"] else { throw TestFailure("\(name): no cannot") }
            let kinds = cannot.compactMap { entry -> String? in if case .string(let kind)? = entry["kind"] { kind } else { nil } }
            let granted = Self.allowedActions(granting)
            #expect(kinds.contains("list-keys") == !granted.contains("s3:ListBucket"), "\(name)")
            #expect(kinds.contains("read-objects") == !granted.contains("s3:GetObject"), "\(name)")
            #expect(kinds.contains("write-objects") == !granted.contains("s3:PutObject"), "\(name)")
            #expect(kinds.contains("delete-objects") == !granted.contains("s3:DeleteObject"), "\(name)")
            #expect(kinds.contains("other-buckets"), "\(name)")
        }
    }

    @Test func textSaysWhoCanAndCannot() throws {
        let spec = try #require(try exampleSpecPaths().first { $0.hasSuffix("sequentum-cloud.json") })
        let result = run(["explain", spec])
        #expect(result.status == 0, "\(result.errors)")
        let text = result.output
        for line in [
            "acme-sequentum-daily (\(spec))",
            "    Sequentum Cloud assumes the role SequentumS3Access in your account, presenting the external ID seq_p8OgYZNm_anQEaOZ8-mMn, as one of the principals below.",
            "    - the IAM role sequentum-upload-qa in account 280772890673: arn:aws:iam::280772890673:role/sequentum-upload-qa",
            "    - upload objects under s3://acme-data/sequentum/daily/ (s3:PutObject)",
            "    - set the ACLs of objects under s3://acme-data/sequentum/daily/ (s3:PutObjectAcl)",
            "    - Sequentum Cloud cannot list the keys in the bucket acme-data.",
            "    - Sequentum Cloud cannot download objects.",
            "    - Sequentum Cloud cannot delete objects.",
            "    - Sequentum Cloud cannot touch any object outside sequentum/daily/ in the bucket.",
            "    - Sequentum Cloud cannot use any other bucket.",
        ] {
            #expect(text.components(separatedBy: "\n").contains(line), "missing line: \(line)\n\(text)")
        }
        #expect(!text.contains("list the keys that start"), "a write-only grant must not claim listing")
    }

    @Test func textShowsPlaceholdersAsTheSpecWritesThem() throws {
        let spec = repositoryRoot.appendingPathComponent("examples/docs/sequentum-bucket-policy.json").path
        let result = run(["explain", spec])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.components(separatedBy: "\n").contains("    s3://<BUCKET>/<FOLDER>/ in us-east-1"), "\(result.output)")
        #expect(!result.output.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) }, "a private-use character in: \(result.output)")
    }

    @Test func invalidSpecsAndUnknownFormatsFail() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFile(folder + "/bad.json", specJSON(["bucket": #""Bad_Bucket""#]))
        let invalid = run(["explain", folder + "/bad.json"])
        #expect(invalid.status == 1)
        #expect(invalid.output.isEmpty)
        #expect(invalid.errors.contains("destinations[0].bucket: \"Bad_Bucket\""))
        #expect(run(["explain", folder + "/missing.json"]).status == 2)
        #expect(run(["explain", try exampleSpecPaths()[0], "--format", "yaml"]).status == 2)
    }
}
