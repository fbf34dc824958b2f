/// Parses the arguments after the program name against the command model. A pure function:
/// no I/O, no environment.
///
/// Accepted forms: `--name value`, `--name=value`, `--flag`; `--` ends the options (everything
/// after it is positional); `-h`/`--help` anywhere before `--` asks for the command's help.
public func parseCommandLine(_ arguments: [String]) -> Result<Command, UsageError> {
    guard let first = arguments.first else { return .failure(UsageError(message: UsageMessage.noCommand)) }
    let rest = Array(arguments.dropFirst())
    switch first {
    case "--help", "-h", "help":
        return parseHelpRequest(rest)
    case "--version":
        if let extra = rest.first { return .failure(UsageError(message: UsageMessage.unexpectedArgument(extra, after: "--version"))) }
        return .success(.version)
    default:
        guard let command = CommandCatalogue.command(named: first) else {
            let names = CommandCatalogue.commands.map(\.name)
            let isOption = first.hasPrefix("-")
            let candidates = isOption ? ["--help", "--version"] : names
            return .failure(UsageError(
                message: (isOption ? UsageMessage.unknownOption(first) : UsageMessage.unknownCommand(first))
                    + UsageMessage.suggestion(closestMatch(to: first, in: candidates))))
        }
        return parseArguments(rest, of: command)
    }
}

/// `--help`, `--help COMMAND`, `help COMMAND`.
private func parseHelpRequest(_ rest: [String]) -> Result<Command, UsageError> {
    guard let name = rest.first else { return .success(.help(command: nil)) }
    guard CommandCatalogue.command(named: name) != nil else {
        return .failure(UsageError(
            message: UsageMessage.unknownCommand(name)
                + UsageMessage.suggestion(closestMatch(to: name, in: CommandCatalogue.commands.map(\.name)))))
    }
    if rest.count > 1 { return .failure(UsageError(message: UsageMessage.unexpectedArgument(rest[1], after: "help \(name)"))) }
    return .success(.help(command: name))
}

/// Matches one command's arguments against its spec, then lets the spec build the command.
func parseArguments(_ arguments: [String], of command: CommandSpec) -> Result<Command, UsageError> {
    let endOfOptions = arguments.firstIndex(of: "--") ?? arguments.endIndex
    if arguments[..<endOfOptions].contains(where: { $0 == "--help" || $0 == "-h" }) {
        return .success(.help(command: command.name))
    }
    var parsed = ParsedArguments()
    var index = 0
    while index < endOfOptions {
        let argument = arguments[index]
        index += 1
        guard argument.hasPrefix("-"), argument != "-" else {
            parsed.positionals.append(argument)
            continue
        }
        let (name, inlineValue) = splitOption(argument)
        guard let option = command.option(named: name) else {
            let suggestion = closestMatch(to: name, in: command.options.map(\.name) + ["--help"])
            return .failure(UsageError(message: UsageMessage.unknownOption(argument, of: command.name) + UsageMessage.suggestion(suggestion)))
        }
        var value = ""
        if option.takesValue {
            if let inlineValue {
                value = inlineValue
            } else if index < endOfOptions, !isOptionName(arguments[index], of: command) {
                value = arguments[index]
                index += 1
            } else {
                return .failure(UsageError(message: UsageMessage.needsValue(option.usage)))
            }
            if !option.allowedValues.isEmpty, !option.allowedValues.contains(value) {
                return .failure(UsageError(message: UsageMessage.notAllowed(value, for: option.name, allowed: option.allowedValues)))
            }
        } else if inlineValue != nil {
            return .failure(UsageError(message: UsageMessage.takesNoValue(option.name)))
        }
        if parsed.options[name] != nil, !option.isRepeatable {
            return .failure(UsageError(message: UsageMessage.givenTwice(name)))
        }
        parsed.options[name, default: []].append(value)
    }
    if endOfOptions < arguments.endIndex { parsed.positionals += arguments[(endOfOptions + 1)...] }
    if let problem = positionalProblem(parsed.positionals, of: command) { return .failure(UsageError(message: problem)) }
    return command.make(parsed)
}

/// `--name=value` → (`--name`, `value`); `--name` → (`--name`, nil).
private func splitOption(_ argument: String) -> (String, String?) {
    guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
    return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
}

/// True when the text is an option of the command (so it cannot be the value before it).
private func isOptionName(_ text: String, of command: CommandSpec) -> Bool {
    let name = splitOption(text).0
    return command.option(named: name) != nil || name == "--help" || name == "-h"
}

/// Missing, extra or disallowed positional arguments, or nil when they fit the command.
private func positionalProblem(_ positionals: [String], of command: CommandSpec) -> String? {
    var remaining = positionals[...]
    for (index, argument) in command.arguments.enumerated() {
        guard !remaining.isEmpty else { return UsageMessage.missingArgument(argument, of: command.name) }
        // A repeating argument leaves one value for each argument after it (`SPEC... FILE`).
        let after = command.arguments.count - index - 1
        let taken = argument.isRepeating ? remaining.dropLast(min(after, remaining.count - 1)) : remaining.prefix(1)
        for value in taken where !argument.allowedValues.isEmpty && !argument.allowedValues.contains(value) {
            return UsageMessage.notAllowed(value, for: argument.name, allowed: argument.allowedValues)
        }
        remaining = remaining.dropFirst(taken.count)
    }
    if let extra = remaining.first { return UsageMessage.unexpectedArgument(extra, after: command.name) }
    return nil
}
