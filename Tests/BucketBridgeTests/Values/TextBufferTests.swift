import Testing
@testable import BucketBridge

/// The buffer's own storage behaves like the byte array it replaced: copies are independent,
/// growth keeps every byte, and the in-place writers agree with the string-returning ones.
struct TextBufferTests {
    @Test func copiesAreIndependent() {
        var first = TextBuffer(capacity: 4)
        first += "abc"
        var second = first
        second += "def"
        first.appendByte(UInt8(ascii: "x"))
        #expect(first.text == "abcx")
        #expect(second.text == "abcdef")
        var spaced = second
        spaced.appendSpaces(3)
        var trimmed = spaced
        #expect(trimmed.removeTrailingSpaces() == 3)
        #expect(spaced.text == "abcdef   " && trimmed.text == "abcdef")
        trimmed += "!"
        #expect(spaced.text == "abcdef   " && trimmed.text == "abcdef!")
    }

    @Test func growthKeepsEveryByte() {
        var buffer = TextBuffer(capacity: 1)
        var expected = ""
        for index in 0..<500 {
            let piece = index % 3 == 0 ? "é\(index)" : String(repeating: "x", count: index % 40)
            buffer += piece
            buffer.append(literal: ",")
            buffer.newline(indent: index % 7)
            expected += piece + "," + "\n" + String(repeating: " ", count: index % 7)
        }
        #expect(buffer.text == expected)
        #expect(buffer.count == expected.utf8.count)
        #expect(buffer.bytes == Array(expected.utf8))
        #expect(buffer.lastByte == expected.utf8.last)
    }

    @Test func indentingInPlaceAgreesWithIndentLines() {
        let texts = ["", "a", "a\nb", "a\n\nb\n", "a\r\nb\r\n\r\nc", "\n", "x\n  y\n\tz", "é\nü\n"]
        for text in texts {
            for width in [0, 1, 4, 12] {
                var buffer = TextBuffer()
                buffer += "<"
                buffer.appendIndenting(Array(text.utf8), by: width)
                #expect(buffer.text == "<" + indentLines(text, by: width), "\(text.debugDescription) by \(width)")
            }
        }
    }

    @Test func blankMeansOnlyWhitespace() {
        for (text, blank) in [("", true), (" \n\t", true), (" a ", false), ("\u{00A0}\n", true), ("é", false)] {
            var buffer = TextBuffer()
            buffer += text
            #expect(buffer.isBlank == blank, "\(text.debugDescription)")
        }
    }
}

/// A filter that ends a chain and writes straight into the output prints what `apply` prints.
struct FilterAppendTests {
    static let samples: [JSONValue] = [
        "plain", "", " edge ", "quote \" back \\ tick ` brace ${x} %{y}", "line\nbreak\r\ntab\t", "é ü 中文",
        .string("a " + PlaceholderText.token("NAME") + " b"), .string(PlaceholderText.token("NAME")), "nul \u{0}", "it's",
        42, true, .number("1.5e3"), .null, ["a", 1], ["key": "value"], [["text": "words "], ["code": "x"]],
    ]

    @Test func agreesWithApply() {
        let filters: [TemplateFilter] = [
            .raw, .json, .jsonCompact, .yaml, .hcl, .shell, .markdown, .markdownCode, .prose, .fenced(language: "json"), .indent(2),
            .join(separator: ", "), .length,
        ]
        for format in TemplateFormat.allCases {
            for filter in filters {
                for value in Self.samples {
                    var out = TextBuffer()
                    let appended = filter.append(.value(value), format: format, placeholders: TemplatePlaceholders(), to: &out)
                    guard appended else { continue }
                    guard case .success(.escaped(let bytes)) = filter.apply(to: .value(value), format: format, placeholders: TemplatePlaceholders())
                    else {
                        Issue.record("\(filter) appended \(value) but apply did not escape it")
                        continue
                    }
                    #expect(out.bytes == bytes, "\(filter) of \(value) in \(format)")
                }
            }
        }
    }

    @Test func proseAgreesWithThePhrase() {
        let phrase = Phrase([.text("# Reads "), .code("s3://bucket/`x`"), .text(" and "), .link("the docs", url: "https://example.com/a b"), .text(" ")])
        var out = TextBuffer()
        #expect(Phrase.appendMarkdown(ofJSON: phrase.jsonValue, into: &out))
        #expect(out.text == phrase.markdown)
        var rejected = TextBuffer()
        #expect(!Phrase.appendMarkdown(ofJSON: [["words": "x"]], into: &rejected))
        #expect(!Phrase.appendMarkdown(ofJSON: "text", into: &rejected))
    }
}
