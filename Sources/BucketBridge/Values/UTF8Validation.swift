/// The text of UTF-8 bytes, or nil when they are not valid UTF-8 (overlong forms, surrogates,
/// truncated sequences). Stands in for `String(validating:as:)`, which needs macOS 15.
func validUTF8String<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
    // ASCII, the common case, checked eight bytes at a time where the bytes are contiguous.
    let ascii = bytes.withContiguousStorageIfAvailable(ByteScan.isASCII) ?? bytes.allSatisfy { $0 < 0x80 }
    if ascii { return String(decoding: bytes, as: UTF8.self) }
    var iterator = bytes.makeIterator()
    var decoder = Unicode.UTF8()
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: return String(decoding: bytes, as: UTF8.self)
        case .error: return nil
        }
    }
}
