/// A command line, parsed: what the user asked `bucketbridge` to do.
public enum Command: Sendable, Equatable {
    /// `render SPEC... [--out DIR] [--templates DIR] [--check] [--format FORMAT]`
    case render(RenderArguments)
    /// `validate SPEC... [--format FORMAT]`
    case validate(ValidateArguments)
    /// `verify SPEC... [--destination NAME] [--trust FILE] [--permissions FILE] [--bucket-policy FILE] [--format FORMAT] [--set NAME=VALUE]...`
    case verify(VerifyArguments)
    /// `explain SPEC... [--format text|json] [--set NAME=VALUE]...`
    case explain(specs: [String], format: ExplanationFormat, placeholderValues: [String: String])
    /// `show SPEC... FILE [--destination NAME] [--templates DIR] [--set NAME=VALUE]...`
    case show(ShowArguments)
    /// `external-id [--prefix TEXT] [--length N]`
    case externalID(prefix: String, length: Int)
    /// `schema [--markdown]`: the JSON Schema, or the spec reference in Markdown.
    case schema(markdown: Bool)
    /// `completions bash|zsh|fish`
    case completions(Shell)
    /// `--help`, `help [COMMAND]` or `COMMAND --help`: the overview, or one command's help.
    case help(command: String?)
    /// `--version`
    case version
}

/// The arguments of `render`.
public struct RenderArguments: Sendable, Equatable {
    public var specs: [String]
    public var out: String = "output"
    public var templates: String?
    public var check = false
    public var format: DiagnosticFormat = .text
    /// `--set NAME=VALUE` values.
    public var placeholderValues: [String: String] = [:]

    /// `render` of `specs` with every option at its default.
    public init(specs: [String]) { self.specs = specs }
}

/// The arguments of `validate`.
public struct ValidateArguments: Sendable, Equatable {
    public var specs: [String]
    public var format: DiagnosticFormat = .text
    /// `--set NAME=VALUE` values.
    public var placeholderValues: [String: String] = [:]

    /// `validate` of `specs` in text format.
    public init(specs: [String]) { self.specs = specs }
}

/// The arguments of `verify`.
public struct VerifyArguments: Sendable, Equatable {
    public var specs: [String]
    /// The destination to compare with; `nil` when the specs hold one.
    public var destination: String?
    /// The documents, in the order `--trust`, `--permissions`, `--bucket-policy`.
    public var inputs: [VerificationInput]
    public var format: DiagnosticFormat = .text
    /// `--set NAME=VALUE` values.
    public var placeholderValues: [String: String] = [:]

    /// `verify` of `inputs` against `specs`.
    public init(specs: [String], inputs: [VerificationInput]) {
        self.specs = specs
        self.inputs = inputs
    }
}

/// The arguments of `show`.
public struct ShowArguments: Sendable, Equatable {
    public var specs: [String]
    /// The file's path inside the destination folder: `iam/trust-policy.json`.
    public var file: String
    public var destination: String?
    public var templates: String?
    /// `--set NAME=VALUE` values.
    public var placeholderValues: [String: String] = [:]

    /// `show` of `file` from `specs`.
    public init(specs: [String], file: String) {
        self.specs = specs
        self.file = file
    }
}

/// The shells `completions` writes scripts for.
public enum Shell: String, Sendable, CaseIterable {
    case bash, zsh, fish
}

/// The commands of the model (CommandModel.swift), in the order help lists them.
///
/// To add a command: append one `CommandSpec` here (its arguments, options, help and `make`,
/// which builds a `Command` case from the parsed arguments), add that case to `Command`, and
/// one `case` to `runBucketBridge` (Run.swift) that calls a `Pipeline` run and prints. The
/// parser, both levels of `--help` and the bash, zsh and fish completions follow by themselves.
///
/// To add an option: add an `OptionSpec` to the command's `options` (or a shared one below to
/// several commands) and read it in `make` with `value`, `values` (repeatable, such as
/// `--set NAME=VALUE`) or `flag`.
public enum CommandCatalogue {
    /// `--format text|json|github|sarif`, shared by the commands that report diagnostics.
    public static let format = OptionSpec(
        "--format", value: "FORMAT",
        help: "how diagnostics are printed: text on stderr, or json, github (workflow commands) or sarif (SARIF 2.1.0) on stdout",
        allowedValues: DiagnosticFormat.allCases.map(\.rawValue), defaultValue: DiagnosticFormat.text.rawValue)

