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
