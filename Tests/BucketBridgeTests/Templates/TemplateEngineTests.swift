import Testing
@testable import BucketBridge

/// What the renderer keeps between templates and renders gives the same text as rendering each
/// template on its own: output templates resolved once, sized caches, text held as ranges of
/// the template's bytes, and the buffer's one-reservation writers.
struct TemplateEngineTests {
    let sources = [
        "b.md": "é{{ name | markdown }}ü\n{% if flag %}yes{% elif other %}other{% else %}no{% endif %}\n{% include \"partials/p.txt\" %}",
        "a.sh": "{% for x in list %}{{ x }}{% if not loop.last %},{% endif %}{% endfor %} {{ name }}",
        "partials/p.txt": "[{{ name | raw }}]",
        "broken.yaml": "{{ name ",
    ]
    let context: JSONValue = ["name": "Ünïcode *x*", "flag": false, "other": true, "list": ["a", "b c"]]

    @Test func outputTemplatesRenderAsTheirPathsDo() throws {
        var diagnostics = Diagnostics()
        let set = TemplateSet(sources: sources, diagnostics: &diagnostics)
        #expect(set.outputPaths == ["a.sh", "b.md", "broken.yaml"])
        var shared = set.makeCache()
        for (index, path) in set.outputPaths.enumerated() {
            var fresh = TemplateCache(), byIndex = Diagnostics(), byPath = Diagnostics()
            let expected = set.renderUTF8(path, context: context, placeholders: TemplatePlaceholders(), cache: &fresh, diagnostics: &byPath)
            let rendered = set.renderOutput(index, context: context, placeholders: TemplatePlaceholders(), cache: &shared, diagnostics: &byIndex)
            #expect(rendered?.bytes == expected?.bytes, "\(path)")
            #expect(byIndex.map(\.message) == byPath.map(\.message), "\(path)")
        }
        var cache = set.makeCache()
        let text = set.renderUTF8("b.md", context: context, placeholders: TemplatePlaceholders(), cache: &cache, diagnostics: &diagnostics)
        #expect(text?.text == "éÜnïcode \\*x\\*ü\nother\n[Ünïcode *x*]")
        let loop = set.renderUTF8("a.sh", context: context, placeholders: TemplatePlaceholders(), cache: &cache, diagnostics: &diagnostics)
        #expect(loop?.text == "'a','b c' 'Ünïcode *x*'")
    }

    /// Each render looks for a name first where the render before found it: contexts of other
    /// shapes (keys moved, missing, not objects) render and fail as they do on their own.
    @Test func contextsOfOtherShapesRenderAsOnTheirOwn() {
        var diagnostics = Diagnostics()
        let set = TemplateSet(sources: ["t.txt": "{{ a.b | raw }} {{ c | raw }} {{ a.b | raw }}{% if d %}!{% endif %}"], diagnostics: &diagnostics)
        let contexts: [JSONValue] = [
            ["a": ["x": 1, "b": "one"], "c": "two", "d": true],
            ["a": ["x": 1, "b": "one"], "c": "two", "d": false],
            ["c": "three", "d": false, "a": ["b": "four"]],
            ["d": 1, "a": ["b": "five", "x": 2], "c": "six"],
            ["a": ["x": 1], "c": "seven", "d": true],
            ["a": "not an object", "c": "eight", "d": true],
            ["x": 1, "c": "nine", "a": ["b": "ten"]],
            ["a": ["x": 1, "b": "one"], "c": "two", "d": true],
        ]
        for context in contexts {
            var fresh = TemplateCache(), shared = set.makeCache(), alone = Diagnostics(), learning = Diagnostics()
            let expected = set.render("t.txt", context: context, cache: &fresh, diagnostics: &alone)
            let rendered = set.renderUTF8("t.txt", context: context, placeholders: TemplatePlaceholders(), cache: &shared, diagnostics: &learning)
            #expect(rendered?.text == expected, "\(context)")
            #expect(learning.map(\.message) == alone.map(\.message), "\(context)")
        }
    }

    @Test func quotedAppendsAndLineBreaksGrowLikeSeparateAppends() {
        var buffer = TextBuffer(capacity: 1)
        var expected = ""
        for index in 0..<200 {
            let text = String(repeating: "k", count: index % 37)
            let quoted = buffer.appendQuoted(text, quote: UInt8(ascii: "\""), ifPlainExcept: UInt8(ascii: "\""))
            #expect(quoted)
            let copy = buffer
            buffer.newline(indent: index % 5 - 1)
            expected += "\"" + text + "\"" + "\n" + String(repeating: " ", count: max(index % 5 - 1, 0))
            #expect(copy.count + 1 + max(index % 5 - 1, 0) == buffer.count)
        }
        #expect(buffer.text == expected)
        let refused = buffer.appendQuoted("a\"b", quote: UInt8(ascii: "\""), ifPlainExcept: UInt8(ascii: "\""))
        #expect(!refused)
        #expect(buffer.text == expected)
    }
}
