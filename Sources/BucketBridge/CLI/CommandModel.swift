/// The declarative model of the command line: every command with its arguments, options and
/// help. The parser (`parseCommandLine`), `--help`, `COMMAND --help` and the shell completions
/// are all derived from it, so they cannot disagree (swift-argument-parser's `ToolInfo` →
/// generators, in miniature).
///
/// The commands themselves are listed in `CommandCatalogue.commands` (Commands.swift).
public struct CommandSpec: Sendable {
    /// The word typed after `bucketbridge`: `render`.
    public var name: String
    /// One line for the command list of `bucketbridge --help`.
    public var abstract: String
    /// Paragraphs for `bucketbridge COMMAND --help`, below the usage line.
    public var discussion: String
    /// The positional arguments, in order.
    public var arguments: [ArgumentSpec]
    /// The options, in the order help lists them.
    public var options: [OptionSpec]
    /// Turns the parsed arguments into a command, checking what the model cannot express.
    public var make: @Sendable (ParsedArguments) -> Result<Command, UsageError>

    /// A command of the model.
    public init(
        name: String, abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [], make: @escaping @Sendable (ParsedArguments) -> Result<Command, UsageError>
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.make = make
    }

    /// The option named `name` (`--out`), if the command has it.
    public func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }
}

/// A positional argument: `SPEC...`, `SHELL`.
public struct ArgumentSpec: Sendable {
    /// The placeholder shown in usage: `SPEC`.
    public var name: String
    /// What the argument is, for help.
    public var help: String
    /// True when the argument takes one or more values (`SPEC...`).
    public var isRepeating: Bool
    /// The values the argument may take; empty for any.
    public var allowedValues: [String]
    /// What shells should offer when completing it.
    public var completion: CompletionKind

    /// A positional argument; every argument is required.
    public init(
        _ name: String, help: String, isRepeating: Bool = false, allowedValues: [String] = [],
        completion: CompletionKind = .none
    ) {
        self.name = name
        self.help = help
        self.isRepeating = isRepeating
        self.allowedValues = allowedValues
        self.completion = allowedValues.isEmpty ? completion : .values(allowedValues)
    }

    /// `SPEC...` or `bash|zsh|fish`, as usage shows it.
    public var usage: String {
        let base = allowedValues.isEmpty ? name : allowedValues.joined(separator: "|")
        return isRepeating ? base + "..." : base
    }
}

/// An option: a flag (`--check`) or an option with a value (`--out DIR`).
public struct OptionSpec: Sendable {
    /// The option with its dashes: `--out`.
    public var name: String
    /// The value's placeholder (`DIR`), or nil for a flag.
    public var valueName: String?
    /// What the option does, for help.
    public var help: String
    /// The values the option may take; empty for any.
    public var allowedValues: [String]
    /// The value used when the option is absent, shown in help.
    public var defaultValue: String?
    /// True when the option may be given several times (each value is kept, in order).
    public var isRepeatable: Bool
    /// What shells should offer when completing its value.
    public var completion: CompletionKind

    /// An option taking a value.
    public init(
        _ name: String, value valueName: String, help: String, allowedValues: [String] = [],
        defaultValue: String? = nil, isRepeatable: Bool = false, completion: CompletionKind = .none
    ) {
        self.name = name
        self.valueName = valueName
        self.help = help
        self.allowedValues = allowedValues
        self.defaultValue = defaultValue
        self.isRepeatable = isRepeatable
        self.completion = allowedValues.isEmpty ? completion : .values(allowedValues)
    }

    /// A flag: present or not.
    public init(flag name: String, help: String) {
        self.name = name
        self.valueName = nil
        self.help = help
        self.allowedValues = []
        self.defaultValue = nil
        self.isRepeatable = false
        self.completion = .none
    }

    /// True for options that take a value.
    public var takesValue: Bool { valueName != nil }

    /// `--out DIR`, `--format text|json|github|sarif` or `--check`.
    public var usage: String {
        guard let valueName else { return name }
        return name + " " + (allowedValues.isEmpty ? valueName : allowedValues.joined(separator: "|"))
    }
}

/// What a shell offers when completing an argument or an option's value.
public enum CompletionKind: Sendable, Equatable {
    /// Nothing in particular (free text).
    case none
    /// File names.
    case file
    /// Folder names.
    case directory
    /// One of a fixed list of words.
    case values([String])
}

/// The arguments of one command, as the parser found them (before `CommandSpec.make`).
public struct ParsedArguments: Sendable, Equatable {
    /// The positional arguments, in order.
    public var positionals: [String] = []
    /// Each option's values in the order given, by option name; a flag has one empty value.
    public var options: [String: [String]] = [:]

    /// An empty set of arguments.
    public init() {}

    /// The value of a single-valued option, when given.
    public func value(_ name: String) -> String? { options[name]?.last }

    /// Every value of a repeatable option, in order.
    public func values(_ name: String) -> [String] { options[name] ?? [] }

    /// True when the flag was given.
    public func flag(_ name: String) -> Bool { options[name] != nil }
}
