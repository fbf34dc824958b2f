import Testing
@testable import BucketBridge

/// The byte-scanning writers agree with the scalar-by-scalar ones they replaced (kept here as
/// the reference) on random text made of the characters every escape rule is about.
struct EncoderEquivalenceTests {
    /// Pieces that start, end or sit inside escapes, in every UTF-8 length.
    static let pieces: [String] = [
        "a", "Z", "_", "-", ".", ":", "/", "0", " ", "\"", "\\", "{", "}", "$", "%", "${", "%{", "$${", "<", ">", "'",
        "\0", "\u{07}", "\u{08}", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}",
        "\u{9F}", "\u{A0}", "é", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{E000}", "\u{E001}", "\u{E002}",
        "\u{EFFF}", "\u{FEFF}", "\r\n", "#", "+", "=", "*", "`", "[", "]", "&", "|", "~", "12", "3.", "4)", "  ", "\u{600}", "``", "\r", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "😀", "données", "arn:aws:s3:::bucket/prefix/*",
        "in", "for", "null", "true", "false", "yes", "No", "ON", "off", "y", "N", "Sid", "sts:ExternalId",
        PlaceholderText.token("BUCKET"), PlaceholderText.token("ACCOUNT_ID"),
    ]

    static func randomText(_ generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    static func randomValue(depth: Int, _ generator: inout some RandomNumberGenerator) -> JSONValue {
        switch Int.random(in: 0..<(depth > 2 ? 5 : 8), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int.random(in: -100...100_000, using: &generator))
        case 3: return .number("1.5e3")
        case 4: return .string(randomText(&generator))
        case 5: return .array((0..<Int.random(in: 0...3, using: &generator)).map { _ in randomValue(depth: depth + 1, &generator) })
        default:
            return .object((0..<Int.random(in: 0...4, using: &generator)).map { _ in
                JSONValue.Member(randomText(&generator), randomValue(depth: depth + 1, &generator))
            })
        }
    }

    @Test func stringEscapesMatchTheReference() {
        var generator = SystemRandomNumberGenerator()
        var texts = Self.pieces + hostileStrings
        for _ in 0..<3000 { texts.append(Self.randomText(&generator)) }
        for text in texts {
            #expect(jsonStringLiteral(text) == ReferenceWriters.jsonString(text), "\(text.debugDescription)")
            #expect(yamlDoubleQuoted(text) == ReferenceWriters.yamlDoubleQuoted(text), "\(text.debugDescription)")
            #expect(hclStringLiteral(text) == ReferenceWriters.hclStringLiteral(text), "\(text.debugDescription)")
            #expect(yamlKey(text) == ReferenceWriters.yamlKey(text), "\(text.debugDescription)")
            #expect(hclKey(text) == ReferenceWriters.hclKey(text), "\(text.debugDescription)")
            #expect(markdownCodeSpan(text) == ReferenceWriters.markdownCodeSpan(text), "\(text.debugDescription)")
            for (lineStart, lineEnd) in [(true, true), (false, false), (true, false), (false, true)] {
                #expect(
                    escapeMarkdown(text, lineStart: lineStart, lineEnd: lineEnd)
                        == ReferenceWriters.escapeMarkdown(text, lineStart: lineStart, lineEnd: lineEnd), "\(text.debugDescription)")
            }
        }
    }

    @Test func firstNonPlainAgreesWithAByteByByteSearch() {
        let probes: [UInt8] = [0x00, 0x09, 0x1F, 0x20, 0x22, 0x24, 0x41, 0x5C, 0x7B, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xC2, 0xEE, 0xFF]
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            for _ in 0..<80 {
                var bytes = (0..<length).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
                for _ in 0..<Int.random(in: 0...2, using: &generator) where length > 0 {
                    bytes[Int.random(in: 0..<length, using: &generator)] = probes.randomElement(using: &generator)!
                }
                bytes.withUnsafeBufferPointer { buffer in
                    for (first, second, third) in [(UInt8(0), UInt8(ascii: "'"), UInt8(0xEE)), (0x0A, 0x0D, 0x09), (0x80, 0xFF, 0x7F)] {
                        #expect(ByteScan.contains(first, second, third, in: buffer) == bytes.contains { $0 == first || $0 == second || $0 == third })
                    }
                    for (special, special2, special3) in [(UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(0)), (0x22, 0x5C, 0x7B), (0, 0, 0)] {
                        for start in 0...length {
                            let expected = bytes[start...].firstIndex {
                                $0 < 0x20 || $0 >= 0x7F || $0 == special || $0 == special2 || $0 == special3
                            } ?? length
                            #expect(ByteScan.firstNonPlain(in: buffer, from: start, except: special, special2, special3) == expected, "\(bytes) from \(start)")
                        }
                    }
                }
            }
        }
    }

    @Test func documentsMatchTheReference() {
        var generator = SystemRandomNumberGenerator()
        let references: [PlaceholderReferences?] = [nil]
        var values = [hostileDocument, samplePolicy]
        for _ in 0..<800 { values.append(Self.randomValue(depth: 0, &generator)) }
        for value in values {
            #expect(encodeJSON(value) == ReferenceWriters.json(value, pretty: true), "\(value)")
            #expect(encodeCompactJSON(value) == ReferenceWriters.json(value, pretty: false), "\(value)")
            for placeholders in references + [.cloudFormation()] {
                #expect(encodeYAML(value, placeholders: placeholders) == ReferenceWriters.yaml(value, placeholders: placeholders), "\(value)")
            }
            for placeholders in references + [.terraform()] {
                #expect(encodeHCL(value, placeholders: placeholders) == ReferenceWriters.hcl(value, placeholders: placeholders), "\(value)")
            }
        }
    }
}

