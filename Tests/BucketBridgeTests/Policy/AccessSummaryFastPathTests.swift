import Testing

@testable import BucketBridge

/// The access summary's shortcuts (ARNs read from bytes, the vendor capitalised from its first
/// byte, texts concatenated with one copy, diagram labels written in pieces, phrases printed
/// straight from their JSON) give what the plain Character-by-Character way gives, for
/// hostile text too.
struct AccessSummaryFastPathTests {
    /// Text around the delimiters an ARN reader relies on: combining marks, a prepended mark
    /// (U+0600 joins what follows it), CR LF, a placeholder token, the Kelvin sign (canonically
    /// `K`), emoji, precomposed and decomposed letters.
    static let oddPieces = [
        "", "b", "\u{301}", "\u{600}", "\r", "\n", "\r\n", "\u{E000}NAME\u{E001}", "\u{212A}", "👩‍💻", "é", "e\u{301}", "*", "/", ":",
    ]

    static var hostileARNs: [String] {
        var arns = ["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/", "arn:aws:s3:::bucket/prefix/*", "arn:aws:s3:::bucket/*", "arn:aws:s3::::x/y*"]
        arns += ["ARN:aws:s3:::b/p*", "arn:aws:s4:::b/p*", "arn:aws:s3::b/p*", "arn:aws:s3", "", "*", "arn:aws-cn:s3:::b/p/q/*"]
        let template = ["arn", ":", "aws", ":", "s3", ":", "", ":", "", ":", "bucket", "/", "prefix/", "*"]
        for position in 0...template.count {
            for piece in oddPieces {
                var parts = template
                parts.insert(piece, at: position)
                arns.append(parts.joined())
            }
        }
        return arns
    }

    @Test func arnsReadFromBytesAgreeWithCharacters() {
        for arn in Self.hostileARNs {
            let place = S3Place(arn: arn)
            let expected = characterReading(arn)
            #expect(place.bucket == expected.bucket && place.keyPrefix == expected.keyPrefix, "\(arn.debugDescription)")
        }
    }

