import Foundation
import Testing

@testable import BucketBridge

/// The rendered examples are clean under the linters their users run: zero findings of any
/// severity.
@Suite("Rendered formats pass their linters")
struct FormatLinterTests {
    @Test(.enabled(if: ExternalTool.available(.cfnLint), ExternalTool.skipMessage(.cfnLint)))
    func cfnLintFindsNothing() throws {
        try expectCfnLintClean(try renderedExamples.get())
    }

    @Test(.enabled(if: ExternalTool.available(.shellcheck), ExternalTool.skipMessage(.shellcheck)))
    func shellcheckFindsNothing() throws {
        try expectShellcheckClean(try renderedExamples.get())
    }

    @Test(.enabled(if: ExternalTool.available(.terraform), ExternalTool.skipMessage(.terraform)))
    func terraformFmtFindsNothing() throws {
        try expectTerraformFmtClean(try renderedExamples.get())
    }
}

/// The CloudFormation templates of a render.
func cloudFormationTemplates(_ rendered: RenderedRun) -> [String] {
    rendered.expected.map { rendered.folder($0.name) + "/cloudformation/template.yaml" }
}

/// One `cfn-lint` run, with informational checks, over the templates of the examples and of the
/// hostile spec (its start-up takes most of its time); findings one per line, `path:line:...`.
let renderedCfnLint = Lazily {
    let files = cloudFormationTemplates(try renderedExamples.get()) + cloudFormationTemplates(try renderedHostile.get())
    return (files: files, result: try runProcess("cfn-lint", ["--include-checks", "I", "--format", "parseable", "--"] + files))
}

/// `cfn-lint` finds nothing in any template.yaml of `rendered`: no finding names one of its
/// files, and the run exits 0 unless findings in other templates explain its status.
func expectCfnLintClean(_ rendered: RenderedRun, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let (files, lint) = try renderedCfnLint.get()
    let mine = cloudFormationTemplates(rendered)
    let lines = lint.output.split(separator: "\n").map(String.init)
    let findings = lines.filter { line in mine.contains { line.hasPrefix($0 + ":") } }
    let elsewhere = lines.filter { line in files.contains { line.hasPrefix($0 + ":") } && !findings.contains(line) }
    let unexplained = lines.filter { line in !files.contains { line.hasPrefix($0 + ":") } }
    #expect(
        findings.isEmpty && unexplained.isEmpty && (lint.status == 0 || !elsewhere.isEmpty),
        "cfn-lint findings (exit \(lint.status)):\n\((findings + unexplained).joined(separator: "\n"))\n\(lint.errors)",
        sourceLocation: sourceLocation)
}

/// `shellcheck --severity=style` on every setup.sh: exit 0, no output.
func expectShellcheckClean(_ rendered: RenderedRun, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let files = rendered.expected.map { rendered.folder($0.name) + "/aws-cli/setup.sh" }
    let check = try runProcess("shellcheck", ["--severity=style"] + files)
    #expect(check.status == 0 && check.output.isEmpty, "shellcheck findings (exit \(check.status)):\n\(check.output)\(check.errors)", sourceLocation: sourceLocation)
}

/// `terraform fmt -check -recursive` over the whole output folder: exit 0, no file listed.
func expectTerraformFmtClean(_ rendered: RenderedRun, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let fmt = try runProcess("terraform", ["fmt", "-check", "-recursive", "-diff", "-no-color", rendered.out], environment: try terraformTestEnvironment())
    #expect(fmt.status == 0 && fmt.output.isEmpty, "terraform fmt wants changes:\n\(fmt.output)\(fmt.errors)", sourceLocation: sourceLocation)
}
