import Testing
@testable import BucketBridge

@Suite("Template parser")
struct TemplateParserTests {
    @Test func tagOnlyLinesProduceNoOutput() {
        let source = "a\n{% if x %}\n  b\n  {% for i in items %}\n  - {{ i }}\n  {% endfor %}\n{% endif %}\nc\n"
        #expect(renderTemplate(source, path: "t.yaml", context: ["x": true, "items": [1, 2]]).text == "a\n  b\n  - 1\n  - 2\nc\n")
        #expect(renderTemplate(source, path: "t.yaml", context: ["x": false, "items": []]).text == "a\nc\n")
    }

    @Test func commentsAndSeveralTagsOnALineAreDropped() {
        let source = "{# header\n   spanning lines #}\na\n\t{% if x %} {% if y %}  \nb\n{% endif %}{% endif %}\n{# end #}"
        #expect(renderTemplate(source, context: ["x": true, "y": true]).text == "a\nb\n")
    }

    @Test func inlineTagsKeepTheirLine() {
        let source = "a {% if x %}b{% endif %} c\n{% if x %} d{% endif %}\n{{ n }}\n{# note #} e\n"
        #expect(renderTemplate(source, context: ["x": true, "n": 1]).text == "a b c\n d\n1\n e\n")
        #expect(renderTemplate("x {# c #} y", context: [:]).text == "x  y")
    }

    @Test func windowsLineEndingsAreDroppedWithTheTagLine() {
        let source = "a\r\n  {% if x %}\r\nb\r\n{% endif %}\r\nc"
        #expect(renderTemplate(source, context: ["x": true]).text == "a\r\nb\r\nc")
    }

    @Test func expressions() {
        let context: JSONValue = ["a": "x", "t": true, "f": false, "n": 0, "e": [], "o": ["k": "v"]]
        let cases: [(String, String)] = [
            ("a == \"x\"", "true"), ("a != \"x\"", "false"), ("not t", "false"), ("not not t", "true"),
            ("t and f", "false"), ("f or t", "true"), ("f or n or e", "false"), ("not (t and f)", "true"),
            ("o.k == \"v\" and not f", "true"), ("n == 0", "true"), ("-3 == -3", "true"), ("not a == \"y\"", "true"),
            ("\"q\\\"\\\\\\n\\t\" == \"q\\\"\\\\\\n\\t\"", "true"), ("o", "true"), ("e", "false"),
        ]
        for (expression, expected) in cases {
            let result = renderTemplate("{% if \(expression) %}true{% else %}false{% endif %}", context: context)
            #expect(result.text == expected, "\(expression): \(result.diagnostics)")
        }
        #expect(renderTemplate("{{ \"a\\\"}}\" | raw }}{{ 42 }}").text == "a\"}}42")
        #expect(renderTemplate("n=${{ \"{#\" | raw }}name} {{ \"{{\" | raw }}", path: "a.sh").text == "n=${#name} {{")
        expectErrors("1️⃣{{ \"a\\\nb\" }}", [1: "{{ is not closed on its line"])
    }

    @Test func elifAndElseChooseOneBranch() {
        let source = "{% if n == 1 %}one{% elif n == 2 %}two{% elif n == 3 %}three{% else %}many{% endif %}"
        for (n, word) in [(1, "one"), (2, "two"), (3, "three"), (4, "many")] {
            #expect(renderTemplate(source, context: ["n": .int(n)]).text == word)
        }
    }

    @Test func tagErrorsAreReportedAtTheirTag() {
        expectErrors("ok\n1️⃣{{ name\n", [1: "{{ is not closed on its line"])
        expectErrors("a 1️⃣{% if x\n2️⃣{% endif %}", [1: "{% is not closed", 2: "endif without"])
        expectErrors("a\n 1️⃣{# never closed", [1: "{# is not closed"])
        expectErrors("1️⃣{{ }} 2️⃣{% %}", [1: "empty {{ }} tag", 2: "empty {% %} tag"])
        expectErrors("x 1️⃣{% while x %}", [1: "unknown tag \"while\""])
        expectErrors("{{ a 1️⃣b }}", [1: "expected \"|\" or \"}}\", found \"b\""])
        expectErrors("{{ a. 1️⃣}}", [1: "expected a key name after \".\""])
        expectErrors("{{ a == 1️⃣}}", [1: "expected a name, a string or an integer, found end of tag"])
        expectErrors("{{ \"1️⃣\\q\" | raw }}", [1: "invalid escape \"\\\\q\""])
        expectErrors("{{ a 1️⃣; }}", [1: "unexpected character \";\""])
        expectErrors("{{ 1️⃣99999999999999999999 }}", [1: "integer 99999999999999999999 is out of range"])
        expectErrors("{{ 1️⃣and }}", [1: "expected a name"])
    }