    /// A location's own ARNs, whose places are taken from the location, read as any ARN is
    /// read (bytes compared: the reading keeps the ARN's bytes).
    @Test func locationARNsTakenFromTheLocationAgreeWithTheirReading() {
        for bucket in ["bucket", "b/c", "bück"] + Self.oddPieces.map({ "b" + $0 }) {
            for prefix in ["", "p/", "日本/", "données/"] + Self.oddPieces.flatMap({ [$0 + "p/", "p" + $0, $0] }) {
                let bucketArn = "arn:aws:s3:::" + bucket
                let location = AccessLocation(bucket: bucket, prefix: prefix, region: nil, bucketArn: bucketArn, objectsArn: bucketArn + "/" + prefix + "*")
                for arn in [location.bucketArn, location.objectsArn, "arn:aws:s3:::other/*"] {
                    let fast = S3Place(arn: arn, in: location), read = S3Place(arn: arn)
                    #expect(
                        fast.bucket.map { Array($0.utf8) } == read.bucket.map { Array($0.utf8) }
                            && fast.keyPrefix.map { Array($0.utf8) } == read.keyPrefix.map { Array($0.utf8) } && fast.arn == read.arn,
                        "\(arn.debugDescription)")
                }
            }
        }
    }

    @Test func principalsReadFromSubstringsAgreeWithStrings() {
        let templates = [
            ["arn", ":", "aws", ":", "iam", ":", "", ":", "123456789012", ":", "role/", "path/", "Name"],
            ["arn", ":", "aws", ":", "iam", ":", "", ":", "123456789012", ":", "user/", "Name"],
            ["arn", ":", "aws", ":", "iam", ":", "", ":", "123456789012", ":", "root"],
            ["arn", ":", "aws", ":", "sts", ":", "", ":", "123456789012", ":", "assumed-role/", "Role", "/", "Session"],
        ]
        var arns = ["\u{E000}ARN\u{E001}", "x\u{E000}ARN\u{E001}", "arn:aws:iam::\u{E000}ACCOUNT\u{E001}:root", "*", ""]
        for template in templates {
            for position in 0...template.count {
                for piece in Self.oddPieces {
                    var parts = template
                    parts.insert(piece, at: position)
                    arns.append(parts.joined())
                }
            }
        }
        for arn in arns {
            let principal = TrustedPrincipal(arn: arn)
            let expected = stringReading(arn)
            #expect(principal.kind == expected.kind && principal.account == expected.account, "\(arn.debugDescription)")
            #expect(principal.name == expected.name && principal.sessionName == expected.sessionName, "\(arn.debugDescription)")
        }
    }

    @Test func capitalisedTextAgreesWithCharacters() {
        let texts = Self.oddPieces + ["the vendor", "acme", "Acme", "a", "ß", "ǆx", "i\u{307}x", "\r\nx", "a\u{301}b", "1st", "émile", "zz", "{x"]
        for text in texts {
            let expected = text.prefix(1).uppercased() + text.dropFirst()
            #expect(capitalizingFirstCharacter(text).utf8.elementsEqual(expected.utf8), "\(text.debugDescription)")
        }
    }

    @Test func concatenatedTextIsTheJoinedText() {
        for first in Self.oddPieces {
            for second in Self.oddPieces {
                #expect(concatenated(first, second, "x").utf8.elementsEqual((first + second + "x").utf8))
            }
        }
        #expect(concatenated() == "")
    }

    @Test func labelsWrittenInPiecesAreTheJoinedLabel() {
        let pieces = Self.oddPieces + ["\"#<>&`", "\u{7F}\t", "plain words"]
        for first in pieces {
            for second in pieces {
                var split = MermaidFlowchart()
                split.addNode("n", label: first, second, "&", rounded: true)
                split.addEdge(from: "n", to: "m", label: second, first)
                var joined = MermaidFlowchart()
                joined.addNode("n", label: first + second + "&", rounded: true)
                joined.addEdge(from: "n", to: "m", label: second + first)
                #expect(split.source.utf8.elementsEqual(joined.source.utf8))
                let label = "\"" + mermaidLabelBody(first) + mermaidLabelBody(second) + "\""
                #expect(mermaidLabel(first + second).utf8.elementsEqual(label.utf8))
            }
        }
    }

    @Test func everyASCIICharacterOfALabelIsShownOrEscaped() {
        let escapes: [Character: String] = ["\"": "#quot;", "#": "#35;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;"]
        for value in 0..<128 {
            let character = Character(Unicode.Scalar(UInt8(value)))
            let shown = escapes[character] ?? (value < 0x20 || value == 0x7F ? " " : String(character))
            for text in ["x" + String(character) + "y", String(character)] {
                let expected = "\"" + text.replacingOccurrences(of: String(character), with: shown) + "\""
                #expect(mermaidLabel(text).utf8.elementsEqual(expected.utf8), "\(value)")
            }
        }
    }

    @Test func phrasesPrintTheSameFromTheirJSON() {
        // With words the phrases share: their JSON is built once, and must not differ.
        let pieces = Self.oddPieces + ["  spaced  ", "# heading", "`tick`", "1. item", "plain", "a|b", ", ", " (", ")", ".", " and ", " ", "the IAM role "]
        for text in pieces {
            for code in pieces {
                let phrase = Phrase([.text(text), .code(code), .link(text, url: "https://example.com/" + code), .text(code), .code(text)])
                let json = phrase.jsonValue
                #expect(json == .array(phrase.segments.map(dictionaryLiteralForm)))
                var out = TextBuffer()
                #expect(Phrase.appendMarkdown(ofJSON: json, into: &out))
                #expect(out.bytes == Array(phrase.markdown.utf8))
                #expect(Phrase(jsonValue: json) == phrase)
            }
        }
        var out = TextBuffer()
        #expect(!Phrase.appendMarkdown(ofJSON: [["text": 1]], into: &out))
        #expect(!Phrase.appendMarkdown(ofJSON: [["word": "x"]], into: &out))
        #expect(!Phrase.appendMarkdown(ofJSON: ["x"], into: &out))
    }

    @Test func summaryPhrasesKeepTheirJSONForm() throws {
        for (destination, _) in try PolicyMeaningTests.examples() {
            let summary = summarizeAccess(of: destination, policies: buildPolicies(for: destination), withProbes: false)
            let json = summary.jsonValue(phrases: .segments)
            func form(_ phrase: Phrase) -> JSONValue { .array(phrase.segments.map(dictionaryLiteralForm)) }
            func texts(_ key: String) -> [JSONValue?] {
                guard case .array(let elements)? = json[key] else { return [] }
                return elements.map { $0["text"] }
            }
            #expect(json["who"]?["text"] == form(summary.who), "\(destination.name)")
            #expect(json["where"]?["text"] == form(summary.place), "\(destination.name)")
            #expect(texts("can") == summary.capabilities.map { form($0.phrase) }, "\(destination.name)")
            #expect(texts("cannot") == summary.limits.map { form($0.phrase) }, "\(destination.name)")
            #expect(texts("notes") == summary.notes.map { form($0.phrase) }, "\(destination.name)")
            guard case .array(let principals)? = json["who"]?["principals"] else { throw TestFailure("\(destination.name): no principals") }
            #expect(principals.map { $0["text"] } == summary.principals.map { form($0.phrase) }, "\(destination.name)")
        }
    }

    /// The form `Phrase.jsonValue` had when it was built from dictionary literals.
    private func dictionaryLiteralForm(_ segment: Phrase.Segment) -> JSONValue {
        switch segment {
        case .text(let text): ["text": .string(text)]
        case .code(let text): ["code": .string(text)]
        case .link(let text, let url): ["link": .string(url), "text": .string(text)]
        }
    }

    /// A label's text without its quotes (bytes: a combining mark joins the opening quote).
    private func mermaidLabelBody(_ text: String) -> String {
        String(decoding: Array(mermaidLabel(text).utf8.dropFirst().dropLast()), as: UTF8.self)
    }

    /// A principal as `TrustedPrincipal` read it with every piece of the ARN made a String.
    private func stringReading(_ arn: String) -> (kind: TrustedPrincipal.Kind, account: String?, name: String?, sessionName: String?) {
        if PlaceholderText.parts(arn).count == 1, PlaceholderText.contains(arn) { return (.placeholder, nil, nil, nil) }
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn" else { return (.other, nil, nil, nil) }
        let account = parts[4].isEmpty ? nil : parts[4]
        let resource = parts[5]
        switch parts[2] {
        case "iam" where resource == "root": return (.account, account, nil, nil)
        case "iam" where resource.hasPrefix("role/"): return (.role, account, resource.split(separator: "/").last.map(String.init), nil)
        case "iam" where resource.hasPrefix("user/"): return (.user, account, resource.split(separator: "/").last.map(String.init), nil)
        case "sts" where resource.hasPrefix("assumed-role/"):
            let pieces = resource.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            return pieces.count == 3 ? (.session, account, pieces[1], pieces[2]) : (.other, account, nil, nil)
        default: return (.other, account, nil, nil)
        }
    }

    /// The bucket and key prefix of an ARN as `S3Place` read them by Characters only.
    private func characterReading(_ arn: String) -> (bucket: String?, keyPrefix: String?) {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "s3" else { return (nil, nil) }
        let rest = parts[5]
        guard let slash = rest.firstIndex(of: "/") else { return (String(rest), nil) }
        let pattern = rest[rest.index(after: slash)...]
        return (String(rest[..<slash]), pattern.hasSuffix("*") ? String(pattern.dropLast()) : nil)
    }
}
