/// `bucketbridge --help`: what the tool does, the usage line of every command, and exit codes.
/// Derived from the command model, like everything else the command line prints about itself.
func overviewHelp() -> String {
    let commands = CommandCatalogue.commands
    let width = (commands.map(\.name.count).max() ?? 0) + 2
    var text = """
        bucketbridge \(BucketBridgeVersion.current): turn one destination spec into everything a customer needs to
        grant a vendor least-privilege access to an S3 bucket: IAM JSON, an AWS CLI script, a
        CloudFormation template, a Terraform module and a Markdown instructions page. Offline.

        Usage:

        """
    for command in commands { text += "  " + usageLine(of: command) + "\n" }
    text += "  bucketbridge --help | --version\n  bucketbridge COMMAND --help\n\nCommands:\n"
    for command in commands { text += "  " + padded(command.name, to: width) + command.abstract + "\n" }
    text += "\nRun 'bucketbridge COMMAND --help' for a command's options.\n\n" + exitCodesHelp
    return text
}

/// `bucketbridge COMMAND --help`: usage, discussion, arguments and options.
func commandHelp(_ command: CommandSpec) -> String {
    var text = "Usage: " + usageLine(of: command) + "\n\n" + command.abstract + "\n"
    if !command.discussion.isEmpty { text += "\n" + command.discussion + "\n" }
    let help = OptionSpec(flag: "-h, --help", help: "show this help")
    let rows = command.arguments.map { ($0.usage, $0.help) }
    let optionRows = (command.options + [help]).map { option -> (String, String) in
        var description = option.help
        if let value = option.defaultValue { description += " (default: \(value))" }
        if option.isRepeatable { description += " (repeatable)" }
        return (option.usage, description)
    }
    let width = ((rows + optionRows).map(\.0.count).max() ?? 0) + 2
    if !rows.isEmpty {
        text += "\nArguments:\n" + rows.map { "  " + padded($0.0, to: width) + $0.1 + "\n" }.joined()
    }
    text += "\nOptions:\n" + optionRows.map { "  " + padded($0.0, to: width) + $0.1 + "\n" }.joined()
    return text + "\n" + exitCodesHelp
}

/// `bucketbridge render SPEC... [--out DIR] [--check]`.
func usageLine(of command: CommandSpec) -> String {
    (["bucketbridge", command.name] + command.arguments.map(\.usage) + command.options.map { "[\($0.usage)]" })
        .joined(separator: " ")
}

private let exitCodesHelp = "Exit codes: 0 success; 1 invalid spec, or --check found differences; 2 usage error.\n"

private func padded(_ text: String, to width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}
