/// The completion script `bucketbridge completions SHELL` prints, generated from the command
/// model (`CommandCatalogue`), so a new command or option completes without further work.
func completionScript(for shell: Shell) -> String {
    switch shell {
    case .bash: bashCompletionScript(CommandCatalogue.commands)
    case .zsh: zshCompletionScript(CommandCatalogue.commands)
    case .fish: fishCompletionScript(CommandCatalogue.commands)
    }
}

/// The words that may follow `bucketbridge` itself.
let topLevelWords = ["--help", "--version", "help"]

/// A single-quoted word for bash and zsh (`shellQuote`; the model's texts hold no NUL).
func shellQuoted(_ text: String) -> String {
    shellQuote(text) ?? "''"
}
