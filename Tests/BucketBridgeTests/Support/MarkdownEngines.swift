import Foundation

/// True when python3 can import both Markdown engines the README is judged by, or under CI
/// (where tests must not skip).
let markdownEnginesAvailable =
    ExternalTool.isCI || ((try? runProcess(python3Interpreter, ["-c", "import markdown, markdown_it"]).status) == 0)

/// Install hint for the Markdown engines.
let markdownEnginesHint = "needs python3 with markdown and markdown-it-py (pip install markdown markdown-it-py)"

/// What a Markdown file shows, as each engine renders it: the first heading's text, the text
/// of each block quote and of each inline code span, and all of its text.
struct ShownMarkdown: Equatable {
    var title: String
    var quotes: [String]
    var codes: [String]
    var body: String

    /// Equal when the title, quotes and code spans are; the whole text differs between engines
    /// in line breaks between blocks.
    static func == (lhs: ShownMarkdown, rhs: ShownMarkdown) -> Bool {
        lhs.title == rhs.title && lhs.quotes == rhs.quotes && lhs.codes == rhs.codes
    }
}

/// Renders `path` with CommonMark (markdown-it-py) and Python-Markdown and reads back what each shows.
func shownMarkdown(_ path: String) throws -> (commonMark: ShownMarkdown, pythonMarkdown: ShownMarkdown) {
    guard let shown = try shownMarkdown([path])[path] else { throw TestFailure("the Markdown engines did not read \(path)") }
    return shown
}

/// The README of every destination of `renderedExamples` and of `renderedHostile`, by path.
func sharedReadmePaths() throws -> [String] {
    let examples = try renderedExamples.get()
    return examples.expected.map { examples.folder($0.name) + "/README.md" } + [try renderedHostile.get().folder("hostile") + "/README.md"]
}

/// `shownMarkdown` of `sharedReadmePaths()`, read once for the tests that need it.
let shownSharedReadmes = Lazily { try shownMarkdown(try sharedReadmePaths()) }

/// `shownMarkdown` of several files, by path, from one python3 process (its start-up and the
/// engines' imports cost more than reading a README).
func shownMarkdown(_ paths: [String]) throws -> [String: (commonMark: ShownMarkdown, pythonMarkdown: ShownMarkdown)] {
    let script = """
        import html.parser, json, sys, markdown, markdown_it
        class Reader(html.parser.HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.open, self.found = [], {"title": "", "quotes": [], "codes": [], "body": ""}
            def handle_starttag(self, tag, attrs):
                if tag in ("h1", "blockquote", "code") and not (tag == "code" and "pre" in [t for t, _ in self.open]):
                    self.open.append((tag, []))
                elif tag == "pre":
                    self.open.append(("pre", []))
            def handle_endtag(self, tag):
                if self.open and self.open[-1][0] == tag:
                    name, parts = self.open.pop()
                    text = "".join(parts)
                    if name == "h1" and not self.found["title"]: self.found["title"] = text
                    if name == "blockquote": self.found["quotes"].append(text.strip())
                    if name == "code": self.found["codes"].append(text)
                    for _, outer in self.open: outer.append(text)
            def handle_data(self, data):
                self.found["body"] += data
                if self.open: self.open[-1][1].append(data)
        results = {}
        for path in sys.argv[1:]:
            text = open(path, encoding="utf-8").read()
            result = {}
            for name, html_text in (("commonMark", markdown_it.MarkdownIt("commonmark").enable("table").render(text)),
                                    ("pythonMarkdown", markdown.markdown(text, extensions=["fenced_code", "tables"]))):
                reader = Reader(); reader.feed(html_text); result[name] = reader.found
            results[path] = result
        print(json.dumps(results))
        """
    let run = try runProcess(python3Interpreter, ["-c", script] + paths)
    guard run.status == 0, let all = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: [String: [String: Any]]] else {
        throw TestFailure("reading \(paths) with the Markdown engines failed: \(run.errors)")
    }
    var shownByPath: [String: (commonMark: ShownMarkdown, pythonMarkdown: ShownMarkdown)] = [:]
    for (path, object) in all {
        func shown(_ name: String) -> ShownMarkdown {
            let found = object[name] ?? [:]
            return ShownMarkdown(
                title: found["title"] as? String ?? "", quotes: found["quotes"] as? [String] ?? [], codes: found["codes"] as? [String] ?? [],
                body: found["body"] as? String ?? "")
        }
        shownByPath[path] = (shown("commonMark"), shown("pythonMarkdown"))
    }
    return shownByPath
}
