/// Placeholders inside string values.
///
/// A spec writes a placeholder as `<NAME>`; validation turns each declared one into a token
/// that no input can hold (`U+E000 NAME U+E001`, private-use characters every field rule
/// refuses), so a value knows exactly where its placeholders are, and literal text such as
/// `<b>` in a description is never mistaken for one. Every writer spells a token the way its
/// format expects: JSON, Markdown and diagnostics show `<NAME>`; YAML (CloudFormation)
/// `!Ref`/`!Sub` with a parameter; HCL (Terraform) an interpolated variable; shell an
/// environment variable.
public enum PlaceholderText {
    /// Starts a token.
    public static let open: Unicode.Scalar = "\u{E000}"
    /// Ends a token.
    public static let close: Unicode.Scalar = "\u{E001}"

    /// The token standing for the placeholder `name`.
    public static func token(_ name: String) -> String {
        String(open) + name + String(close)
    }

    /// One part of a value: literal text or a placeholder's name.
    public enum Part: Sendable, Hashable {
        case text(String)
        case placeholder(String)
    }

    /// True when `text` holds at least one token (a fast byte check: U+E000 is EE 80 80).
    public static func contains(_ text: String) -> Bool {
        ByteScan.withUTF8(of: text) { contains(utf8: $0, from: 0) }
    }

    /// True when UTF-8 `bytes` hold a token starting at or after `start`.
    static func contains(utf8 bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var start = start
        while let index = ByteScan.firstIndex(of: 0xEE, in: bytes, from: start) {
            if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return true }
            start = index + 1
        }
        return false
    }

    /// The value split into literal text and placeholders, in order; empty texts left out.
    public static func parts(_ text: String) -> [Part] {
        guard contains(text) else { return text.isEmpty ? [] : [.text(text)] }
        var parts: [Part] = []
        var current = String.UnicodeScalarView()
        var inToken = false
        for scalar in text.unicodeScalars {
            if scalar == open, !inToken {
                if !current.isEmpty { parts.append(.text(String(current))) }
                current = String.UnicodeScalarView()
                inToken = true
            } else if scalar == close, inToken {
                parts.append(.placeholder(String(current)))
                current = String.UnicodeScalarView()
                inToken = false
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { parts.append(inToken ? .text(String(open) + String(current)) : .text(String(current))) }
        return parts
    }

    /// The names of the placeholders in `text`, in order of first appearance.
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        for case .placeholder(let name) in parts(text) where !names.contains(name) { names.append(name) }
        return names
    }

    /// The value as people read it: each token as `<NAME>`.
    public static func display(_ text: String) -> String {
        guard contains(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(scalar == open ? "<" : scalar == close ? ">" : scalar)
        }
        return String(out)
    }

    /// The value with every placeholder replaced by `replacement(name)`.
    public static func replacing(_ text: String, _ replacement: (String) -> String) -> String {
        guard contains(text) else { return text }
        return parts(text).map {
            switch $0 {
            case .text(let literal): literal
            case .placeholder(let name): replacement(name)
            }
        }.joined()
    }
}

/// How a writer refers to each placeholder, by name: a CloudFormation parameter or pseudo
/// parameter (`SeaGatewayRole`, `AWS::AccountId`), a Terraform expression
/// (`var.sea_gateway_role`), a shell variable (`SEA_GATEWAY_ROLE`).
public struct PlaceholderReferences: Sendable, Hashable {
    /// The reference of each placeholder.
    public var byName: [String: String]
    /// The reference a placeholder gets when `byName` has none.
    public var fallback: @Sendable (String) -> String

    /// References from a table, with a rule for names it lacks.
    public init(_ byName: [String: String] = [:], fallback: @escaping @Sendable (String) -> String) {
        self.byName = byName
        self.fallback = fallback
    }

    /// The reference of `name`.
    public func callAsFunction(_ name: String) -> String { byName[name] ?? fallback(name) }

    public static func == (lhs: PlaceholderReferences, rhs: PlaceholderReferences) -> Bool { lhs.byName == rhs.byName }
    public func hash(into hasher: inout Hasher) { hasher.combine(byName) }
}

extension PlaceholderReferences {
    /// CloudFormation: a parameter named by the words of `NAME` in CamelCase (`SEA_GATEWAY_ROLE` → `SeaGatewayRole`).
    public static func cloudFormation(_ byName: [String: String] = [:]) -> PlaceholderReferences {
        PlaceholderReferences(byName) { placeholderWords($0).map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined() }
    }

    /// Terraform: a variable named by the words of `NAME` in snake case (`var.sea_gateway_role`).
    public static func terraform(_ byName: [String: String] = [:]) -> PlaceholderReferences {
        PlaceholderReferences(byName) { "var." + placeholderWords($0).map { $0.lowercased() }.joined(separator: "_") }
    }

    /// Shell: an environment variable of the same name.
    public static func shell(_ byName: [String: String] = [:]) -> PlaceholderReferences {
        PlaceholderReferences(byName) { $0 }
    }
}

/// The words of a placeholder name: `SEA_GATEWAY_ROLE` → `SEA`, `GATEWAY`, `ROLE`.
func placeholderWords(_ name: String) -> [Substring] {
    name.split(separator: "_")
}
