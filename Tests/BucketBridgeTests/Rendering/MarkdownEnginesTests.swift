import Foundation
import Testing

@testable import BucketBridge

/// The customer README renders the same in CommonMark (GitHub, GitLab, markdown-it) and in
/// Python-Markdown (MkDocs): lists, their nesting and numbering, code blocks, quotes and text,
/// compared by `scripts/markdown-structure`.
@Suite(.enabled(if: markdownEnginesAvailable, Comment(rawValue: markdownEnginesHint)))
struct MarkdownEnginesTests {
    @Test func everyExampleAndTheHostileREADMERenderTheSame() throws {
        let out = try renderIntoTemporaryFolder(try exampleSpecPaths())
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        let readmes = try destinationFolders(in: out).map { $0 + "/README.md" } + [try renderedHostile.get().folder("hostile") + "/README.md"]
        let script = repositoryRoot.appendingPathComponent("scripts/markdown-structure").path
        let result = try runProcess("python3", [script] + readmes)
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.components(separatedBy: "same in CommonMark and Python-Markdown").count == readmes.count + 1, "\(result.output)")
    }

    @Test func theCheckCatchesACodeBlockInsideANumberedList() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFile(folder + "/broken.md", "1. Paste:\n\n    ```json\n    {}\n    ```\n\n2. Next\n")
        try writeFile(folder + "/nested.md", "- a\n  - b\n")
        let script = repositoryRoot.appendingPathComponent("scripts/markdown-structure").path
        #expect(try runProcess("python3", [script, folder + "/broken.md"]).status == 1)
        #expect(try runProcess("python3", [script, folder + "/nested.md"]).status == 1)
    }

    @Test func valuesToCopyAreCodeSpansWithoutBackslashes() throws {
        let out = try renderIntoTemporaryFolder(try exampleSpecPaths())
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        let folders = try destinationFolders(in: out)
        let shownByPath = try shownMarkdown(folders.map { $0 + "/README.md" })
        for folder in folders {
            let readme = try String(contentsOfFile: folder + "/README.md", encoding: .utf8)
            for escaped in ["\\-", "\\.", "\\_", "\\:"] {
                #expect(!readme.contains(escaped), "\(folder): \(escaped) in the raw README")
            }
            let shown = try #require(shownByPath[folder + "/README.md"], "\(folder): the Markdown engines did not read its README")
            #expect(shown.commonMark == shown.pythonMarkdown, "\(folder)")
            let iam = try FileManager.default.contentsOfDirectory(atPath: folder + "/iam")
            for file in iam {
                let policy = try #require(parseJSONValue(try String(contentsOfFile: folder + "/iam/" + file, encoding: .utf8)))
                for value in principalStrings(policy) where value.hasPrefix("arn:") {
                    #expect(shown.commonMark.codes.contains(value), "\(folder): the principal \(value) is not shown as code")
                }
            }
        }
    }
}

/// Every string under a `Principal` key of a policy.
func principalStrings(_ value: JSONValue) -> [String] {
    func strings(_ value: JSONValue) -> [String] {
        switch value {
        case .string(let text): [text]
        case .array(let values): values.flatMap(strings)
        case .object(let members): members.flatMap { strings($0.value) }
        default: []
        }
    }
    switch value {
    case .array(let values): return values.flatMap(principalStrings)
    case .object(let members): return members.flatMap { $0.key == "Principal" ? strings($0.value) : principalStrings($0.value) }
    default: return []
    }
}
