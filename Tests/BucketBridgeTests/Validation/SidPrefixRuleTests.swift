import Foundation
import Testing

@testable import BucketBridge

/// `sidPrefix`: its own rules, and the run-wide rule that no two destinations give the same
/// bucket-policy Sid to one bucket.
struct SidPrefixRuleTests {
    /// A bucket-policy destination (TLS required), with overrides.
    func bucketPolicyDestination(_ name: String, _ overrides: [String: String] = [:]) -> String {
        var fields = ["name": "\"\(name)\"", "grant": #""bucket-policy""#, "requireTls": "true"]
        fields.merge(overrides) { $1 }
        return destinationJSON(fields, removing: ["externalId", "role"])
    }

    @Test(arguments: ["A", "AllowSequentum", "x9", String(repeating: "Z", count: 64)])
    func validPrefixes(_ prefix: String) throws {
        let (destinations, diagnostics) = validate(specJSON(["sidPrefix": "\"\(prefix)\""]))
        #expect(diagnostics.isEmpty, "\(diagnostics.sorted.map(\.description))")
        #expect(try #require(destinations.first).sidPrefix == prefix)
    }

    @Test(arguments: [
        ("", "it must be 1 to 64 characters long, not 0"),
        (String(repeating: "Z", count: 65), "it must be 1 to 64 characters long, not 65"),
        ("Allow-Sequentum", #""-" is not allowed: a Sid holds only the letters A–Z and a–z and the digits 0–9"#),
        ("Allow_Seq uentum", #""_" and " " are not allowed"#),
        ("Ünïcode", #""Ü" and "ï" are not allowed"#),
        ("<SID>", #""<" and ">" are not allowed"#),
    ])
    func invalidPrefixesAreReportedAtTheirValue(_ prefix: String, _ problem: String) {
        let marked = MarkedText(#"{"version": 1, "destinations": [\#(destinationJSON(["sidPrefix": "1️⃣\"\(prefix)\""]))]}"#)
        let errors = validate(marked.text).diagnostics.sorted.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.description))")
        #expect(errors.first?.location == marked.location("1️⃣"))
        #expect(errors.first?.rule == .sidPrefix)
        #expect(errors.first?.description.contains(#"destinations[0].sidPrefix: "\#(prefix)" is not a valid Sid prefix: \#(problem)"#) == true,
            "\(errors.first?.description ?? "")")
    }

    @Test func aPrefixMustBeAString() {
        let errors = errorLines(validate(specJSON(["sidPrefix": "42"])).diagnostics)
        #expect(errors.count == 1 && errors[0].contains("destinations[0].sidPrefix: 42 must be a string"), "\(errors)")
    }

    /// Two destinations with the same prefix in one bucket: the second is reported at its
    /// prefix, naming the first and where it is.
    @Test func twoDestinationsMayNotShareAPrefixInOneBucket() {
        let marked = MarkedText(#"""
            {"version": 1, "destinations": [
              \#(bucketPolicyDestination("a", ["sidPrefix": #""Seq""#])),
              \#(bucketPolicyDestination("b", ["sidPrefix": #"1️⃣"Seq""#]))
            ]}
            """#)
        let errors = validate(marked.text).diagnostics.sorted.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.description))")
        #expect(errors.first?.location == marked.location("1️⃣"))
        #expect(errors.first?.rule == .duplicateSid)
        #expect(errors.first?.description.contains(
            #"destinations[1].sidPrefix: "Seq" uses the same bucket-policy Sids ("SeqObjectActions" and the like) as destination "a" (spec.json:2:"#) == true,
            "\(errors.first?.description ?? "")")
        #expect(errors.first?.description.contains(#"in the bucket "acme-data": each one's setup.sh would replace the other's statements"#) == true)
        #expect(errors.first?.hint == Message.otherSidPrefixHint)
    }

    /// Other buckets, or destinations that write no bucket policy, may use the same prefix.
    @Test func thePrefixIsUniquePerBucketAmongBucketPolicyWriters() {
        let otherBucket = #"{"version": 1, "destinations": [\#(bucketPolicyDestination("a", ["sidPrefix": #""Seq""#])), \#(bucketPolicyDestination("b", ["sidPrefix": #""Seq""#, "bucket": #""other-bucket""#]))]}"#
        #expect(validate(otherBucket).diagnostics.isEmpty)
        let roleOnly = #"{"version": 1, "destinations": [\#(bucketPolicyDestination("a", ["sidPrefix": #""Seq""#])), \#(destinationJSON(["name": #""b""#, "sidPrefix": #""Seq""#]))]}"#
        #expect(validate(roleOnly).diagnostics.isEmpty, "a role grant without requireTls writes no bucket policy")
    }

    /// A prefix equal to another destination's default stem takes that destination's Sids.
    @Test func aPrefixMayNotTakeAnotherDestinationsDefaultSids() {
        let marked = MarkedText(#"{"version": 1, "destinations": [\#(bucketPolicyDestination("acme-export")), \#(bucketPolicyDestination("b", ["sidPrefix": #"1️⃣"BucketBridgeAcmeExport""#]))]}"#)
        let errors = validate(marked.text).diagnostics.sorted.filter { $0.severity == .error }
        #expect(errors.map(\.location) == [marked.location("1️⃣")], "\(errors.map(\.description))")
        #expect(errors.first?.description.contains(#"as destination "acme-export""#) == true)
    }

    /// Two names whose CamelCase stems agree (`a-1` and `a1` both give `BucketBridgeA1`) are
    /// reported at the second name. A `sidPrefix` does not help: `setup.sh` still clears the
    /// Sids of the name's stem (statements of earlier renders); a rename does.
    @Test func namesWithTheSameDefaultStemAreReportedAtTheName() {
        let second = bucketPolicyDestination("a1").replacingOccurrences(of: #""name": "a1""#, with: #""name": 1️⃣"a1""#)
        let marked = MarkedText(#"{"version": 1, "destinations": [\#(bucketPolicyDestination("a-1")), \#(second)]}"#)
        let errors = validate(marked.text).diagnostics.sorted.filter { $0.severity == .error }
        #expect(errors.map(\.location) == [marked.location("1️⃣")], "\(errors.map(\.description))")
        #expect(errors.first?.description.contains(#"destinations[1].name: "a1" uses the same bucket-policy Sids ("BucketBridgeA1ObjectActions""#) == true)
        #expect(errors.first?.hint == Message.renameForSidsHint)
        let prefixed = #"{"version": 1, "destinations": [\#(bucketPolicyDestination("a-1")), \#(bucketPolicyDestination("a1", ["sidPrefix": #""OtherA1""#]))]}"#
        #expect(errorLines(validate(prefixed).diagnostics).count == 1)
        let renamed = #"{"version": 1, "destinations": [\#(bucketPolicyDestination("a-1")), \#(bucketPolicyDestination("a1x"))]}"#
        #expect(!validate(renamed).diagnostics.hasErrors)
    }

    /// The rule spans the spec files of a run; the second file's destination is reported.
    @Test func theRuleSpansSpecFiles() {
        let first = #"{"version": 1, "destinations": [\#(bucketPolicyDestination("a", ["sidPrefix": #""Seq""#]))]}"#
        let second = MarkedText(#"{"version": 1, "destinations": [\#(bucketPolicyDestination("b", ["sidPrefix": #"1️⃣"Seq""#]))]}"#)
        let errors = validate([("one.json", first), ("two.json", second.text)]).diagnostics.sorted.filter { $0.severity == .error }
        #expect(errors.map(\.location) == [second.location("1️⃣", file: "two.json")], "\(errors.map(\.description))")
        #expect(errors.first?.description.contains("(one.json:1:") == true)
    }

    /// A placeholder bucket is compared as written: the same placeholder is the same bucket,
    /// a different text is not known to be.
    @Test func placeholderBucketsCompareAsWritten() {
        func spec(_ bucketA: String, _ bucketB: String) -> String {
            #"{"version": 1, "placeholders": {"BUCKET": "The bucket", "OTHER": "Another bucket"}, "destinations": [\#(bucketPolicyDestination("a", ["sidPrefix": #""Seq""#, "bucket": bucketA])), \#(bucketPolicyDestination("b", ["sidPrefix": #""Seq""#, "bucket": bucketB]))]}"#
        }
        #expect(errorLines(validate(spec(#""<BUCKET>""#, #""<BUCKET>""#)).diagnostics).count == 1)
        #expect(errorLines(validate(spec(#""<BUCKET>-logs""#, #""<BUCKET>-logs""#)).diagnostics).first?.contains(#"in the bucket "<BUCKET>-logs""#) == true)
        #expect(!validate(spec(#""<BUCKET>""#, #""<OTHER>""#)).diagnostics.hasErrors)
        #expect(!validate(spec(#""<BUCKET>""#, #""acme-data""#)).diagnostics.hasErrors)
    }

    /// Every Sid of the longest prefix stays a valid Sid.
    @Test func theLongestPrefixGivesValidSids() throws {
        let prefix = String(repeating: "Z", count: 64)
        let destination = try #require(validate(#"{"version": 1, "destinations": [\#(bucketPolicyDestination("a", ["sidPrefix": "\"\(prefix)\""]))]}"#).destinations.first)
        for sid in ownedBucketSids(destination) + (buildPolicies(for: destination).bucket?.statements.compactMap(\.sid) ?? []) {
            #expect(sid.unicodeScalars.allSatisfy(CharacterRules.isSid), "\(sid)")
            #expect(sid.hasPrefix(prefix) || sid.hasPrefix("BucketBridgeA"))
            #expect(sid.count <= 64 + 21)
        }
    }

    /// A clash is reported even when the destination has other errors.
    @Test func aClashIsReportedBesideOtherErrors() {
        let marked = MarkedText(#"{"version": 1, "destinations": [\#(bucketPolicyDestination("a", ["sidPrefix": #""Seq""#])), \#(bucketPolicyDestination("b", ["sidPrefix": #"1️⃣"Seq""#, "region": #"2️⃣"us-eats-1""#]))]}"#)
        let errors = validate(marked.text).diagnostics.sorted.filter { $0.severity == .error }
        #expect(Set(errors.compactMap(\.location)) == [marked.location("1️⃣"), marked.location("2️⃣")], "\(errors.map(\.description))")
    }

    /// The run-wide rule checks exactly the Sids `setup.sh` replaces.
    @Test func theClaimsAreTheOwnedSids() throws {
        var parsing = Diagnostics()
        let root = try #require(parseJSON(SourceFile(name: "corpus.json", text: generatedCorpusSpec(count: 120)), diagnostics: &parsing))
        let document = try #require(decodeSpec(root, diagnostics: &parsing))
        var checked = 0
        for source in document.destinations {
            var diagnostics = Diagnostics()
            guard let destination = validateDestination(source, specFile: "corpus.json", diagnostics: &diagnostics) else { continue }
            let claim = sidClaim(of: source)
            guard destination.grant.hasBucketPolicyGrant || destination.requireTls else {
                #expect(claim == nil, "\(destination.name)")
                continue
            }
            let stems = try #require(claim, "\(destination.name)").stems.map(\.stem)
            #expect(Set(stems.flatMap { stem in StatementID.bucketPolicyStatements.map { stem + $0 } }) == Set(ownedBucketSids(destination)))
            #expect(stems.contains(bucketSidStem(destination)))
            checked += 1
        }
        #expect(checked > 50)
    }

    /// No bucket-policy statement name ends with another, so equal Sids mean equal stems.
    @Test func statementNamesAreNotSuffixesOfEachOther() {
        for name in StatementID.bucketPolicyStatements {
            for other in StatementID.bucketPolicyStatements where other != name {
                #expect(!name.hasSuffix(other), "\(name) ends with \(other)")
            }
        }
    }
}
