import Foundation
import Testing

@testable import BucketBridge

/// The customer README of each example tells the customer what to send back, with the
/// examples' literal values.
@Suite("Customer README")
struct CustomerReadmeTests {
    /// "What to send back" names the role ARN (when the account is known), the external ID,
    /// the bucket, the prefix and the KMS key, each as a code span to copy.
    @Test func whatToSendBackNamesEverythingTheVendorNeeds() throws {
        let rendered = try renderedExamples.get()
        for expected in exampleGrants {
            let readme = try String(contentsOfFile: rendered.folder(expected.name) + "/README.md", encoding: .utf8)
            let section = try #require(markdownSection(readme, startingWith: "## What to send back"), "\(expected.name): no \"What to send back\" section")
            var values = [expected.bucket]
            values += [expected.externalId, expected.roleArn, expected.kmsKeyArn].compactMap { $0 }
            if !expected.prefix.isEmpty { values.append(expected.prefix) }
            for value in values {
                #expect(section.contains("`\(value)`"), "\(expected.name): \"What to send back\" does not name `\(value)`:\n\(section)")
            }
            if !expected.hasRole {
                #expect(!section.contains("external ID") && !section.contains("role ARN"), "\(expected.name): a role to send back without a role:\n\(section)")
            }
        }
    }

    /// The lines from the heading that starts with `heading` to the next `## ` heading.
    func markdownSection(_ text: String, startingWith heading: String) -> String? {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { return nil }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n")
    }
}
