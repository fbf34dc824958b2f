/// How serious a diagnostic is. Errors stop a render; warnings are printed and the run goes on.
public enum Severity: String, Sendable, Hashable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A position in a named file: 1-based line and column (the column counts Unicode scalars).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file name as the user gave it.
    public var file: String
    /// 1-based line number; 0 when only the file is known.
    public var line: Int
    /// 1-based column in Unicode scalars; 0 when unknown.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, or fewer parts when the position is unknown.
    public var description: String {
        if line == 0 { return file }
        if column == 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One problem found in the input: where, which field, which value, and why.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Error, warning or note.
    public var severity: Severity
    /// Where the problem is, when a file is involved.
    public var location: SourceLocation?
    /// The field the problem concerns, when it is inside a spec.
    public var path: FieldPath?
    /// The offending value as written in the input, when there is one.
    public var value: JSONValue?
    /// What is wrong, phrased to follow the value: `is not a valid S3 bucket name: ...`.
    public var message: String
    /// An optional suggestion, such as a "did you mean" correction.
    public var hint: String?
    /// The kind of problem, with its stable id.
    public var rule: DiagnosticRule

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, _ rule: DiagnosticRule, at location: SourceLocation?, path: FieldPath? = nil,
        value: JSONValue? = nil, _ message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.rule = rule
        self.location = location
        self.path = path
        self.value = value
        self.message = message
        self.hint = hint
    }

    /// The line printed to stderr: `file:line:col: error: path: "value" message (hint)`.
    public var description: String {
        (location.map { "\($0): " } ?? "") + "\(severity.rawValue): " + summary
    }

    /// `path: "value" message (hint)`: the diagnostic without its location and severity, as
    /// every format prints it. Values longer than `DiagnosticValue.maximumShown` characters are shortened.
    public var summary: String {
        var text = ""
        if let path { text += "\(path): " }
        if let value { text += displayValue(value) + " " }
        text += message
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// The diagnostics a stage has collected. Stages append and carry on; callers check between stages.
public struct Diagnostics: Sendable, Sequence {
    private var items: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    /// An empty collection.
    public init() {}

    /// Adds a diagnostic unless an identical one was already added.
    public mutating func append(_ diagnostic: Diagnostic) {
        if seen.insert(diagnostic).inserted { items.append(diagnostic) }
    }

    /// Adds every diagnostic of another collection.
    public mutating func append(contentsOf other: Diagnostics) {
        for diagnostic in other.items { append(diagnostic) }
    }

    /// Adds an error.
    mutating func error(
        at location: SourceLocation?, path: FieldPath? = nil, value: JSONValue? = nil,
        _ message: Message, hint: String? = nil
    ) {
        append(Diagnostic(.error, message.rule, at: location, path: path, value: value, message.text, hint: hint))
    }

    /// Adds a warning.
    mutating func warning(
        at location: SourceLocation?, path: FieldPath? = nil, value: JSONValue? = nil,
        _ message: Message, hint: String? = nil
    ) {
        append(Diagnostic(.warning, message.rule, at: location, path: path, value: value, message.text, hint: hint))
    }

    /// True when at least one error was collected.
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// True when nothing was collected.
    public var isEmpty: Bool { items.isEmpty }

    /// The number of diagnostics collected.
    public var count: Int { items.count }

    /// The diagnostics ordered by file, line and column; diagnostics without a location come first.
    public var sorted: [Diagnostic] {
        items.enumerated().sorted { lhs, rhs in
            switch (lhs.element.location, rhs.element.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }

    public func makeIterator() -> IndexingIterator<[Diagnostic]> { items.makeIterator() }
}
