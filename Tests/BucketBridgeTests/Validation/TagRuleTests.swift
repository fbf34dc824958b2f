import Testing
@testable import BucketBridge

struct TagRuleTests {
    @Test func keyAndValueLimits() {
        #expect(TagRules.keyProblems(String(repeating: "k", count: 128)).isEmpty)
        #expect(!TagRules.keyProblems(String(repeating: "k", count: 129)).isEmpty)
        #expect(!TagRules.keyProblems("").isEmpty)
        #expect(TagRules.valueProblems("").isEmpty)
        #expect(TagRules.valueProblems(String(repeating: "v", count: 256)).isEmpty)
        #expect(!TagRules.valueProblems(String(repeating: "v", count: 257)).isEmpty)
        #expect(TagRules.valueProblems("Ünïcödé 名前 a: b/c=d+e-f@g_h.i").isEmpty)
        #expect(!TagRules.valueProblems("a\"b").isEmpty)
        #expect(TagRules.keyProblems("AWS:owner").contains { $0.contains("reserved") })
    }

    @Test func atMostFiftyTags() {
        func spec(_ count: Int) -> String {
            let tags = (0..<count).map { #""k\#($0)": "v""# }.joined(separator: ", ")
            return specJSON(["role": #"{"name": "R", "tags": {\#(tags)}}"#])
        }
        #expect(!validate(spec(50)).diagnostics.hasErrors)
        #expect(errorLines(validate(spec(51)).diagnostics).contains { $0.contains("has 51 tags") })
    }

    @Test func keysAreUniqueIgnoringCase() {
        let (_, diagnostics) = validate(specJSON(["role": #"{"name": "R", "tags": {"Owner": "a", "owner": "b"}}"#]))
        #expect(errorLines(diagnostics).contains { $0.contains("IAM tag keys are unique regardless of case") })
    }

    @Test func defaultsMergeKeyByKey() {
        let spec = #"""
            {"version": 1,
             "defaults": {"role": {"name": "D", "tags": {"owner": "defaults", "team": "data"}}},
             "destinations": [\#(destinationJSON(["role": #"{"tags": {"owner": "mine"}}"#]))]}
            """#
        let (destinations, diagnostics) = validate(spec)
        #expect(!diagnostics.hasErrors, "\(errorLines(diagnostics))")
        let role = destinations.first?.role
        #expect(role?.name == "D")
        #expect(role?.tags.map { "\($0.key)=\($0.value)" } == ["owner=mine", "team=data"])
    }
}
