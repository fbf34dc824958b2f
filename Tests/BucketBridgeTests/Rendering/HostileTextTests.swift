import Foundation
import Testing

@testable import BucketBridge

/// Free text as nasty as the spec's rules allow (`HostileSpec`: description, vendor, tags, role
/// name and path, prefix) comes out of every format exactly, injects nothing, and keeps every
/// linter quiet.
@Suite("Hostile text in every format")
struct HostileTextTests {
    /// Guards the fixture itself: it validates, and holds everything the escapes must survive.
    @Test func theSpecIsValidAndHostile() throws {
        let check = validate(HostileSpec.json, file: "hostile.json")
        #expect(errorLines(check.diagnostics).isEmpty, "\(errorLines(check.diagnostics))")
        #expect(check.destinations.count == 1)
        let description = HostileSpec.description
        for needle in [
            "\"", "'", "\\", "$(touch PWNED)", "`touch PWNED`", "${x}", "%{if x}", "# ", ": ", "- ", "*_[]<>|", "</details>",
            "{{ x }}", "{% if %}", "\r\n", "\t", "é",
        ] {
            #expect(description.contains(needle), "description lacks \(needle.debugDescription)")
        }
        #expect(description.hasPrefix("# heading\r\n"))
        #expect(description.unicodeScalars.contains { $0 == "\n" } && description.unicodeScalars.contains { $0 == "\r" })
        #expect(!HostileSpec.vendor.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0 == "\t" })
        #expect(try renderedHostile.get().expected.first?.role?.tags.count == HostileSpec.tags.count)
    }

    @Test(.enabled(if: ExternalTool.available(.python3), ExternalTool.skipMessage(.python3)))
    func cloudFormationCarriesTheTextExactly() throws {
        let rendered = try renderedHostile.get()
        // The role's Description and Tags (byte for byte), name, path and policies.
        try expectCloudFormationMatches(rendered)
        let template = try #require(try parsedCloudFormation.get()[rendered.folder("hostile") + "/cloudformation/template.yaml"])
        guard case .array(let tags)? = template["Resources"]?["Role"]?["Properties"]?["Tags"] else {
            Issue.record("no Tags list")
            return
        }
        let found = tags.map { [$0["Key"].flatMap(stringValue), $0["Value"].flatMap(stringValue)] }
        let expected = HostileSpec.tags.map { [Optional($0.key), Optional($0.value)] }
        #expect(found.count == expected.count && zip(found, expected).allSatisfy { zip($0, $1).allSatisfy(sameBytes) }, "\(found) is not \(expected)")
    }

    @Test(.enabled(if: ExternalTool.available(.terraform), ExternalTool.skipMessage(.terraform)))
    func terraformCarriesTheTextExactly() throws {
        // var.role_description and var.tags byte for byte, the policies, and terraform validate.
        try expectTerraformMatches(try renderedHostile.get(), try renderedTerraform.get())
    }

    /// What setup.sh passes to the AWS CLI (a stub `aws`; no network): the description, role
    /// name, path and policies arrive byte for byte, and nothing in the text runs: no `PWNED`
    /// file anywhere and the script's working directory stays empty.
    @Test(.enabled(if: ExternalTool.available(.bash, .jq), ExternalTool.skipMessage(.bash, .jq)))
    func setupScriptPassesTheTextAndRunsNothing() throws {
        let rendered = try renderedHostile.get()
        let destination = try #require(rendered.expected.first)
        let run = try expectSetupScriptMatches(rendered, destination)
        for root in [run.folder, rendered.out, formatScratch] {
            #expect(findFiles(named: "PWNED", under: root).isEmpty, "text from the spec ran a command: PWNED under \(root)")
        }
        let here = FileManager.default.currentDirectoryPath + "/PWNED"
        #expect(!FileManager.default.fileExists(atPath: here), "text from the spec ran a command: \(here)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.workingDirectory).isEmpty, "setup.sh left files in its working directory")
        #expect(run.result.output.contains(HostileSpec.vendor), "the vendor name is not printed as it is:\n\(run.result.output)")
        #expect(run.result.output.contains(HostileSpec.prefix), "the prefix is not printed as it is:\n\(run.result.output)")
        let create = try #require(run.calls("iam", "create-role").first)
        #expect(sameBytes(optionValue("--description", in: create), HostileSpec.description))
        #expect(sameBytes(optionValue("--path", in: create), HostileSpec.rolePath))
        #expect(sameBytes(optionValue("--role-name", in: create), HostileSpec.roleName))
    }