    /// `--set NAME=VALUE`, shared by the commands that read specs.
    public static let set = OptionSpec(
        "--set", value: "NAME=VALUE",
        help: "give the declared placeholder NAME the value VALUE for this run, validated as if written in the spec",
        isRepeatable: true)

    /// `SPEC...`, shared by the commands that read specs.
    public static let specs = ArgumentSpec("SPEC", help: "destination spec files (JSON)", isRepeating: true, completion: .file)

    /// Every command.
    public static let commands: [CommandSpec] = [render, validate, verify, explain, show, externalID, schema, completions]

    /// The command named `name`.
    public static func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }

    static let render = CommandSpec(
        name: "render",
        abstract: "Validate every SPEC, then write DIR/<destination name>/ for each destination.",
        discussion: """
            Renders IAM JSON, an AWS CLI script, a CloudFormation template, a Terraform module and a
            README.md for every destination. Nothing is written when anything is invalid; each
            destination folder is replaced as a whole. With --check nothing is written: the files
            on disk are compared with a fresh render, and each difference is listed with a unified diff.
            """,
        arguments: [specs],
        options: [
            OptionSpec("--out", value: "DIR", help: "the folder to write into", defaultValue: "output", completion: .directory),
            OptionSpec("--templates", value: "DIR", help: "use DIR/<path> instead of the built-in template <path> where it exists", completion: .directory),
            OptionSpec(flag: "--check", help: "write nothing; exit 1 listing (and diffing) each file that is missing or differs"),
            format, set,
        ],
        make: { parsed in
            if let problem = repeatedSpec(parsed.positionals) { return .failure(problem) }
            var arguments = RenderArguments(specs: parsed.positionals)
            arguments.out = parsed.value("--out") ?? arguments.out
            guard arguments.out != "-" else { return .failure(UsageError(message: UsageMessage.outDash)) }
            switch placeholderValues(parsed.values("--set")) {
            case .success(let values): arguments.placeholderValues = values
            case .failure(let error): return .failure(error)
            }
            arguments.templates = parsed.value("--templates")
            arguments.check = parsed.flag("--check")
            arguments.format = parsed.format
            return .success(.render(arguments))
        })

    static let validate = CommandSpec(
        name: "validate",
        abstract: "Report every problem in every SPEC (file:line:col: error: field: \"value\" ...).",
        discussion: "Reads and checks every SPEC, reporting all problems, not just the first. Writes nothing.",
        arguments: [specs],
        options: [format, set],
        make: { parsed in
            if let problem = repeatedSpec(parsed.positionals) { return .failure(problem) }
            var arguments = ValidateArguments(specs: parsed.positionals)
            arguments.format = parsed.format
            return placeholderValues(parsed.values("--set")).map { values in
                arguments.placeholderValues = values
                return .validate(arguments)
            }
        })

    static let verify = CommandSpec(
        name: "verify",
        abstract: "Compare the documents a customer has with the spec, by meaning; exit 1 listing each difference.",
        discussion: """
            Each FILE is a policy document or the AWS CLI's JSON for it (aws iam get-role,
            aws iam get-role-policy, aws iam get-policy-version, aws s3api get-bucket-policy).
            Order, single strings versus lists, Sids and Version do not matter; every difference
            that changes access is reported where it is in the FILE: missing (the vendor gets
            AccessDenied), broader than the spec, blocked by a Deny, or a deleted principal.
            Offline. Exit 0 when the documents grant exactly what the spec says.
            """,
        arguments: [specs],
        options: [
            OptionSpec("--destination", value: "NAME", help: "the destination to compare with, when the specs hold several"),
            OptionSpec("--trust", value: "FILE", help: "the role's trust policy, or the output of aws iam get-role", completion: .file),
            OptionSpec(
                "--permissions", value: "FILE",
                help: "the role's permissions policy, or the output of aws iam get-role-policy or aws iam get-policy-version", completion: .file),
            OptionSpec("--bucket-policy", value: "FILE", help: "the bucket policy, or the output of aws s3api get-bucket-policy", completion: .file),
            format, set,
        ],
        make: { parsed in
            if let problem = repeatedSpec(parsed.positionals) { return .failure(problem) }
            let inputs = PolicyKind.allCases.compactMap { kind in parsed.value(kind.option).map { VerificationInput(kind, $0) } }
            guard !inputs.isEmpty else { return .failure(UsageError(message: VerificationUsage.noFiles)) }
            var arguments = VerifyArguments(specs: parsed.positionals, inputs: inputs)
            arguments.destination = parsed.value("--destination")
            arguments.format = parsed.format
            return placeholderValues(parsed.values("--set")).map { values in
                arguments.placeholderValues = values
                return .verify(arguments)
            }
        })

    static let explain = CommandSpec(
        name: "explain",
        abstract: "Say, for each destination, who may do what, where, and what not, as the policies grant it.",
        discussion: "Derived from the built policies, never from the spec's wording. --format json gives the same as data (see README.md).",
        arguments: [specs],
        options: [
            OptionSpec(
                "--format", value: "FORMAT", help: "text for a reviewer, or json: the same as data",
                allowedValues: ExplanationFormat.allCases.map(\.rawValue), defaultValue: ExplanationFormat.text.rawValue),
            set,
        ],
        make: { parsed in
            if let problem = repeatedSpec(parsed.positionals) { return .failure(problem) }
            let format = parsed.value("--format").flatMap(ExplanationFormat.init(rawValue:)) ?? .text
            return placeholderValues(parsed.values("--set")).map {
                .explain(specs: parsed.positionals, format: format, placeholderValues: $0)
            }
        })

    static let show = CommandSpec(
        name: "show",
        abstract: "Print one rendered file of one destination to stdout, byte for byte what render writes.",
        discussion: """
            FILE is the file's path inside the destination folder, such as iam/trust-policy.json,
            cloudformation/template.yaml or README.md. Writes nothing to disk: for docs pipelines
            that include one snippet at a time. With several destinations, --destination picks one.
            """,
        arguments: [
            ArgumentSpec("SPEC", help: "destination spec files (JSON)", isRepeating: true, completion: .file),
            ArgumentSpec("FILE", help: "the file's path inside the destination folder, such as iam/trust-policy.json"),
        ],
        options: [
            OptionSpec("--destination", value: "NAME", help: "the destination whose file to print, when the specs hold several"),
            OptionSpec("--templates", value: "DIR", help: "use DIR/<path> instead of the built-in template <path> where it exists", completion: .directory),
            set,
        ],
        make: { parsed in
            let specs = Array(parsed.positionals.dropLast())
            guard let file = parsed.positionals.last, !specs.isEmpty else {
                return .failure(UsageError(message: UsageMessage.showNeedsFile))
            }
            if let problem = repeatedSpec(specs) { return .failure(problem) }
            var arguments = ShowArguments(specs: specs, file: file)
            arguments.destination = parsed.value("--destination")
            arguments.templates = parsed.value("--templates")
            return placeholderValues(parsed.values("--set")).map { values in
                arguments.placeholderValues = values
                return .show(arguments)
            }
        })

    static let externalID = CommandSpec(
        name: "external-id",
        abstract: "Print a random external ID (32 characters of [A-Za-z0-9_-] by default).",
        discussion: "Draws the ID from the system's cryptographic random source; the result always satisfies STS's rules.",
        options: [
            OptionSpec("--prefix", value: "TEXT", help: "text to put in front (for example seq_)"),
            OptionSpec("--length", value: "N", help: "number of random characters", defaultValue: String(ExternalIDGenerator.defaultLength)),
        ],
        make: { parsed in externalIDCommand(prefix: parsed.value("--prefix") ?? "", lengthText: parsed.value("--length")) })

    static let schema = CommandSpec(
        name: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the spec file, for editors.",
        discussion: "Every property has a description and examples. With --markdown, prints the same as the spec reference (docs/spec-reference.md).",
        options: [OptionSpec(flag: "--markdown", help: "print the spec reference in Markdown instead")],
        make: { parsed in .success(.schema(markdown: parsed.flag("--markdown"))) })

    static let completions = CommandSpec(
        name: "completions",
        abstract: "Print a completion script for bash, zsh or fish.",
        discussion: """
            bash:  bucketbridge completions bash > /etc/bash_completion.d/bucketbridge
                   (or: source <(bucketbridge completions bash) in ~/.bashrc)
            zsh:   bucketbridge completions zsh > "${fpath[1]}/_bucketbridge"
            fish:  bucketbridge completions fish > ~/.config/fish/completions/bucketbridge.fish
            """,
        arguments: [ArgumentSpec("SHELL", help: "the shell to complete in", allowedValues: Shell.allCases.map(\.rawValue))],
        make: { parsed in .success(.completions(Shell(rawValue: parsed.positionals[0]) ?? .bash)) })
}

