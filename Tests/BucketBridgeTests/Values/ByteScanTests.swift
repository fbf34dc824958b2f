import Testing
@testable import BucketBridge

/// The eight-bytes-at-a-time scans agree with a byte-by-byte reading at every position.
struct ByteScanTests {
    static func naivePlain(_ bytes: [UInt8], _ special: UInt8, _ special2: UInt8, _ special3: UInt8) -> Bool {
        bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != special && $0 != special2 && $0 != special3 }
    }

    @Test func agreesWithAByteByByteScan() {
        let probes: [UInt8] = [0x00, 0x09, 0x1F, 0x20, 0x22, 0x41, 0x5C, 0x60, 0x7B, 0x7E, 0x7F, 0x80, 0xC3, 0xEE, 0xFF]
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            for _ in 0..<60 {
                var bytes = (0..<length).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
                if length > 0, Bool.random(using: &generator) {
                    bytes[Int.random(in: 0..<length, using: &generator)] = probes.randomElement(using: &generator)!
                }
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(ByteScan.isASCII(buffer) == bytes.allSatisfy { $0 < 0x80 })
                    for (byte, other) in [(UInt8(0), UInt8(ascii: "'")), (0x80, 0xFF), (0x22, 0x22)] {
                        #expect(ByteScan.contains(byte, or: other, in: buffer) == bytes.contains { $0 == byte || $0 == other })
                    }
                    for (special, special2, special3) in [(UInt8(ascii: "\""), UInt8(0), UInt8(0)), (0x22, 0x5C, 0x7B), (0x60, 0, 0)] {
                        #expect(ByteScan.isPlainASCII(buffer, except: special, special2, special3) == Self.naivePlain(bytes, special, special2, special3))
                    }
                    for target in probes {
                        for start in [0, 1, 7, 8, 9] where start <= length {
                            #expect(ByteScan.firstIndex(of: target, in: buffer, from: start) == bytes[start...].firstIndex(of: target))
                        }
                    }
                }
            }
        }
    }

    @Test func placeholderTokensAreFoundAcrossWordBoundaries() {
        for offset in 0..<20 {
            let text = String(repeating: "a", count: offset) + PlaceholderText.token("NAME") + "b"
            #expect(PlaceholderText.contains(text))
            #expect(!PlaceholderText.contains(String(repeating: "é", count: offset) + "\u{E001}"))
        }
    }
}
