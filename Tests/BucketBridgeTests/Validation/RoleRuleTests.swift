import Testing
@testable import BucketBridge

struct RoleRuleTests {
    @Test func roleNameLength() {
        #expect(IAMNameRules.nameProblems(String(repeating: "r", count: 64)).isEmpty)
        #expect(!IAMNameRules.nameProblems(String(repeating: "r", count: 65)).isEmpty)
        #expect(!IAMNameRules.nameProblems("").isEmpty)
        #expect(IAMNameRules.nameProblems("a+=,.@_-Z").isEmpty)
        #expect(!IAMNameRules.nameProblems("role/name").isEmpty)
    }

    @Test func namePrefixIsEnforced() {
        let role = #"{"name": "acme", "namePrefix": "SEA_ext_access_"}"#
        let (_, diagnostics) = validate(specJSON(["role": role]))
        let line = errorLines(diagnostics).first { $0.contains("role.name") }
        #expect(line?.contains(#"does not start with the vendor's required prefix "SEA_ext_access_""#) == true)
        #expect(line?.contains(#"did you mean "SEA_ext_access_acme"?"#) == true)
        let (ok, okDiagnostics) = validate(specJSON(["role": #"{"name": "SEA_ext_access_acme", "namePrefix": "SEA_ext_access_"}"#]))
        #expect(!okDiagnostics.hasErrors && ok.first?.role?.name == "SEA_ext_access_acme")
    }

    @Test func paths() {
        #expect(IAMNameRules.pathProblems("/").isEmpty)
        #expect(IAMNameRules.pathProblems("/vendors/acme/").isEmpty)
        #expect(!IAMNameRules.pathProblems("vendors/").isEmpty)
        #expect(!IAMNameRules.pathProblems("/vendors").isEmpty)
        #expect(!IAMNameRules.pathProblems("/with space/").isEmpty)
        #expect(IAMNameRules.pathProblems("/" + String(repeating: "p", count: 510) + "/").isEmpty)
        #expect(!IAMNameRules.pathProblems("/" + String(repeating: "p", count: 511) + "/").isEmpty)
    }

    @Test(arguments: [(3599, false), (3600, true), (43200, true), (43201, false)])
    func sessionDuration(_ seconds: Int, _ valid: Bool) {
        let (_, diagnostics) = validate(specJSON(["role": #"{"name": "R", "maxSessionDuration": \#(seconds)}"#]))
        #expect(diagnostics.hasErrors == !valid, "\(errorLines(diagnostics))")
    }

    @Test func sessionDurationMustBeWhole() {
        let (_, diagnostics) = validate(specJSON(["role": #"{"name": "R", "maxSessionDuration": 3600.5}"#]))
        #expect(errorLines(diagnostics).contains { $0.contains("role.maxSessionDuration: 3600.5 must be a whole number") })
    }

    @Test func descriptionLengthAndCharacters() {
        #expect(RoleRules.descriptionProblems(String(repeating: "d", count: 1000)).isEmpty)
        #expect(!RoleRules.descriptionProblems(String(repeating: "d", count: 1001)).isEmpty)
        #expect(RoleRules.descriptionProblems("quotes \" ' \\ $(x) `y` ${z} %{w} # : é\tline\nbreak").isEmpty)
        #expect(RoleRules.descriptionProblems("emoji 🚀").first?.contains("\"🚀\" is not allowed") == true)
    }

    @Test func permissionsBoundary() {
        #expect(RoleRules.boundaryProblems("arn:aws:iam::666666666666:policy/boundary", partition: .aws).isEmpty)
        #expect(RoleRules.boundaryProblems("arn:aws:iam::aws:policy/PowerUserAccess", partition: .aws).isEmpty)
        #expect(!RoleRules.boundaryProblems("arn:aws:iam::666666666666:role/boundary", partition: .aws).isEmpty)
        #expect(!RoleRules.boundaryProblems("arn:aws-cn:iam::666666666666:policy/b", partition: .aws).isEmpty)
    }

    @Test func policyName() {
        let (_, ok) = validate(specJSON(["role": #"{"name": "R", "policyName": "\#(String(repeating: "p", count: 128))"}"#]))
        #expect(!ok.hasErrors)
        let (_, bad) = validate(specJSON(["role": #"{"name": "R", "policyName": "\#(String(repeating: "p", count: 129))"}"#]))
        #expect(errorLines(bad).contains { $0.contains("role.policyName") && $0.contains("1 to 128 characters") })
    }

    @Test func accountIdRequiredForRoleAndBucketPolicy() {
        let (_, diagnostics) = validate(specJSON(["grant": #""role-and-bucket-policy""#, "role": #"{"name": "R"}"#]))
        #expect(errorLines(diagnostics).contains { $0.contains("role.accountId: is required for grant \"role-and-bucket-policy\"") })
        let (_, badAccount) = validate(specJSON(["role": #"{"name": "R", "accountId": "12345"}"#]))
        #expect(errorLines(badAccount).contains { $0.contains(#"role.accountId: "12345" is not an AWS account id"#) })
    }
}