extension ParsedArguments {
    /// `--format`, `text` when absent (the parser has checked the value).
    var format: DiagnosticFormat { value("--format").flatMap(DiagnosticFormat.init(rawValue:)) ?? .text }
}

/// A spec file named twice (`a.json ./a.json` counts): a usage error. Reading it twice would
/// report each of its destination names as clashing with itself; reading it once would hide a
/// mistake in the command line (typically overlapping globs), so the user is asked to fix it.
func repeatedSpec(_ paths: [String]) -> UsageError? {
    var seen: Set<String> = []
    for path in paths where !seen.insert(lexicallyNormalised(path)).inserted {
        return UsageError(message: UsageMessage.repeatedSpec(path))
    }
    return nil
}

/// `./specs//a.json` → `specs/a.json`: `.` components and repeated `/` removed, text kept otherwise.
private func lexicallyNormalised(_ path: String) -> String {
    let components = path.split(separator: "/").filter { $0 != "." }
    return (path.hasPrefix("/") ? "/" : "") + components.joined(separator: "/")
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
    let maximum = ExternalIDRules.maximumLength - prefix.unicodeScalars.count
    guard length <= maximum else {
        return .failure(UsageError(message: UsageMessage.externalIDTooLong(length: length, prefix: prefix, maximum: maximum)))
    }
    let problems = ExternalIDRules.problems(prefix + String(repeating: "a", count: length))
    guard problems.isEmpty else {
        return .failure(UsageError(message: "--prefix/--length: the external ID would not be valid: " + problems.joined(separator: "; ")))
    }
    return .success(.externalID(prefix: prefix, length: length))
}

/// `--set NAME=VALUE` options as a table; a malformed or repeated one is a usage error.
func placeholderValues(_ settings: [String]) -> Result<[String: String], UsageError> {
    var values: [String: String] = [:]
    for setting in settings {
        guard let equals = setting.firstIndex(of: "=") else {
            return .failure(UsageError(message: UsageMessage.setNeedsEquals(setting)))
        }
        let name = String(setting[..<equals])
        guard PlaceholderName.isValid(name) else { return .failure(UsageError(message: UsageMessage.setName(name))) }
        guard values[name] == nil else { return .failure(UsageError(message: UsageMessage.givenTwice("--set \(name)"))) }
        values[name] = String(setting[setting.index(after: equals)...])
    }
    return .success(values)
}
