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
        let template = try #require(try parseCloudFormation([rendered.folder("hostile") + "/cloudformation/template.yaml"]).values.first)
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

        let flattened = flattenLineBreaks(HostileSpec.description)
        let quotes = lines.filter { $0.hasPrefix(">") }
        #expect(quotes.count == 1, "\(quotes)")
        if let quote = quotes.first {
            let text = try readMarkdownText(String(quote.dropFirst(2)))
            #expect(sameBytes(text, flattened), "the quoted description reads back as \(text.debugDescription)")
        }
        let marker = "For **Description**, enter: "
        let entries = lines.compactMap { line in line.range(of: marker).map { String(line[$0.upperBound...]) } }
        #expect(entries.count == 1)
        if let entry = entries.first {
            #expect(sameBytes(try readMarkdownText(entry), flattened), "the console's description reads back differently")
        }

        let title = try #require(lines.first)
        let vendorRange = try #require(title.range(of: " access to your S3 bucket ", options: .backwards))
        #expect(title.hasPrefix("# Grant "))
        #expect(sameBytes(try readMarkdownText(String(title[title.index(title.startIndex, offsetBy: 8)..<vendorRange.lowerBound])), HostileSpec.vendor))
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

/// The text a line of inline Markdown shows, for text written by an escaper: backslash escapes
/// and numeric character references are decoded. Throws when a character that would start
/// Markdown or HTML (`` ` `` `*` `_` `[` `]` `<` `>` `#` `|` `&` `!` `~` `\`) stands unescaped.
func readMarkdownText(_ line: String) throws -> String {
    let active = Set("`*_[]<>#|&!~\\".unicodeScalars)
    let scalars = Array(line.unicodeScalars)
    var out = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
        let scalar = scalars[index]
        if scalar == "\\", index + 1 < scalars.count, isASCIIPunctuationScalar(scalars[index + 1]) {
            out.append(scalars[index + 1])
            index += 2
            continue
        }
        if scalar == "&", index + 2 < scalars.count, scalars[index + 1] == "#",
            let end = scalars[(index + 2)...].firstIndex(of: ";"),
            let code = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<end]))), let decoded = Unicode.Scalar(code)
        {
            out.append(decoded)
            index = end + 1
            continue
        }
        if active.contains(scalar) {
            throw TestFailure("unescaped \(Character(scalar).debugDescription) at \(index) in \(line.debugDescription)")
        }
        out.append(scalar)
        index += 1
    }
    return String(out)
}

/// The ASCII punctuation characters CommonMark lets a backslash escape.
func isASCIIPunctuationScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
    default: false
    }
}
