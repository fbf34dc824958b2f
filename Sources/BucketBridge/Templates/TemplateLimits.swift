/// Bounds that keep any template, however hostile, from overflowing the stack or taking
/// unbounded time or memory: the parser and the renderer recurse over nested tags, and nested
/// loops multiply. Each is an error with the template's position. The built-in templates stay
/// far below them.
enum TemplateLimits {
    /// Names, literals and symbols in one tag; an expression in it nests at most half as deep.
    static let tagTokens = 256
    /// `if` and `for` blocks open at once.
    static let blockDepth = 64
    /// Includes open at once.
    static let includeDepth = 16
    /// Loop bodies rendered in one render of one template.
    static let iterations = 100_000
    /// Bytes of output of one render of one template.
    static let outputBytes = 32 * 1_048_576
}
