/// A command line, parsed: what the user asked `bucketbridge` to do.
public enum Command: Sendable, Equatable {
    /// `render SPEC... [--out DIR] [--templates DIR] [--check] [--set NAME=VALUE]...`
    case render(Pipeline, out: String, check: Bool)
    /// `validate SPEC... [--set NAME=VALUE]...`
    case validate(Pipeline)
    /// `verify SPEC... [--destination NAME] [--trust FILE] [--permissions FILE] [--bucket-policy FILE] [--set NAME=VALUE]...`
    case verify(Pipeline, destination: String?, inputs: [VerificationInput])
    /// `explain SPEC... [--format text|json] [--set NAME=VALUE]...`
    case explain(Pipeline, format: ExplanationFormat)
    /// `show SPEC... FILE [--destination NAME] [--templates DIR] [--set NAME=VALUE]...`
    case show(Pipeline, file: String, destination: String?)
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
        let out = options.value("--out") ?? "output"
        let templates = options.value("--templates")
        let check = options.flag("--check")
        let settings = options.values("--set")
        result = options.finish(requirePositionals: "render needs at least one SPEC file").flatMap { specs in
            guard out != "-" else {
                return .failure(UsageError(message: "--out -: render writes folders; to print one file, use: bucketbridge show SPEC... FILE"))
            }
            return placeholderValues(settings).map {
                .render(Pipeline(specPaths: specs, templateOverrides: templates, placeholderValues: $0), out: out, check: check)
            }
        }
    case "validate":
        let settings = options.values("--set")
        result = options.finish(requirePositionals: "validate needs at least one SPEC file").flatMap { specs in
            placeholderValues(settings).map { .validate(Pipeline(specPaths: specs, placeholderValues: $0)) }
        }
    case "verify":
        let destination = options.value("--destination")
        let inputs = PolicyKind.allCases.compactMap { kind in options.value(kind.option).map { VerificationInput(kind, $0) } }
        let settings = options.values("--set")
        result = options.finish(requirePositionals: "verify needs at least one SPEC file").flatMap { specs in
            guard !inputs.isEmpty else { return .failure(UsageError(message: VerificationUsage.noFiles)) }
            return placeholderValues(settings).map {
                .verify(Pipeline(specPaths: specs, placeholderValues: $0), destination: destination, inputs: inputs)
            }
        }
    case "explain":
        let formatText = options.value("--format") ?? "text"
        let settings = options.values("--set")
        result = options.finish(requirePositionals: "explain needs at least one SPEC file").flatMap { specs in
            guard let format = ExplanationFormat(rawValue: formatText) else {
                return .failure(UsageError(message: "--format: \(quotedForDiagnostic(formatText)) is not one of text or json"))
            }
            return placeholderValues(settings).map { .explain(Pipeline(specPaths: specs, placeholderValues: $0), format: format) }
        }
    case "show":
        let destination = options.value("--destination")
        let templates = options.value("--templates")
        let settings = options.values("--set")
        result = options.finish(requirePositionals: "show needs SPEC files and the FILE to print").flatMap { positionals in
            guard positionals.count >= 2, let file = positionals.last else {
                return .failure(UsageError(message: "show needs at least one SPEC file and then the FILE to print, such as iam/trust-policy.json"))
            }
            return placeholderValues(settings).map {
                .show(Pipeline(specPaths: Array(positionals.dropLast()), templateOverrides: templates, placeholderValues: $0), file: file, destination: destination)
            }
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
        let hint = closestMatch(to: verb, in: ["render", "validate", "verify", "explain", "show", "external-id", "schema"]).map { " (did you mean \"\($0)\"?)" } ?? ""
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

    /// Takes every value of a repeatable `--name`, in order.
    mutating func values(_ name: String) -> [String] {
        var found: [String] = []
        while let value = value(name, repeatable: true) { found.append(value) }
        return found
    }

    /// Takes the value of `--name`; a repeated option is an error.
    mutating func value(_ name: String, repeatable: Bool = false) -> String? {
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
            if repeatable { return found }
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

/// `--set NAME=VALUE` options as a table; a malformed or repeated one is a usage error.
func placeholderValues(_ settings: [String]) -> Result<[String: String], UsageError> {
    var values: [String: String] = [:]
    for setting in settings {
        guard let equals = setting.firstIndex(of: "=") else {
            return .failure(UsageError(message: "--set \(quotedForDiagnostic(setting)): write NAME=VALUE"))
        }
        let name = String(setting[..<equals])
        guard PlaceholderName.isValid(name) else {
            return .failure(UsageError(message: "--set \(quotedForDiagnostic(name)): placeholder names are capital letters, digits and _"))
        }
        guard values[name] == nil else { return .failure(UsageError(message: "--set \(name) is given more than once")) }
        values[name] = String(setting[setting.index(after: equals)...])
    }
    return .success(values)
}
