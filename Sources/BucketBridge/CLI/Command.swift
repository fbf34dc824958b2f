/// A command line, parsed: what the user asked `bucketbridge` to do.
public enum Command: Sendable, Equatable {
    /// `render SPEC... [--out DIR] [--templates DIR] [--check]`
    case render(specs: [String], out: String, templates: String?, check: Bool)
    /// `validate SPEC...`
    case validate(specs: [String])
    /// `verify SPEC... [--destination NAME] [--trust FILE] [--permissions FILE] [--bucket-policy FILE]`
    case verify(specs: [String], destination: String?, inputs: [VerificationInput])
    /// `explain SPEC... [--format text|json]`
    case explain(specs: [String], format: ExplanationFormat)
    /// `external-id [--prefix TEXT] [--length N]`
    case externalID(prefix: String, length: Int)
    /// `schema`
    case schema
    /// `--help`, `-h`, `help`
    case help
    /// `--version`
    case version
}

/// Parses the arguments after the program name. A pure function: no I/O.
public func parseCommandLine(_ arguments: [String]) -> Result<Command, UsageError> {
    guard let verb = arguments.first else { return .failure(UsageError(message: "no command given")) }
    var options = OptionScanner(Array(arguments.dropFirst()))
    let result: Result<Command, UsageError>
    switch verb {
    case "render":
        let out = options.value("--out")
        let templates = options.value("--templates")
        let check = options.flag("--check")
        result = options.finish(requirePositionals: "render needs at least one SPEC file").map {
            .render(specs: $0, out: out ?? "output", templates: templates, check: check)
        }
    case "validate":
        result = options.finish(requirePositionals: "validate needs at least one SPEC file").map { .validate(specs: $0) }
    case "verify":
        let destination = options.value("--destination")
        let inputs = PolicyKind.allCases.compactMap { kind in options.value(kind.option).map { VerificationInput(kind, $0) } }
        result = options.finish(requirePositionals: "verify needs at least one SPEC file").flatMap { specs in
            inputs.isEmpty ? .failure(UsageError(message: VerificationUsage.noFiles)) : .success(.verify(specs: specs, destination: destination, inputs: inputs))
        }
    case "explain":
        let formatText = options.value("--format") ?? "text"
        result = options.finish(requirePositionals: "explain needs at least one SPEC file").flatMap { specs in
            guard let format = ExplanationFormat(rawValue: formatText) else {
                return .failure(UsageError(message: "--format: \(quotedForDiagnostic(formatText)) is not one of text or json"))
            }
            return .success(.explain(specs: specs, format: format))
        }
    case "external-id":
        let prefix = options.value("--prefix") ?? ""
        let lengthText = options.value("--length")
        result = options.finish(allowPositionals: false).flatMap { _ in
            externalIDCommand(prefix: prefix, lengthText: lengthText)
        }
    case "schema":
        result = options.finish(allowPositionals: false).map { _ in .schema }
    case "--help", "-h", "help":
        result = .success(.help)
    case "--version":
        result = .success(.version)
    default:
        let hint = closestMatch(to: verb, in: ["render", "validate", "verify", "explain", "external-id", "schema"]).map { " (did you mean \"\($0)\"?)" } ?? ""
        result = .failure(UsageError(message: "unknown command \(quotedForDiagnostic(verb))\(hint)"))
    }
    return result
}

/// Checks `external-id`'s options against STS's rules before any ID is drawn.
private func externalIDCommand(prefix: String, lengthText: String?) -> Result<Command, UsageError> {
    let length: Int
    if let lengthText {
        guard let parsed = Int(lengthText), parsed > 0 else {
            return .failure(UsageError(message: "--length: \(quotedForDiagnostic(lengthText)) is not a positive whole number"))
        }
        length = parsed
    } else {
        length = ExternalIDGenerator.defaultLength
    }
    let problems = ExternalIDRules.problems(prefix + String(repeating: "a", count: min(length, 2000)))
    guard problems.isEmpty else {
        return .failure(UsageError(message: "--prefix/--length: the external ID would not be valid: " + problems.joined(separator: "; ")))
    }
    return .success(.externalID(prefix: prefix, length: length))
}

/// Walks options of the forms `--name value`, `--name=value` and `--flag`; `--` ends options.
private struct OptionScanner {
    private var remaining: [String]
    private var errors: [String] = []
    private var positionals: [String] = []

    init(_ arguments: [String]) {
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            if arguments[index] == "--" {
                positionals += arguments[(index + 1)...]
                break
            }
            rest.append(arguments[index])
            index += 1
        }
        remaining = rest
    }

    /// Takes the value of `--name`; a repeated option is an error.
    mutating func value(_ name: String) -> String? {
        var found: String?
        var index = 0
        while index < remaining.count {
            let argument = remaining[index]
            var value: String?
            if argument == name {
                guard index + 1 < remaining.count else {
                    errors.append("\(name) needs a value")
                    remaining.remove(at: index)
                    continue
                }
                value = remaining[index + 1]
                remaining.removeSubrange(index...(index + 1))
            } else if argument.hasPrefix(name + "=") {
                value = String(argument.dropFirst(name.count + 1))
                remaining.remove(at: index)
            } else {
                index += 1
                continue
            }
            if found != nil { errors.append("\(name) is given more than once") }
            found = value
        }
        return found
    }

    /// True when `--flag` is present (once or more).
    mutating func flag(_ name: String) -> Bool {
        let before = remaining.count
        remaining.removeAll { $0 == name }
        return remaining.count != before
    }

    /// The positional arguments, or the first usage error found.
    mutating func finish(allowPositionals: Bool = true, requirePositionals: String? = nil) -> Result<[String], UsageError> {
        for argument in remaining {
            if argument.hasPrefix("-") && argument != "-" {
                errors.append("unknown option \(quotedForDiagnostic(argument))")
            } else {
                positionals.append(argument)
            }
        }
        if !allowPositionals, let first = positionals.first {
            errors.append("unexpected argument \(quotedForDiagnostic(first))")
        }
        if let requirePositionals, positionals.isEmpty { errors.append(requirePositionals) }
        if let first = errors.first { return .failure(UsageError(message: first)) }
        return .success(positionals)
    }
}
