import Testing
@testable import BucketBridge

/// IAM wildcard patterns: matching a text, containing and overlapping other patterns.
struct WildcardPatternTests {
    @Test(arguments: [
        ("s3:*", "s3:GetObject", true), ("s3:Get*", "s3:PutObject", false), ("s3:?etObject", "s3:GetObject", true),
        ("arn:aws:s3:::b/*", "arn:aws:s3:::b", false), ("arn:aws:s3:::b/*", "arn:aws:s3:::b/", true),
        ("*", "", true), ("a*b*c", "aXbYbc", true), ("a*b*c", "aXbYb", false), ("é?", "éü", true),
    ])
    func matching(pattern: String, text: String, expected: Bool) {
        #expect(WildcardPatterns.matches(pattern, text) == expected)
    }

    @Test func caseIsIgnoredOnlyWhenAsked() {
        #expect(WildcardPatterns.matches("S3:getobject", "s3:GetObject", ignoringCase: true))
        #expect(!WildcardPatterns.matches("arn:aws:s3:::B/*", "arn:aws:s3:::b/x"))
    }

    @Test(arguments: [
        ("arn:aws:s3:::b/p/*", ["arn:aws:s3:::b/*"], true),
        ("arn:aws:s3:::b/*", ["arn:aws:s3:::b/p/*"], false),
        ("arn:aws:s3:::b/*", ["arn:aws:s3:::b/p/*", "arn:aws:s3:::b/q*"], false),
        ("arn:aws:s3:::b/?*", ["arn:aws:s3:::b/*"], true),
        ("a*", ["a?*", "a"], true),
        ("*", ["arn:*"], false),
        ("s3:Get*", ["s3:*"], true),
        ("abc", ["a*c"], true),
    ])
    func containment(inner: String, outer: [String], expected: Bool) {
        #expect(WildcardPatterns.isContained(inner, in: outer) == expected)
    }

    /// Patterns of more than 256 automaton states a side take the general walk, not the one
    /// with fixed-size state sets: the same cases, behind a long literal prefix, give the same answers.
    @Test func longPatternsGiveTheSameAnswers() {
        let long = String(repeating: "k", count: 300)
        let cases: [(String, [String])] = [
            ("arn:aws:s3:::b/p/*", ["arn:aws:s3:::b/*"]), ("arn:aws:s3:::b/*", ["arn:aws:s3:::b/p/*"]),
            ("arn:aws:s3:::b/*", ["arn:aws:s3:::b/p/*", "arn:aws:s3:::b/q*"]), ("arn:aws:s3:::b/?*", ["arn:aws:s3:::b/*"]),
            ("a*", ["a?*", "a"]), ("a*b?c", ["a*c"]), ("arn:aws:s3:::b/p/*", ["arn:aws:s3:::b/*x"]),
            ("arn:aws:s3:::b/p/*", ["arn:aws:s3:::b/q/*"]), ("a?", ["abc"]), ("*", ["x*y"]),
        ]
        for (inner, outer) in cases {
            let longInner = long + inner, longOuter = outer.map { long + $0 }
            #expect(WildcardPatterns.isContained(longInner, in: longOuter) == WildcardPatterns.isContained(inner, in: outer), "\(inner) in \(outer)")
            #expect(WildcardPatterns.overlaps(longInner, longOuter) == WildcardPatterns.overlaps(inner, outer), "\(inner) overlapping \(outer)")
        }
        #expect(WildcardPatterns.isContained(long + "a*", in: [long + "*"]))
        #expect(!WildcardPatterns.overlaps(long + "a*", [long + "b*"]))
    }

    @Test func overlapping() {
        #expect(WildcardPatterns.overlaps("arn:aws:s3:::b/p/*", ["arn:aws:s3:::b/*x"]))
        #expect(!WildcardPatterns.overlaps("arn:aws:s3:::b/p/*", ["arn:aws:s3:::b/q/*"]))
        #expect(WildcardPatterns.overlaps("*", ["anything"]))
        #expect(!WildcardPatterns.overlaps("a?", ["abc"]))
    }
}
