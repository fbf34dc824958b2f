import Foundation
import Testing
@testable import BucketBridge

@Suite("Template rendering")
struct TemplateRenderTests {
    let role: JSONValue = ["name": "Reader", "tags": ["owner": "data", "team": "x"], "arn": .null]

    @Test func defaultEscapeFollowsTheFileExtension() {
        let context: JSONValue = ["s": "it's \"$HOME\"", "n": 7, "b": true]
        let expected: [(String, String)] = [
            ("a.json", #""it's \"$HOME\"" 7 true"#),
            ("a.yaml", #""it's \"$HOME\"" 7 true"#),
            ("a.yml", #""it's \"$HOME\"" 7 true"#),
            ("main.tf", #""it's \"$HOME\"" 7 true"#),
            ("x.hcl", #""it's \"$HOME\"" 7 true"#),
            ("setup.sh", #"'it'\''s "$HOME"' 7 true"#),
            ("README.md", #"it's "$HOME" 7 true"#),
        ]
        for (path, output) in expected {
            #expect(renderTemplate("{{ s }} {{ n }} {{ b }}", path: path, context: context).text == output, "\(path)")
        }
        #expect(TemplateFormat(path: "dir.json/file") == .text)
        #expect(TemplateFormat(path: "cloudformation/template.YAML") == .yaml)
        #expect(TemplateFormat(path: ".json") == .text)
    }

    @Test func textTemplatesNeedAnExplicitFilterForStrings() {
        expectErrors("n={{ n }} 1️⃣{{ s }}", [1: "s is a string printed in a text template: choose an escaping filter or raw"],
            path: "notes.txt", context: ["s": "x", "n": 1])
        #expect(renderTemplate("{{ s | raw }} {{ n }} {{ s | shell }}", path: "notes.txt", context: ["s": "a b", "n": 1]).text == "a b 1 'a b'")
    }

    @Test func unknownNamesAreErrorsAtTheirPosition() {
        expectErrors("{{ role.name }}\n{{ 1️⃣rol.name }}", [1: "unknown variable \"rol\""], path: "t.json", context: ["role": role])
        expectErrors("{{ role.2️⃣nmae }}", [2: "role has no key \"nmae\""], path: "t.json", context: ["role": role])
        expectErrors("{{ role.tags.owner.1️⃣x }}", [1: "role.tags.owner is a string, not an object"], path: "t.json", context: ["role": role])
        expectErrors("{% if 1️⃣missing %}x{% endif %}", [1: "unknown variable"], context: [:])
        let result = renderTemplate("{{ role.nmae }}", path: "t.json", context: ["role": role])
        #expect(result.diagnostics.first?.hint == "available: name, tags, arn")
    }

    @Test func printingNullOrCollectionsNeedsAFilter() {
        expectErrors("1️⃣{{ role.arn }}", [1: "role.arn is null and cannot be printed"], path: "t.yaml", context: ["role": role])
        expectErrors("1️⃣{{ role.tags }}", [1: "role.tags is an object and cannot be printed as it is"], path: "t.yaml", context: ["role": role])
        #expect(renderTemplate("{{ role.arn | json }}", path: "t.yaml", context: ["role": role]).text == "null")
        #expect(renderTemplate("{% if role.arn %}x{% else %}none{% endif %}", context: ["role": role]).text == "none")
    }

    @Test func loopsExposeFirstLastAndIndex() {
        let source = """
            {% for r in roles %}
            {{ loop.index }}{% if loop.first %} first{% endif %}{% if loop.last %} last{% endif %}: {{ r.name }}
            {% for t in r.tags %}
              {{ loop.index }}/{{ t }}
            {% endfor %}
            {% endfor %}
            """
        let roles: JSONValue = [["name": "a", "tags": ["x", "y"]], ["name": "b", "tags": []], ["name": "c", "tags": ["z"]]]
        let expected = "1 first: \"a\"\n  1/\"x\"\n  2/\"y\"\n2: \"b\"\n3 last: \"c\"\n  1/\"z\"\n"
        #expect(renderTemplate(source, path: "r.yaml", context: ["roles": roles]).text == expected)
    }

    @Test func loopVariablesShadowTheContextOnlyInsideTheLoop() {
        let source = "{% for x in xs %}{{ x }},{% endfor %}{{ x }}"
        #expect(renderTemplate(source, path: "a.json", context: ["x": "outer", "xs": [1, 2]]).text == "1,2,\"outer\"")
        #expect(renderTemplate("{{ loop }}", path: "a.json", context: ["loop": 3]).text == "3")
        expectErrors("{% for x in xs %}{{ loop.1️⃣size }}{% endfor %}", [1: "loop has no property \"size\""], context: ["xs": [1]])
        expectErrors("{% for x in xs %}{{ x }}{% endfor %}{{ 2️⃣x }}", [2: "unknown variable \"x\""], path: "a.json", context: ["xs": [1]])
    }

    @Test func namesFindTheInnermostLoopVariableThenTheContext() {
        // The set resolves a root to an enclosing loop of the same template before rendering;
        // a partial's root may still be bound by the loop that includes it, or be the context's.
        let source = """
            {{ x }}{% for x in xs %}[{{ x.a }}{% for x in x.inner %}({{ x }}/{{ y }}){% endfor %}{{ x.a }}]{% endfor %}{{ x }}
            {% for y in ys %}{% include "partials/p.json" %}{% endfor %}{% include "partials/p.json" %}
            """
        let context: JSONValue = ["x": "c", "y": 0, "xs": [["a": 1, "inner": [2, 3]], ["a": 4, "inner": []]], "ys": [5]]
        let result = renderTemplate(source, path: "t.json", context: context, partials: ["partials/p.json": "<{{ y }}>"])
        #expect(result.text == "\"c\"[1(2/0)(3/0)1][44]\"c\"\n<5><0>")
    }

    @Test func forNeedsAnArray() {
        expectErrors("1️⃣{% for t in role.tags %}{% endfor %}", [1: "for needs an array, but role.tags is an object"], context: ["role": role])
    }

    @Test func renderErrorsAreAllCollected() {
        let result = renderTemplate("{% for i in xs %}{{ i.a }}{{ nope }}{% endfor %}\n{{ other }}", path: "a.json", context: ["xs": [["a": 1], ["b": 2]]])
        #expect(result.text == nil)
        #expect(result.diagnostics.map(\.description) == [
            "a.json:1:23: error: i has no key \"a\" (available: b)",
            "a.json:1:30: error: unknown variable \"nope\" (available: i, xs)",
            "a.json:2:4: error: unknown variable \"other\" (available: xs)",
        ])
    }

    @Test func andOrShortCircuit() {
        #expect(renderTemplate("{% if role.arn and role.arn.x %}a{% else %}b{% endif %}", context: ["role": role]).text == "b")
        #expect(renderTemplate("{% if role.name or nope %}a{% endif %}", context: ["role": role]).text == "a")
    }

    @Test func includesShareTheContextAndUseTheirOwnFormat() {
        let partials = ["partials/item.sh": "echo {{ x }} {{ loop.index }} {{ title }}\n"]
        let source = "{% for x in xs %}\n{% include \"partials/item.sh\" %}\n{% endfor %}\n"
        let result = renderTemplate(source, path: "list.txt", context: ["xs": ["a b", "$(c)"], "title": "T"], partials: partials)
        #expect(result.text == "echo 'a b' 1 'T'\necho '$(c)' 2 'T'\n")
    }

    @Test func missingIncludesAndCyclesAreReportedAtTheInclude() {
        expectErrors("a\n  1️⃣{% include \"partials/none.txt\" %}", [1: "included template \"partials/none.txt\" does not exist"])
        expectErrors("1️⃣{% include \"test.txt\" %}", [1: "include cycle: test.txt → test.txt"])
        let partials = ["p/a.txt": "x\n{% include \"p/b.txt\" %}", "p/b.txt": "{% include \"p/a.txt\" %}"]
        let result = renderTemplate("{% include \"p/a.txt\" %}", partials: partials)
        #expect(result.text == nil)
        #expect(result.diagnostics.map(\.description) == ["p/b.txt:1:1: error: include cycle: p/a.txt → p/b.txt → p/a.txt"])
    }

    @Test func setReportsBrokenAndUnknownTemplates() {
        var diagnostics = Diagnostics()
        let set = TemplateSet(sources: ["bad.txt": "{% if %}", "good.txt": "ok"], diagnostics: &diagnostics)
        #expect(diagnostics.count == 2)
        #expect(set.paths == ["bad.txt", "good.txt"])
        var renderDiagnostics = Diagnostics()
        #expect(set.render("good.txt", context: [:], diagnostics: &renderDiagnostics) == "ok")
        #expect(set.render("bad.txt", context: [:], diagnostics: &renderDiagnostics) == nil)
        #expect(set.render("none.txt", context: [:], diagnostics: &renderDiagnostics) == nil)
        #expect(set.render("good.txt", context: "x", diagnostics: &renderDiagnostics) == nil)
        #expect(renderDiagnostics.map(\.message) == [
            "template \"bad.txt\" has errors and cannot be rendered", "no template \"none.txt\"",
            "the template context must be an object",
        ])
    }

    @Test func rendersConcurrentlyFromOneSet() async {
        var diagnostics = Diagnostics()
        let set = TemplateSet(sources: ["t.yaml": "{% for x in xs %}\n- {{ x }}: {{ n }}\n{% endfor %}"], diagnostics: &diagnostics)
        let results = await withTaskGroup(of: (Int, String?).self) { group in
            for n in 0..<64 {
                group.addTask {
                    var local = Diagnostics()
                    return (n, set.render("t.yaml", context: ["xs": ["a", "b"], "n": .int(n)], diagnostics: &local))
                }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        for n in 0..<64 { #expect(results[n] == "- \"a\": \(n)\n- \"b\": \(n)\n") }
    }
}
