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

    @Test func overlapping() {
        #expect(WildcardPatterns.overlaps("arn:aws:s3:::b/p/*", ["arn:aws:s3:::b/*x"]))
        #expect(!WildcardPatterns.overlaps("arn:aws:s3:::b/p/*", ["arn:aws:s3:::b/q/*"]))
        #expect(WildcardPatterns.overlaps("*", ["anything"]))
        #expect(!WildcardPatterns.overlaps("a?", ["abc"]))
    }
}
