extension JSONParser {
    /// Reads a string literal starting at the opening quote, decoding escapes and checking UTF-8.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        if let text = plainString() { return text }
        let start = index
        index += 1
        var utf8: [UInt8] = []
        var runStart = index
        while true {
            guard index < bytes.count else { throw fail("unterminated string", at: start) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if runStart == start + 1 {
                    // No escapes: the text is the file's bytes, read without copying them first.
                    defer { index += 1 }
                    let run = runStart..<index
                    // Through a buffer pointer: a slice of the array costs a retain and a release.
                    guard let text = bytes.withUnsafeBufferPointer({ validUTF8String(UnsafeBufferPointer(rebasing: $0[run])) }) else {
                        throw fail("string is not valid UTF-8", at: start)
                    }
                    return text
                }
                utf8.append(contentsOf: bytes[runStart..<index])
                index += 1
                break
            }
            if byte < 0x20 {
                throw fail("control character in a string: write it as an escape such as \\n")
            }
            if byte == UInt8(ascii: "\\") {
                utf8.append(contentsOf: bytes[runStart..<index])
                try parseEscape(into: &utf8)
                runStart = index
                continue
            }
            index += 1
        }
        guard let text = validUTF8String(utf8) else {
            throw fail("string is not valid UTF-8", at: start)
        }
        return text
    }

    /// The string literal at `index` when it holds no escape and no control character (most
    /// strings of a spec): found eight bytes at a time, as `skipString` finds them, and made
    /// without copying. Nil, with `index` unchanged, for any other string: `parseString` reads
    /// it byte by byte and reports what is wrong with it.
    private mutating func plainString() -> String? {
        let start = index + 1
        let scanned = bytes.withUnsafeBufferPointer { buffer -> (end: Int, ascii: Bool)? in
            var next = start
            var ascii = true
            while true {
                next = Self.firstSpecialStringByte(in: buffer, from: next)
                guard next < buffer.count else { return nil }
                let byte = buffer[next]
                if byte == UInt8(ascii: "\"") { return (next, ascii) }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                if byte >= 0x80 { ascii = false }
                next += 1
            }
        }
        guard let (end, ascii) = scanned,
            let text = bytes.withUnsafeBufferPointer({ buffer -> String? in
                let run = UnsafeBufferPointer(rebasing: buffer[start..<end])
                // ASCII is valid UTF-8: no need to check it again.
                return ascii ? String(decoding: run, as: UTF8.self) : validUTF8String(run)
            })
        else { return nil }
        index = end + 1
        return text
    }

    /// Decodes one backslash escape, including UTF-16 surrogate pairs.
    private mutating func parseEscape(into utf8: inout [UInt8]) throws(JSONSyntaxError) {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw fail("unterminated string") }
        let code = bytes[index]
        index += 1
        let simple: UInt8? =
            switch code {
            case UInt8(ascii: "\""): 0x22
            case UInt8(ascii: "\\"): 0x5C
            case UInt8(ascii: "/"): 0x2F
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            utf8.append(simple)
            return
        }
        guard code == UInt8(ascii: "u") else {
            throw fail("invalid escape \"\\\(Character(UnicodeScalar(code)))\"", at: escapeStart)
        }
        var scalar = try parseHex4(escapeStart: escapeStart)
        if (0xD800...0xDBFF).contains(scalar) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw fail("unpaired UTF-16 surrogate in \\u escape", at: escapeStart) }
            index += 2
            let low = try parseHex4(escapeStart: escapeStart)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw fail("unpaired UTF-16 surrogate in \\u escape", at: escapeStart)
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
            throw fail("unpaired UTF-16 surrogate in \\u escape", at: escapeStart)
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape", at: escapeStart) }
        utf8.append(contentsOf: Array(String(Character(unicode)).utf8))
    }

    private mutating func parseHex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("incomplete \\u escape", at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("invalid \\u escape", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Reads a number by JSON's grammar and returns its source text.
    mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        func isDigit(_ offset: Int) -> Bool {
            offset < bytes.count && bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9")
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else { throw fail("invalid number", at: start) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if isDigit(index) { throw fail("invalid number: leading zeros are not allowed", at: start) }
        } else {
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { throw fail("invalid number", at: start) }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard isDigit(index) else { throw fail("invalid number", at: start) }
            while isDigit(index) { index += 1 }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }
}
