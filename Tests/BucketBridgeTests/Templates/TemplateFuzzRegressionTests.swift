import Foundation
import Testing

@testable import BucketBridge

/// Templates found by fuzzing the template engine (fuzz/run template) and its big-input
/// probes: each crashed (stack overflow), hung or grew without bound before it became an error
/// at its position.
@Suite("Template fuzz regressions")
struct TemplateFuzzRegressionTests {
    /// Seconds `body` takes.
    func seconds(_ body: () -> Void) -> Double {
        let elapsed = ContinuousClock().measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// 100,000 nested parentheses, `not`s or `and`s overflowed the stack of the recursive
    /// expression parser (signal 11); a tag now holds at most 256 tokens.
    static let longTags = [
        "parentheses": "{{ " + String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000) + " }}",
        "nots": "{% if " + String(repeating: "not ", count: 100_000) + "1 %}x{% endif %}",
        "ands": "{% if " + String(repeating: "1 and ", count: 100_000) + "1 %}x{% endif %}",
    ]

    @Test(arguments: longTags.keys.sorted())
    func longTagsAreAnErrorNotAStackOverflow(kind: String) {
        let result = renderTemplate(Self.longTags[kind]!)
        #expect(result.text == nil)
        #expect(result.diagnostics.map(\.message).contains("tag is too long: a tag holds at most 256 names, literals and symbols"))
    }

    @Test func aTagAtTheTokenLimitStillWorks() {
        let source = "{{ " + Array(repeating: "1", count: 128).joined(separator: " and ") + " }}"
        #expect(renderTemplate(source, context: [:]).text == "true")
    }

    /// 100,000 nested `if` blocks overflowed the stack when the syntax tree was rendered or freed.
    @Test func deeplyNestedBlocksStopAtTheLimit() {
        let opener = "{% if 1 %}"
        let source = String(repeating: opener, count: 100_000) + "x" + String(repeating: "{% endif %}", count: 100_000)
        let result = renderTemplate(source)
        #expect(result.text == nil)
        let column = 1 + TemplateLimits.blockDepth * opener.count
        #expect(result.diagnostics.map(\.message) == ["blocks are nested more than 64 deep"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "test.txt", line: 1, column: column))
        let nested = String(repeating: opener, count: 64) + "x" + String(repeating: "{% endif %}", count: 64)
        #expect(renderTemplate(nested).text == "x")
    }

    /// Thirty nested loops over two elements ran 2³⁰ bodies: a hang.
    @Test func nestedLoopsStopAfterTheIterationLimit() {
        let loops = (0..<30).map { "{% for v\($0) in pair %}" }.joined()
        let source = loops + "." + String(repeating: "{% endfor %}", count: 30)
        var result: (text: String?, diagnostics: [Diagnostic]) = (nil, [])
        let elapsed = seconds { result = renderTemplate(source, context: ["pair": [1, 2]]) }
        #expect(result.text == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message == "the template's loops run more than 100000 times in one render")
        #expect(elapsed < 20, "\(elapsed) s")
    }

    @Test func outputStopsAtItsLimit() {
        let source = (0..<8).map { "{% for v\($0) in pair %}" }.joined() + "{{ big | raw }}" + String(repeating: "{% endfor %}", count: 8)
        let big = String(repeating: "x", count: 1_048_576)
        let result = renderTemplate(source, context: ["pair": [1, 2], "big": .string(big)])
        #expect(result.text == nil)
        #expect(result.diagnostics.map(\.message) == ["the template's output is larger than 32 MB"])
    }

    @Test func includesStopAtTheDepthLimit() {
        var partials: [String: String] = [:]
        for level in 0..<20 { partials["partials/p\(level).txt"] = "\(level){% include \"partials/p\(level + 1).txt\" %}" }
        partials["partials/p20.txt"] = "end"
        let result = renderTemplate(#"{% include "partials/p0.txt" %}"#, partials: partials)
        #expect(result.text == nil)
        #expect(result.diagnostics.map(\.message) == ["includes are nested more than 16 deep"])
    }

    /// Each unclosed `{{` scanned to the end of its line: 200,000 of them on one line took
    /// minutes. Every tag's closer is now known in constant time.
    static let unclosedLines = ["openers": String(repeating: "{{", count: 200_000), "strings": String(repeating: "{{ \"", count: 100_000)]

    @Test(arguments: unclosedLines.keys.sorted())
    func unclosedTagsOnOneLongLineTakeLinearTime(kind: String) {
        var diagnostics = Diagnostics()
        let elapsed = seconds { _ = Template(path: "t.txt", source: Self.unclosedLines[kind]!, diagnostics: &diagnostics) }
        #expect(diagnostics.count > 50_000)
        #expect(elapsed < 30, "\(elapsed) s")
    }

    /// The former scan, forward from each opener: the closers table must agree with it.
    func scannedClose(_ scalars: [Unicode.Scalar], opener: Unicode.Scalar, from start: Int) -> Int? {
        func scan(ignoringStrings: Bool) -> Int? {
            let closer: Unicode.Scalar = opener == "{" ? "}" : opener
            var index = start, inString = false
            while index + 1 < scalars.count || (inString && index < scalars.count) {
                let scalar = scalars[index]
                if opener != "#" {
                    if scalar == "\n" { return nil }
                    if inString {
                        if scalar == "\\" {
                            if index + 1 < scalars.count, scalars[index + 1] == "\n" { return nil }
                            index += 2
                            continue
                        }
                        if scalar == "\"" { inString = false }
                        index += 1
                        continue
                    }
                    if scalar == "\"", !ignoringStrings {
                        inString = true
                        index += 1
                        continue
                    }
                }
                if scalar == closer, scalars[index + 1] == "}" { return index }
                index += 1
            }
            return nil
        }
        return scan(ignoringStrings: false) ?? scan(ignoringStrings: true)
    }

    @Test func closersAgreeWithAForwardScan() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = ["{", "}", "%", "#", "\"", "\\", "\n", "x", " "]
        for _ in 0..<2_000 {
            let scalars = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let closers = TemplateClosers(scalars)
            for opener in ["{", "%", "#"] as [Unicode.Scalar] {
                for start in 0...scalars.count {
                    let expected = scannedClose(scalars, opener: opener, from: start)
                    let found = closers.close(opener: opener, from: start)
                    #expect(found == expected, "\(String(String.UnicodeScalarView(scalars)).debugDescription) opener \(opener) from \(start)")
                    if found != expected { return }
                }
            }
        }
    }
}
