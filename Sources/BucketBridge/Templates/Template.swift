/// A parsed template: the abstract syntax tree of one file, ready to render many times.
///
/// # The template language
///
/// Small and strict. Templates are plain files; the tags are:
///
/// - `{{ expr }}` prints a value, escaped for the template's output format;
///   `{{ expr | filter | filter(arg) }}` pipes it through filters first.
/// - `{% if expr %} … {% elif expr %} … {% else %} … {% endif %}`.
/// - `{% for x in expr %} … {% endfor %}` iterates an array. Inside, `loop.first`, `loop.last`
///   and `loop.index` (1-based) describe the innermost loop.
/// - `{% include "partials/name.ext" %}` renders another template (path relative to the template
///   root) with the same variables; it is escaped by its own file extension.
/// - `{# comment #}` prints nothing and may span lines.
///
/// `{{` and `{%` tags must close on the line they open on. To print one of the openers `{{`,
/// `{%` or `{#` as text (as in bash's `${#name}`), write `{{ "{#" | raw }}`.
///
/// **Expressions**: dotted names (`role.name`, `loop.first`), string literals in double quotes
/// (escapes `\"`, `\\`, `\n`, `\t`), integer literals, `not x`, `x and y`, `x or y`, `x == y`,
/// `x != y` and parentheses. `if` tests truthiness: false, null, 0, "" and empty collections
/// are false. Filters are only allowed in `{{ }}` tags.
///
/// **Whitespace**: a line holding only block tags (`{% %}`) or comments (`{# #}`) plus spaces or
/// tabs produces no output at all, newline included. Tags elsewhere on a line are left as they are.
///
/// **Strictness**: an unknown variable or a missing object key is an error, never empty text.
/// Printing `null` or an array or object without a filter that handles it is an error, and so
/// are unknown filters, bad filter arguments, unclosed or stray block tags and unterminated tags.
/// Every error names the template's relative path with the line and column of the offending tag
/// or name; parsing reports all the errors of a template, not only the first.
///
/// **Limits** (``TemplateLimits``), errors like the others: a tag holds at most 256 tokens,
/// blocks nest at most 64 deep (parsing stops there) and includes 16 deep, and one render runs
/// at most 100,000 loop bodies and writes at most 32 MB.
///
/// **Escaping** is chosen by the file extension (see ``TemplateFormat``): `.json` → JSON literal,
/// `.yaml`/`.yml` → double-quoted YAML scalar, `.tf`/`.hcl` → quoted HCL string, `.sh` →
/// single-quoted shell word, `.md` → Markdown text with punctuation backslash-escaped, anything
/// else → text, where printing a string needs an explicit escaping filter or `raw`. Integers and
/// booleans print plainly in every format. When the last filter of a chain is an escaping
/// filter, the default escape is not applied again (`{{ doc | json | shell }}` prints the JSON
/// text as one single-quoted shell word).
///
/// **Filters** (escaping ones marked *):
/// - `raw`* — a string (or number) as it is, placeholders shown as `<NAME>`: an explicit opt-out of escaping.
/// - `json`* — pretty JSON of any value (2-space indent, keys in stored order); see ``encodeJSON(_:)``.
/// - `json_compact`* — one-line JSON without spaces.
/// - `yaml`* — block-style YAML of any value, strings double-quoted; see ``encodeYAML(_:)``.
/// - `hcl`* — an HCL expression laid out as `terraform fmt` would; see ``encodeHCL(_:)``.
/// - `shell`* — a single-quoted shell word.
/// - `markdown`* — inline Markdown text, punctuation escaped, line breaks turned into spaces.
/// - `markdown_code`* — an inline Markdown code span.
/// - `fenced` / `fenced("lang")`* — a fenced Markdown code block (no trailing newline).
/// - `indent(n)` — n spaces before every line but the first (empty lines stay empty); keeps
///   whether its input was already escaped, so `{{ doc | yaml | indent(8) }}` is not re-escaped.
/// - `join(", ")` — the elements of an array of scalars joined into one string (not escaped yet).
/// - `prose` — a phrase (an array of `{"text": …}` and `{"code": …}` objects, as the access
///   summary writes its sentences): in Markdown the words escaped and the values as code spans;
///   in other formats the plain text, escaped as a string of the format.
/// - `length` — the number of elements of an array or object, or of characters of a string.
///
/// Multi-line filter output (`json`, `yaml`, `hcl`, `fenced`) starts where the tag stands and
/// continues at column 0: follow it with `indent(n)` to place the block.
public struct Template: Sendable {
    /// The template's path relative to the template root, used in diagnostics.
    public let path: String
    /// The output format, chosen by the path's extension.
    public let format: TemplateFormat
    /// The top-level nodes.
    let nodes: [TemplateNode]
    /// The template's literal text as UTF-8, one piece after the other: each `.text` node is
    /// a range of it.
    let text: [UInt8]
    /// Every `{% include %}` of the template, in source order, for checking the include graph.
    let includes: [(path: String, position: TemplatePosition)]
}

/// A 1-based line and column (in Unicode scalars) inside one template.
struct TemplatePosition: Sendable, Hashable {
    var line: Int
    var column: Int
}

/// One node of a template's syntax tree.
///
/// Literal text is a range of the template's bytes, held in the node itself: the walk of a
/// render copies each node it visits, and copying a text node then retains nothing. The other
/// cases are `indirect`: copying one of them retains one box, not each of its parts.
enum TemplateNode: Sendable {
    /// Literal text, printed as it is: the range of the template's ``Template/text`` that holds
    /// it as UTF-8, so printing it is one copy of bytes.
    case text(Range<Int>)
    /// `{{ expr | filters }}`. `cacheSlots` numbers, for each start of the filter chain, where a
    /// render's ``TemplateCache`` keeps what a context variable prints through it (set by
    /// ``TemplateSet``; empty when the value is not cached).
    indirect case output(TemplateExpression, [TemplateFilterCall], TemplatePosition, cacheSlots: [Int] = [])
    /// `if`/`elif` branches in order, then the `else` body (empty when absent).
    indirect case conditional([TemplateBranch], otherwise: [TemplateNode])
    /// `{% for variable in sequence %} body {% endfor %}`.
    indirect case loop(variable: String, sequence: TemplateExpression, body: [TemplateNode], TemplatePosition)
    /// `{% include "path" %}`.
    indirect case include(String, TemplatePosition)
}

/// One `if` or `elif` branch: its condition and body.
struct TemplateBranch: Sendable {
    var condition: TemplateExpression
    var body: [TemplateNode]
}

/// An expression inside a tag.
indirect enum TemplateExpression: Sendable {
    /// A dotted name: the root variable and the keys looked up in turn, each with its position,
    /// and where a render finds the root (numbered by the ``TemplateSet``).
    case variable([TemplateName], lookup: TemplateLookup = .unnumbered)
    /// A string or integer literal.
    case literal(JSONValue)
    case not(TemplateExpression)
    case and(TemplateExpression, TemplateExpression)
    case or(TemplateExpression, TemplateExpression)
    case equal(TemplateExpression, TemplateExpression)
    case notEqual(TemplateExpression, TemplateExpression)
}

/// One component of a dotted name, with where it stands.
struct TemplateName: Sendable {
    var name: String
    var position: TemplatePosition
}
