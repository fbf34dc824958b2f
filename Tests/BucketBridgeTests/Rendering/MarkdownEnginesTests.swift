import Foundation
import Testing

@testable import BucketBridge

/// The customer README renders the same in CommonMark (GitHub, GitLab, markdown-it) and in
/// Python-Markdown (MkDocs): lists, their nesting and numbering, code blocks, quotes and text,
/// compared by `scripts/markdown-structure`.
@Suite(.enabled(if: markdownEnginesAvailable, Comment(rawValue: markdownEnginesHint)))
struct MarkdownEnginesTests {
    /// The examples (with `variantsSpec`, as the format tests render them once) and the hostile spec.
    @Test func everyExampleAndTheHostileREADMERenderTheSame() throws {
        let readmes = try sharedReadmePaths()
        let script = repositoryRoot.appendingPathComponent("scripts/markdown-structure").path
        let result = try runProcess(python3Interpreter, [script] + readmes)
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.components(separatedBy: "same in CommonMark and Python-Markdown").count == readmes.count + 1, "\(result.output)")
    }

    @Test func theCheckCatchesACodeBlockInsideANumberedList() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeFile(folder + "/broken.md", "1. Paste:\n\n    ```json\n    {}\n    ```\n\n2. Next\n")
        try writeFile(folder + "/nested.md", "- a\n  - b\n")
        let script = repositoryRoot.appendingPathComponent("scripts/markdown-structure").path
        // One run for both (it reports each file on a line of its own): each is caught.
        let result = try runProcess(python3Interpreter, [script, folder + "/broken.md", folder + "/nested.md"])
        #expect(result.status == 1)
        for file in ["broken.md", "nested.md"] {
            #expect(result.output.contains(folder + "/" + file + ": renders differently at "), "\(file) not caught:\n\(result.output)\(result.errors)")
            #expect(!result.output.contains(folder + "/" + file + ": same in"), "\(file) not caught:\n\(result.output)")
        }
    }

    /// The examples, with `variantsSpec` (as the format tests render them once).
    @Test func valuesToCopyAreCodeSpansWithoutBackslashes() throws {
        let examples = try renderedExamples.get()
        let folders = examples.expected.map { examples.folder($0.name) }
        let shownByPath = try shownSharedReadmes.get()
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