    @Test func blockStructureErrors() {
        expectErrors("a\n1️⃣{% if x %}\nb\n", [1: "if is never closed"])
        expectErrors("1️⃣{% for x in y %}", [1: "for is never closed"])
        expectErrors("a\n 1️⃣{% endif %}", [1: "endif without a matching opening tag"])
        expectErrors("1️⃣{% endfor %}", [1: "endfor without a matching opening tag"])
        expectErrors("1️⃣{% else %} 2️⃣{% elif x %}", [1: "else without", 2: "elif without"])
        expectErrors("{% for x in y %}1️⃣{% else %}{% endfor %}", [1: "else without"])
        expectErrors("{% if a %}{% else %}1️⃣{% elif b %}{% endif %}", [1: "elif after else"])
        expectErrors("{% if a %}{% else %}1️⃣{% else %}{% endif %}", [1: "second else"])
        expectErrors("{% if a %}1️⃣{% for x in y %}{% endif %}", [1: "for is not closed before endif"])
        expectErrors("{% for 1️⃣loop in y %}{% endfor %}", [1: "\"loop\" cannot be a loop variable"])
        expectErrors("{% for x 1️⃣of y %}{% endfor %}", [1: "expected \"in\""])
        expectErrors("{% if 1️⃣%}{% endif %}", [1: "expected a name"])
        expectErrors("{% if x 1️⃣| length %}{% endif %}", [1: "filters are only allowed in {{ }} tags"])
        expectErrors("{% if a 1️⃣; %}x{% endif %}", [1: "unexpected character \";\""])
        expectErrors("{% for x in 1️⃣\"ab %}x{% endfor %}", [1: "string literal is not terminated"])
        expectErrors("{% for x in xs 1️⃣# %}x{% endfor %}", [1: "unexpected character \"#\""])
        expectErrors("{% if a %}x{% endif 1️⃣a %}", [1: "expected \"%}\", found \"a\""])
        expectErrors("{% include 1️⃣x %}", [1: "expected a quoted template path"])
        expectErrors("{% include 1️⃣\"../secret\" %}", [1: "must be relative"])
        expectErrors("{% include 1️⃣\"/etc/passwd\" %}", [1: "must be relative"])
    }

    @Test func filterErrorsAreReportedAtTheFilterName() {
        expectErrors("{{ x | 1️⃣upper }}", [1: "unknown filter \"upper\""])
        expectErrors("{{ x | 1️⃣indent }}", [1: "filter indent takes one integer"])
        expectErrors("{{ x | 1️⃣indent(\"2\") }}", [1: "filter indent takes one integer"])
        expectErrors("{{ x | 1️⃣indent(2, 3) }}", [1: "filter indent takes one integer"])
        expectErrors("{{ x | 1️⃣join(1) }}", [1: "filter join takes one string"])
        expectErrors("{{ x | 1️⃣fenced(\"a`b\") }}", [1: "filter fenced takes an optional language"])
        expectErrors("{{ x | 1️⃣raw(1) }}", [1: "filter raw takes no arguments"])
        expectErrors("{{ x | 1️⃣}}", [1: "expected a filter name"])
        expectErrors("{{ x | join(1️⃣y) }}", [1: "expected a string or integer argument"])
    }

    @Test func everyErrorOfATemplateIsCollected() {
        let marked = """
            1️⃣{% endif %}
            {{ a | 2️⃣bogus }}
            same line
            same line {{ b 3️⃣c }}
            4️⃣{% for x in y %}
            """
        expectErrors(marked, [1: "endif without", 2: "unknown filter", 3: "expected", 4: "for is never closed"])
    }

    @Test func columnsCountUnicodeScalars() {
        expectErrors("é€😀 {{ 1️⃣nope | raw }}\n👩‍💻 {{ 2️⃣nope2 | raw }}", [1: "unknown variable \"nope\"", 2: "unknown variable \"nope2\""])
    }
}
