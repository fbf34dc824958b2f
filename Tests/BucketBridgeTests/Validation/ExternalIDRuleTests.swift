import Testing
@testable import BucketBridge

struct ExternalIDRuleTests {
    @Test func lengthBoundaries() {
        #expect(ExternalIDRules.problems("ab").isEmpty)
        #expect(!ExternalIDRules.problems("a").isEmpty)
        #expect(ExternalIDRules.problems(String(repeating: "x", count: 1224)).isEmpty)
        #expect(!ExternalIDRules.problems(String(repeating: "x", count: 1225)).isEmpty)
    }

    @Test func characters() {
        #expect(ExternalIDRules.problems("seq_p8OgYZNm_anQEaOZ8-mMn").isEmpty)
        #expect(ExternalIDRules.problems("a+=,.@:/-_Z9").isEmpty)
        #expect(ExternalIDRules.problems("has space").first?.contains("\" \" is not allowed") == true)
        #expect(!ExternalIDRules.problems("ünïcode").isEmpty)
    }

    @Test func requiredForRoleGrantsOnly() {
        let (_, roleRun) = validate(specJSON(removing: ["externalId"]))
        #expect(errorLines(roleRun).contains { $0.contains("destinations[0].externalId: is required for role grants") })
        let (destinations, bucketRun) = validate(specJSON(["grant": #""bucket-policy""#], removing: ["externalId", "role"]))
        #expect(!bucketRun.hasErrors, "\(errorLines(bucketRun))")
        #expect(destinations.first?.externalId == nil)
    }
}
