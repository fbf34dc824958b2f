import Testing

@testable import BucketBridge

/// Renders `source` as the template at `path` (with `partials` beside it) and returns the text,
/// or nil and every diagnostic of parsing and rendering, sorted by location.
func renderTemplate(
    _ source: String, path: String = "test.txt", context: JSONValue = [:], partials: [String: String] = [:]
) -> (text: String?, diagnostics: [Diagnostic]) {
    var diagnostics = Diagnostics()
    var sources = partials
    sources[path] = source
    let set = TemplateSet(sources: sources, diagnostics: &diagnostics)
    let text = diagnostics.hasErrors ? nil : set.render(path, context: context, diagnostics: &diagnostics)
    return (text, diagnostics.sorted)
}

/// A template source with keycap markers (`1️⃣`, `2️⃣`, ...) removed, and where each stood.
struct MarkedTemplate {
    var source = ""
    var markers: [Int: (line: Int, column: Int)] = [:]

    init(_ marked: String) {
        let scalars = Array(marked.unicodeScalars)
        var line = 1, column = 1, index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if index + 2 < scalars.count, scalar.properties.numericType != nil, scalar.isASCII,
                scalars[index + 1] == "\u{FE0F}", scalars[index + 2] == "\u{20E3}"
            {
                markers[Int(String(scalar))!] = (line, column)
                index += 3
                continue
            }
            source.unicodeScalars.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
    }
}

/// Asserts that rendering the marked template fails with exactly one error per marker, each at
/// its marker and containing the paired message fragment.
func expectErrors(
    _ marked: String, _ messages: [Int: String], path: String = "test.txt", context: JSONValue = [:],
    partials: [String: String] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let template = MarkedTemplate(marked)
    let result = renderTemplate(template.source, path: path, context: context, partials: partials)
    #expect(result.text == nil, sourceLocation: sourceLocation)
    let expected = messages.keys.sorted().map { marker -> String in
        let (line, column) = template.markers[marker]!
        return "\(path):\(line):\(column)"
    }
    let found = result.diagnostics.map { $0.location.map(\.description) ?? "-" }
    #expect(found == expected, "\(result.diagnostics)", sourceLocation: sourceLocation)
    for (diagnostic, marker) in zip(result.diagnostics, messages.keys.sorted()) {
        #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
        #expect(diagnostic.path == nil, sourceLocation: sourceLocation)
        #expect(diagnostic.message.contains(messages[marker]!), "\(diagnostic)", sourceLocation: sourceLocation)
    }
}
