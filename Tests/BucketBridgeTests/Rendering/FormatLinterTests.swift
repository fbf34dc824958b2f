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

/// `cfn-lint` with informational checks on every template.yaml: exit 0, no output.
func expectCfnLintClean(_ rendered: RenderedRun, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let files = rendered.expected.map { rendered.folder($0.name) + "/cloudformation/template.yaml" }
    let lint = try runProcess("cfn-lint", ["--include-checks", "I", "--"] + files)
    #expect(lint.status == 0 && lint.output.isEmpty, "cfn-lint findings (exit \(lint.status)):\n\(lint.output)\(lint.errors)", sourceLocation: sourceLocation)
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
