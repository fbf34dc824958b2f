/// Finds where a value of a policy document was written, also when the document is text
/// inside the file: the JSON string of `aws s3api get-bucket-policy`'s `Policy`, or the
/// URL-encoded text IAM's API returns for a role's trust policy.
///
/// An embedded document is parsed as a file of its own; `offsets` maps each of its bytes back
/// to the byte of the outer file it was decoded from (an escape such as `\"` or `%22` maps to
/// its first character), so positions land in the file the user gave.
struct PolicyLocator: Sendable {
    /// The file the user gave.
    var file: SourceFile
    /// For an embedded document: outer-file offset of each decoded byte.
    var offsets: [Int]?
    /// The path of the embedded text in the outer file (`Policy`), prepended to inner paths.
    var prefix: FieldPath = .root

    /// Where `node` was written in the user's file.
    func origin(of node: JSONNode) -> PolicyOrigin {
        origin(offset: node.offset, path: node.path)
    }

    /// Where an object key was written in the user's file.
    func origin(ofKey member: JSONNode.Member, in parent: JSONNode) -> PolicyOrigin {
        origin(offset: member.keyOffset, path: parent.path.appending(member.key))
    }

    private func origin(offset: Int, path: FieldPath) -> PolicyOrigin {
        guard let offsets, !offsets.isEmpty else {
            return PolicyOrigin(location: file.location(ofOffset: offset), path: path)
        }
        let outer = offsets[min(max(offset, 0), offsets.count - 1)]
        return PolicyOrigin(location: file.location(ofOffset: outer), path: FieldPath(prefix.components + path.components))
    }
}

/// Text decoded from the outer file, with the outer offset of each of its bytes.
struct DecodedText {
    var bytes: [UInt8] = []
    var offsets: [Int] = []

    mutating func append(_ decoded: some Sequence<UInt8>, from offset: Int) {
        for byte in decoded {
            bytes.append(byte)
            offsets.append(offset)
        }
    }

    /// The JSON string literal that starts (at its opening quote) at `start` in `source`,
    /// decoded. The parser has already checked the literal, so no error is possible here.
    static func stringLiteral(in source: [UInt8], at start: Int) -> DecodedText {
        var text = DecodedText()
        var index = start + 1
        while index < source.count, source[index] != UInt8(ascii: "\"") {
            guard source[index] == UInt8(ascii: "\\"), index + 1 < source.count else {
                text.append(CollectionOfOne(source[index]), from: index)
                index += 1
                continue
            }
            let escape = source[index + 1]
            guard escape == UInt8(ascii: "u") else {
                let simple: [UInt8: UInt8] = [0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
                text.append(CollectionOfOne(simple[escape] ?? escape), from: index)
                index += 2
                continue
            }
            var scalar = hexValue(source, index + 2, count: 4)
            var length = 6
            if (0xD800...0xDBFF).contains(scalar), index + 11 < source.count {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (hexValue(source, index + 8, count: 4) - 0xDC00)
                length = 12
            }
            text.append(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8, from: index)
            index += length
        }
        return text
    }

    /// Undoes URL encoding (`%7B` → `{`); `+` stays `+`, as IAM encodes a space as `%20`.
    func percentDecoded() -> DecodedText {
        var text = DecodedText()
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"),
                let value = UInt8(exactly: Self.hexValue(bytes, index + 1, count: 2, invalid: 0x100))
            {
                text.append(CollectionOfOne(value), from: offsets[index])
                index += 3
            } else {
                text.append(CollectionOfOne(bytes[index]), from: offsets[index])
                index += 1
            }
        }
        return text
    }

    /// The value of `count` hexadecimal digits at `start`, or `invalid` when they are not.
    private static func hexValue(_ bytes: [UInt8], _ start: Int, count: Int, invalid: UInt32 = 0xFFFD) -> UInt32 {
        guard start + count <= bytes.count else { return invalid }
        var value: UInt32 = 0
        for byte in bytes[start..<(start + count)] {
            guard let digit = hexDigitValues[byte] else { return invalid }
            value = value << 4 | digit
        }
        return value
    }
}

/// `0`–`9`, `a`–`f`, `A`–`F` and their values.
private let hexDigitValues: [UInt8: UInt32] = {
    var values: [UInt8: UInt32] = [:]
    for (offset, byte) in Array("0123456789abcdef".utf8).enumerated() { values[byte] = UInt32(offset) }
    for (offset, byte) in Array("ABCDEF".utf8).enumerated() { values[byte] = UInt32(offset + 10) }
    return values
}()