    /// The README shows the description as text: no line starts a heading, list or quote the
    /// template did not write, dangerous Markdown characters are escaped, and with the escapes
    /// removed it reads back as the original (line breaks as spaces). The vendor name likewise.
    @Test func readmeShowsTheTextAsText() throws {
        let rendered = try renderedHostile.get()
        let readme = try String(contentsOfFile: rendered.folder("hostile") + "/README.md", encoding: .utf8)
        #expect(!readme.unicodeScalars.contains("\r"), "a CR in the README is a line break")
        let lines = readme.components(separatedBy: "\n")

        // Headings: only those the template writes.
        let template = try String(contentsOf: repositoryRoot.appendingPathComponent("templates/README.md"), encoding: .utf8)
        let headingPrefixes = template.components(separatedBy: "\n").filter { $0.hasPrefix("#") }
            .map { $0.prefix { $0 != "{" } }.map(String.init)
        #expect(!headingPrefixes.isEmpty)
        for line in lines where line.drop(while: { $0 == " " }).hasPrefix("#") {
            #expect(headingPrefixes.contains { line.hasPrefix($0) }, "a heading the template did not write: \(line)")
        }
        // No line of the description starts a line of the README.
        let fragments = HostileSpec.description.components(separatedBy: CharacterSet(charactersIn: "\r\n"))
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for line in lines {
            let start = line.trimmingCharacters(in: .whitespaces)
            for fragment in fragments where start.hasPrefix(fragment) {
                Issue.record("a line of the description starts a README line: \(line)")
            }
        }

    }

    /// What both Markdown engines show: the description (quoted, and as the console's value to
    /// copy) and the vendor in the title, exactly.
    @Test(.enabled(if: markdownEnginesAvailable, Comment(rawValue: markdownEnginesHint)))
    func readmeShowsTheTextExactlyInBothEngines() throws {
        let rendered = try renderedHostile.get()
        let shown = try #require(try shownSharedReadmes.get()[rendered.folder("hostile") + "/README.md"], "the Markdown engines did not read the README")
        #expect(shown.commonMark == shown.pythonMarkdown)
        let flattened = flattenLineBreaks(HostileSpec.description)
        for (engine, text) in [("CommonMark", shown.commonMark), ("Python-Markdown", shown.pythonMarkdown)] {
            #expect(text.quotes.count == 1, "\(engine): \(text.quotes)")
            #expect(text.quotes.first.map { sameBytes($0, flattened) } == true,
                "\(engine): the quoted description reads back as \(text.quotes.first?.debugDescription ?? "nothing")")
            #expect(text.body.contains("For Description, enter \(flattened)."), "\(engine): the console's description is not shown exactly")
            for tag in HostileSpec.tags {
                #expect(text.body.contains("\(tag.key) = \(tag.value.isEmpty ? "(empty)" : tag.value)"), "\(engine): the tag \(tag.key) is not shown exactly")
            }
            #expect(sameBytes(text.title, "Grant \(HostileSpec.vendor) access to your S3 bucket hostile-bucket"),
                "\(engine): the title reads back as \(text.title.debugDescription)")
        }
    }

    @Test(.enabled(if: ExternalTool.available(.cfnLint), ExternalTool.skipMessage(.cfnLint)))
    func cfnLintFindsNothing() throws {
        try expectCfnLintClean(try renderedHostile.get())
    }

    @Test(.enabled(if: ExternalTool.available(.shellcheck), ExternalTool.skipMessage(.shellcheck)))
    func shellcheckFindsNothing() throws {
        try expectShellcheckClean(try renderedHostile.get())
    }

    @Test(.enabled(if: ExternalTool.available(.terraform), ExternalTool.skipMessage(.terraform)))
    func terraformFmtFindsNothing() throws {
        try expectTerraformFmtClean(try renderedHostile.get())
    }
}

/// CRLF, CR and LF each as one space, as the README writes line breaks inside a paragraph.
func flattenLineBreaks(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var previous: Unicode.Scalar? = nil
    for scalar in text.unicodeScalars {
        defer { previous = scalar }
        if scalar == "\n", previous == "\r" { continue }
        out.append(scalar == "\r" || scalar == "\n" ? " " : scalar)
    }
    return String(out)
}
