import Testing
@testable import BucketBridge

struct PolicySizeTests {
    func trustWarnings(principals count: Int) throws -> [Diagnostic] {
        let principals = (0..<count).map { #""arn:aws:iam::280772890673:role/vendor-role-number-\#($0)""# }
        let (destinations, validation) = validate(specJSON(["trustedPrincipals": "[" + principals.joined(separator: ", ") + "]"]))
        #expect(!validation.hasErrors)
        var diagnostics = Diagnostics()
        let templates = TemplateSet(sources: [:], diagnostics: &diagnostics)
        _ = renderDestination(try #require(destinations.first), templates: templates, diagnostics: &diagnostics)
        return diagnostics.filter { $0.message.contains("trust policy of") }
    }

    @Test func aTrustPolicyOverTheDefaultQuotaIsWarned() throws {
        #expect(try trustWarnings(principals: 3).isEmpty)
        let warnings = try trustWarnings(principals: 60)
        #expect(warnings.count == 1 && warnings.first?.severity == .warning)
        #expect(warnings.first?.description.contains("destinations[0].trustedPrincipals") == true)
    }
}