/// The writers as they were before they scanned bytes: one Unicode scalar at a time.
private enum ReferenceWriters {
    static func hex(_ value: UInt32, _ width: Int, uppercase: Bool = false) -> String {
        let digits = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case PlaceholderText.open: out += "<"
            case PlaceholderText.close: out += ">"
            default:
                let value = scalar.value
                if value < 0x20 || (value >= 0x7F && value <= 0x9F) || value == 0x2028 || value == 0x2029 {
                    out += "\\u" + hex(value, 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func yamlDoubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\0": out += "\\0"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{0B}": out += "\\v"
            case "\u{0C}": out += "\\f"
            case "\r": out += "\\r"
            case "\u{1B}": out += "\\e"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case PlaceholderText.open: out += "<"
            case PlaceholderText.close: out += ">"
            default:
                let value = scalar.value
                if value < 0x20 || (value >= 0x7F && value <= 0x9F) {
                    out += "\\x" + hex(value, 2, uppercase: true)
                } else if value == 0xFEFF || value == 0xFFFE || value == 0xFFFF {
                    out += "\\u" + hex(value, 4, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func hclStringLiteral(_ text: String) -> String {
        var out = "\""
        var previous: Unicode.Scalar? = nil
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case PlaceholderText.open: out += "<"
            case PlaceholderText.close: out += ">"
            case "{" where previous == "$" || previous == "%":
                out.unicodeScalars.append(previous!)
                out += "{"
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F) {
                    out += "\\u" + hex(scalar.value, 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            previous = scalar
        }
        return out + "\""
    }

    static func escapeMarkdown(_ text: String, lineStart: Bool, lineEnd: Bool) -> String {
        let text = PlaceholderText.display(text)
        var out: [UInt8] = []
        var leading = lineStart
        var atStart = lineStart
        var leadingDigits = lineStart
        var previous: UInt8 = 0
        for byte in text.utf8 {
            defer { previous = byte }
            if leading, byte == UInt8(ascii: " ") {
                out += Array("&#32;".utf8)
                continue
            }
            leading = false
            if byte == UInt8(ascii: "\n"), previous == UInt8(ascii: "\r") { continue }
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            defer {
                atStart = false
                leadingDigits = leadingDigits && isDigit
            }
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "{"), UInt8(ascii: "}"):
                out += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "|"): out += Array("&#124;".utf8)
            case UInt8(ascii: "~"): out += Array("&#126;".utf8)
            case UInt8(ascii: "\t"): out += Array("&#9;".utf8)
            case UInt8(ascii: "=") where atStart: out += Array("&#61;".utf8)
            case _ where atStart && "#+->".utf8.contains(byte), _ where leadingDigits && !atStart && ".)".utf8.contains(byte):
                out += [UInt8(ascii: "\\"), byte]
            case 0..<0x20, 0x7F: out.append(UInt8(ascii: " "))
            default: out.append(byte)
            }
        }
        var result = String(decoding: out, as: UTF8.self)
        guard lineEnd, result.utf8.last == UInt8(ascii: " ") else { return result }
        var trailing = 0
        while result.utf8.last == UInt8(ascii: " ") {
            result.removeLast()
            trailing += 1
        }
        return result + String(repeating: "&#32;", count: trailing)
    }

    static func markdownCodeSpan(_ text: String) -> String {
        var bytes: [UInt8] = []
        var previous: UInt8 = 0
        for byte in PlaceholderText.display(text).utf8 {
            defer { previous = byte }
            if byte == UInt8(ascii: "\n"), previous == UInt8(ascii: "\r") { continue }
            bytes.append(byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") ? UInt8(ascii: " ") : byte)
        }
        guard let first = bytes.first, let last = bytes.last else { return "" }
        let text = String(decoding: bytes, as: UTF8.self)
        if first == UInt8(ascii: " ") || last == UInt8(ascii: " ") || bytes.contains(UInt8(ascii: "\t")) {
            return escapeMarkdown(text, lineStart: true, lineEnd: true)
        }
        var longest = 0, current = 0
        for byte in bytes {
            current = byte == UInt8(ascii: "`") ? current + 1 : 0
            longest = max(longest, current)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = first == UInt8(ascii: "`") || last == UInt8(ascii: "`") ? " " : ""
        return fence + padding + text + padding + fence
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func yamlKey(_ key: String) -> String {
        let bytes = Array(key.utf8)
        guard let first = bytes.first, let last = bytes.last, isLetter(first) || first == 0x5F,
            isLetter(last) || isDigit(last) || last == 0x5F,
            bytes.allSatisfy({ isLetter($0) || isDigit($0) || "_-.:/".utf8.contains($0) }),
            !["y", "yes", "n", "no", "true", "false", "on", "off", "null", "~"].contains(key.lowercased())
        else { return yamlDoubleQuoted(key) }
        return key
    }

    static func hclKey(_ key: String) -> String {
        let bytes = Array(key.utf8)
        guard let first = bytes.first, isLetter(first) || first == 0x5F,
            bytes.allSatisfy({ isLetter($0) || isDigit($0) || $0 == 0x5F || $0 == 0x2D }),
            !["for", "in", "if", "true", "false", "null"].contains(key)
        else { return hclStringLiteral(key) }
        return key
    }

    static func json(_ value: JSONValue, pretty: Bool, depth: Int = 0) -> String {
        func newline(_ depth: Int) -> String { pretty ? "\n" + String(repeating: "  ", count: depth) : "" }
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .number(let text): return text
        case .string(let text): return jsonString(text)
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            return "[" + elements.map { newline(depth + 1) + json($0, pretty: pretty, depth: depth + 1) }.joined(separator: ",")
                + newline(depth) + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{" + members.map {
                newline(depth + 1) + jsonString($0.key) + (pretty ? ": " : ":") + json($0.value, pretty: pretty, depth: depth + 1)
            }.joined(separator: ",") + newline(depth) + "}"
        }
    }

    static func spansLines(_ value: JSONValue) -> Bool {
        switch value {
        case .array(let elements): !elements.isEmpty
        case .object(let members): !members.isEmpty
        default: false
        }
    }

    static func yaml(_ value: JSONValue, placeholders: PlaceholderReferences?, indent: Int = 0) -> String {
        let newline = "\n" + String(repeating: " ", count: indent)
        switch value {
        case .string(let text):
            // The string forms are the writer's own: only the layout is the reference's.
            var out = TextBuffer()
            appendYAMLString(text, placeholders: placeholders, into: &out)
            return out.text
        case .array(let elements) where !elements.isEmpty:
            return elements.map { "- " + yaml($0, placeholders: placeholders, indent: indent + 2) }.joined(separator: newline)
        case .object(let members) where !members.isEmpty:
            return members.map { member in
                yamlKey(member.key) + ":" + (spansLines(member.value) ? "\n" + String(repeating: " ", count: indent + 2) : " ")
                    + yaml(member.value, placeholders: placeholders, indent: indent + 2)
            }.joined(separator: newline)
        case .array: return "[]"
        case .object: return "{}"
        default: return json(value, pretty: false)
        }
    }

    static func hcl(_ value: JSONValue, placeholders: PlaceholderReferences?, indent: Int = 0) -> String {
        func newline(_ indent: Int) -> String { "\n" + String(repeating: " ", count: indent) }
        switch value {
        case .string(let text):
            var out = TextBuffer()
            appendHCLString(text, placeholders: placeholders, into: &out)
            return out.text
        case .array(let elements) where !elements.isEmpty:
            return "[" + elements.map { newline(indent + 2) + hcl($0, placeholders: placeholders, indent: indent + 2) + "," }.joined()
                + newline(indent) + "]"
        case .object(let members) where !members.isEmpty:
            let keys = members.map { hclKey($0.key) }
            var out = "{"
            var groupWidth = 0
            for (index, member) in members.enumerated() {
                if index == 0 || spansLines(members[index - 1].value) {
                    groupWidth = 0
                    var next = index
                    while next < members.count, !spansLines(members[next].value) {
                        groupWidth = max(groupWidth, keys[next].unicodeScalars.count)
                        next += 1
                    }
                }
                out += newline(indent + 2) + keys[index]
                if !spansLines(member.value) {
                    out += String(repeating: " ", count: max(0, groupWidth - keys[index].unicodeScalars.count))
                }
                out += " = " + hcl(member.value, placeholders: placeholders, indent: indent + 2)
            }
            return out + newline(indent) + "}"
        case .array: return "[]"
        case .object: return "{}"
        default: return json(value, pretty: false)
        }
    }
}
