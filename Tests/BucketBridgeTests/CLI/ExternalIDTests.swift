import Foundation
import Testing
@testable import BucketBridge

struct ExternalIDTests {
    @Test func idsAreRandomAndValid() {
        var seen: Set<String> = []
        for _ in 0..<200 {
            let id = ExternalIDGenerator.generate()
            #expect(id.count == 32)
            #expect(ExternalIDRules.problems(id).isEmpty)
            #expect(id.allSatisfy { ExternalIDGenerator.alphabet.contains($0) })
            seen.insert(id)
        }
        #expect(seen.count == 200)
    }

    @Test func prefixAndLength() {
        let result = run(["external-id", "--prefix", "seq_", "--length", "10"])
        #expect(result.status == 0)
        let id = result.output.trimmingCharacters(in: .newlines)
        #expect(id.hasPrefix("seq_") && id.count == 14 && ExternalIDRules.problems(id).isEmpty)
        // The shortest valid ID has two characters.
        #expect(run(["external-id", "--length", "1"]).status == 2)
        #expect(run(["external-id", "--length", "2"]).status == 0)
    }
}
