@testable import BucketBridge

/// Text with location markers (1️⃣, 2️⃣, ...) removed, and where each marker stood.
///
/// A diagnostic test writes the marker right before the value it expects to be reported, so
/// the expected line and column are never typed by hand.
struct MarkedText {
    static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

    /// The text without markers.
    let text: String
    /// Marker → (line, column), 1-based, the column in Unicode scalars of the clean text.
    let positions: [String: (line: Int, column: Int)]

    init(_ marked: String) {
        var clean = ""
        var positions: [String: (Int, Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        outer: while let character = rest.first {
            for marker in Self.markers where rest.hasPrefix(marker) {
                positions[marker] = (line, column)
                rest = rest.dropFirst(marker.count)
                continue outer
            }
            clean.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
            rest = rest.dropFirst()
        }
        text = clean
        self.positions = positions
    }

    /// The location of a marker in a file of the given name.
    func location(_ marker: String, file: String = "spec.json") -> SourceLocation {
        let position = positions[marker]!
        return SourceLocation(file: file, line: position.line, column: position.column)
    }
}
