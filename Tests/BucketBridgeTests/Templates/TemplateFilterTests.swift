import Testing

@testable import BucketBridge

/// A policy shaped like the real ones, with a boolean, an empty array and an empty object.
let samplePolicy: JSONValue = [
    "Version": "2012-10-17",
    "Statement": [
        [
            "Sid": "A", "Effect": "Allow", "Principal": ["AWS": ["arn:aws:iam::1:root"]],
            "Condition": ["Bool": ["aws:SecureTransport": false]],
        ]
    ],
    "Nested": [[1, 2], [], [:]],
]

@Suite("Template filters and escaping")
struct TemplateFilterTests {
    @Test func jsonIsPrettyInStoredOrder() {
        let trust: JSONValue = [
            "Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": "sts:AssumeRole"]],
        ]
        #expect(encodeJSON(trust) == """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": "sts:AssumeRole"
                }
              ]
            }
            """)
        #expect(encodeJSON(["a": [], "b": [:], "c": [1, true, .null]]) == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    true,\n    null\n  ]\n}")
        #expect(encodeCompactJSON(["a": [1, true, .null, "x"], "b": [:]]) == #"{"a":[1,true,null,"x"],"b":{}}"#)
    }

    @Test func jsonEscapesControlsButKeepsUnicodeAndSlash() {
        let text = "a\"b\\c/d\n\r\t\u{8}\u{C}\u{1}\u{7F}\u{85}\u{2028}\u{2029}é😀"
        #expect(encodeJSON(.string(text)) == #""a\"b\\c/d\n\r\t\b\f\u0001\u007f\u0085\u2028\u2029é😀""#)
    }

    @Test func yamlIsBlockStyleWithQuotedStrings() {
        #expect(encodeYAML(samplePolicy) == """
            Version: "2012-10-17"
            Statement:
              - Sid: "A"
                Effect: "Allow"
                Principal:
                  AWS:
                    - "arn:aws:iam::1:root"
                Condition:
                  Bool:
                    aws:SecureTransport: false
            Nested:
              - - 1
                - 2
              - []
              - {}
            """)
        #expect(encodeYAML([]) == "[]")
        #expect(encodeYAML([:]) == "{}")
        #expect(encodeYAML(.null) == "null")
    }

    @Test func yamlQuotesKeysThatAreNotPlainIdentifiers() {
        let plain = ["Version", "aws:SecureTransport", "Fn::GetAtt", "a.b/c-d_e", "_x"]
        for key in plain { #expect(yamlKey(key) == key) }
        let quoted = ["yes", "On", "NO", "y", "null", "~", "2012", "a b", "a: b", "-x", "x:", "#c", "&a", "*a", "é", "", "a\nb"]
        for key in quoted { #expect(yamlKey(key) == yamlDoubleQuoted(key), "\(key)") }
    }

    @Test func yamlEscapesEverythingUnsafe() {
        let text = "a\"b\\c\n\t\r\0\u{1}\u{1B}\u{7F}\u{85}\u{9F}\u{A0}\u{2028}\u{2029}\u{FEFF}é😀"
        #expect(yamlDoubleQuoted(text) == #""a\"b\\c\n\t\r\0\x01\e\x7F\N\x9F"# + "\u{A0}" + #"\L\P\uFEFFé😀""#)
    }

    @Test func hclIsLaidOutLikeTerraformFmt() {
        #expect(encodeHCL(samplePolicy) == """
            {
              Version = "2012-10-17"
              Statement = [
                {
                  Sid    = "A"
                  Effect = "Allow"
                  Principal = {
                    AWS = [
                      "arn:aws:iam::1:root",
                    ]
                  }
                  Condition = {
                    Bool = {
                      "aws:SecureTransport" = false
                    }
                  }
                },
              ]
              Nested = [
                [
                  1,
                  2,
                ],
                [],
                {},
              ]
            }
            """)
        #expect(encodeHCL(["a": 1, "long_key": [:], "b": ["x": 1], "é": "v", "for": true]) == """
            {
              a        = 1
              long_key = {}
              b = {
                x = 1
              }
              "é"   = "v"
              "for" = true
            }
            """)
    }

    @Test func hclEscapesTemplateSequences() {
        let text = "a\"b\\c\n\r\t\u{1}${x}%{if}$${y}$%{é\u{2028}"
        #expect(hclStringLiteral(text) == #""a\"b\\c\n\r\t\u0001$${x}%%{if}$$${y}$%%{é"# + "\u{2028}\"")
        #expect(hclKey("a-b_1") == "a-b_1")
        for key in ["1a", "a.b", "sts:ExternalId", "in", "null", "-a", ""] { #expect(hclKey(key) == hclStringLiteral(key)) }
    }

    @Test func shellWordsAreSingleQuoted() {
        #expect(shellQuote("it's") == #"'it'\''s'"#)
        #expect(shellQuote("") == "''")
        #expect(shellQuote("$(rm -rf /) `id` ${x} \\ \"") == #"'$(rm -rf /) `id` ${x} \ "'"#)
        #expect(shellQuote("a\0b") == nil)
    }

    @Test func markdownEscapesPunctuationAndLineBreaks() {
        #expect(escapeMarkdown(##"*a*_b_[c](d)<e>&f#g.h|i~j`k`\l{m}+n-o!p=q$r^s"##)
            == ##"\*a\*\_b\_\[c\](d)&lt;e>&amp;f#g.h&#124;i&#126;j\`k\`\\l\{m\}+n-o!p=q$r^s"##)
        #expect(escapeMarkdown(#"a,b/c:d;e?f'g"h%i@j"#) == #"a,b/c:d;e?f'g"h%i@j"#)
        #expect(escapeMarkdown("# a\n- b\r\n1. c\rd\u{0}é\u{2028}") == "\\# a - b 1. c d é\u{2028}")
        // Only the start of a line can begin a block: a heading, a list item, a quote, a setext line.
        #expect(escapeMarkdown("- a") == "\\- a")
        #expect(escapeMarkdown("+ a") == "\\+ a")
        #expect(escapeMarkdown("> a") == "\\> a")
        #expect(escapeMarkdown("12. a") == "12\\. a")
        #expect(escapeMarkdown("3) a") == "3\\) a")
        #expect(escapeMarkdown("=== a") == "&#61;== a")
        #expect(escapeMarkdown("- a", lineStart: false) == "- a")
        #expect(escapeMarkdown(" a ", lineStart: false, lineEnd: false) == " a ")
        #expect(escapeMarkdown(" a\tb ") == "&#32;a&#9;b&#32;")
        #expect(escapeMarkdown("us-east-1 s3://b/p.q") == "us-east-1 s3://b/p.q")
        #expect(escapeMarkdown("  \tcode") == "&#32;&#32;&#9;code")
    }

    @Test func markdownCodeSpansOutrunBackticks() {
        #expect(markdownCodeSpan("arn:aws:s3:::b/*") == "`arn:aws:s3:::b/*`")
        #expect(markdownCodeSpan("a`b") == "``a`b``")
        #expect(markdownCodeSpan("`a") == "`` `a ``")
        #expect(markdownCodeSpan("a``b`") == "``` a``b` ```")
        // Python-Markdown strips a span's outer spaces and expands tabs: such text is escaped text.
        #expect(markdownCodeSpan(" a ") == "&#32;a&#32;")
        #expect(markdownCodeSpan("  ") == "&#32;&#32;")
        #expect(markdownCodeSpan("a\tb") == "a&#9;b")
        #expect(markdownCodeSpan("a\n\nb") == "`a  b`")
        #expect(markdownCodeSpan("") == "")
    }

    @Test func fencedBlocksOutrunBackticks() {
        #expect(markdownFencedBlock("x", language: "json") == "```json\nx\n```")
        #expect(markdownFencedBlock("x\n") == "```\nx\n```")
        #expect(markdownFencedBlock("a\n````\nb") == "`````\na\n````\nb\n`````")
        #expect(markdownFencedBlock("x", language: "a`b") == nil)
    }

    @Test func lastEscapingFilterWins() {
        let context: JSONValue = ["doc": ["a": "it's"], "s": "x\ny", "xs": ["a.b", "c", 1, true]]
        #expect(renderTemplate("echo {{ doc | json | shell }}", path: "a.sh", context: context).text == "echo '{\n  \"a\": \"it'\\''s\"\n}'")
        #expect(renderTemplate("k: {{ doc | json_compact | yaml }}", path: "a.yaml", context: context).text == #"k: "{\"a\":\"it's\"}""#)
        #expect(renderTemplate("  {{ doc | yaml | indent(2) }}", path: "a.yaml", context: ["doc": ["a": 1, "b": [1]]]).text == "  a: 1\n  b:\n    - 1")
        #expect(renderTemplate("{{ s | indent(2) }}", path: "a.yaml", context: context).text == #""x\n  y""#)
        #expect(renderTemplate("{{ s | indent(2) | raw }}", path: "a.txt", context: context).text == "x\n  y")
        #expect(renderTemplate("{{ xs | join(\", \") }} {{ xs | length }} {{ s | length }} {{ doc | length }}", path: "a.md", context: context).text == "a.b, c, 1, true 4 3 1")
        #expect(renderTemplate("{{ s | markdown_code }} {{ s | fenced(\"sh\") }}", path: "a.md", context: context).text == "`x y` ```sh\nx\ny\n```")
        #expect(renderTemplate("{{ doc | hcl }}", path: "a.md", context: context).text == "{\n  a = \"it's\"\n}")
        #expect(renderTemplate("{{ s | markdown }}", path: "a.json", context: context).text == "x y")
        #expect(renderTemplate("{{ 5 | shell }} {{ 5 | indent(2) }}", path: "a.json", context: context).text == "'5' 5")
    }

    /// `yaml | indent(n)` and `hcl | indent(n)` write the document indented in one pass: the
    /// same text as `indent(n)` of the document's text.
    @Test func indentedDocumentsMatchTheIndentedText() {
        let context: JSONValue = ["doc": samplePolicy, "s": "a\nb", "n": 3, "empty": [:]]
        for (filter, encode) in [("yaml", { encodeYAML($0) }), ("hcl", { encodeHCL($0) })] as [(String, (JSONValue) -> String)] {
            for name in ["doc", "s", "n", "empty"] {
                for width in [0, 3, 70] {
                    let rendered = renderTemplate("x: {{ \(name) | \(filter) | indent(\(width)) }}", path: "a.txt", context: context)
                    #expect(rendered.text == "x: " + indentLines(encode(context[name]!), by: width))
                }
            }
        }
    }

    @Test func filtersRejectValuesTheyCannotTake() {
        let context: JSONValue = ["o": ["a": 1], "n": 1, "nested": [["a"]], "z": "a\0b"]
        expectErrors("{{ o | 1️⃣raw }}", [1: "filter raw needs a string, a number or a boolean, not an object"], context: context)
        expectErrors("{{ o | 1️⃣shell }}", [1: "filter shell needs a string"], context: context)
        expectErrors("{{ nested | 1️⃣join(\",\") }}", [1: "filter join needs an array of strings, numbers or booleans, not an array"], context: context)
        expectErrors("{{ n | 1️⃣length }}", [1: "filter length needs an array, an object or a string, not an integer"], context: context)
        expectErrors("{{ o | 1️⃣indent(2) }}", [1: "filter indent needs text"], context: context)
        expectErrors("{{ o | json | 1️⃣length }}", [1: "not escaped text"], context: context)
        expectErrors("{{ z | 1️⃣shell }}", [1: "the value contains a NUL character"], context: context)
        expectErrors("1️⃣{{ z }}", [1: "z contains a NUL character"], path: "a.sh", context: context)
    }
}
