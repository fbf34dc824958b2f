import Testing
@testable import BucketBridge

/// `scalarCount` (counted from UTF-8 bytes) agrees with `unicodeScalars.count`, on strings and
/// on substrings that start or end inside multi-byte text.
struct ScalarCountTests {
    static let texts = [
        "", "a", "plain ASCII text", "données/été", "日本/データ", "e\u{301}", "🇩🇪🏳️‍🌈", "\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
        "${aws:username}", "tab\there\nnewline", String(repeating: "ø", count: 300), "mixed ascii и кириллица and 中文",
    ]

    @Test(arguments: texts)
    func countsAsUnicodeScalars(_ text: String) {
        #expect(text.scalarCount == text.unicodeScalars.count)
        for offset in 0...min(text.count, 4) {
            let tail = text.dropFirst(offset)
            #expect(tail.scalarCount == tail.unicodeScalars.count)
            let head = text.dropLast(offset)
            #expect(head.scalarCount == head.unicodeScalars.count)
        }
    }
}
