import Testing
@testable import BucketBridge

/// Inputs the JSON reader's fuzzing (fuzz/run json, fuzz/run spec) and its big-input probes
/// found or guard against: each must give a diagnostic with a position, quickly.
struct JSONParserFuzzRegressionTests {
    /// The column of `offset` counted the slow, obvious way: scalars since the line's start
    /// (by pointer: the 4 MB line below took most of a second of a debug build otherwise).
    func naiveColumn(_ bytes: [UInt8], _ offset: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            var start = offset
            while start > 0 && base[start - 1] != 0x0A { start -= 1 }
            var scalars = 0
            var index = start
            while index < offset {
                if base[index] & 0xC0 != 0x80 { scalars += 1 }
                index += 1
            }
            return scalars + 1
        }
    }

    /// A minified spec is one long line: finding a column scanned the line from its start, so
    /// validating N destinations on one line took N² time (1,000 took 3.5 s in a debug build,
    /// 4,000 a minute). Columns now come from checkpoints.
    @Test func columnsOnOneLongLineTakeConstantTime() {
        let line = Array(String(repeating: #"{"a": "é", "b": [1, 2]}, "#, count: 160_000).utf8)
        let file = SourceFile(name: "long.json", bytes: line)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for offset in stride(from: 0, to: line.count, by: line.count / 20_000) {
                #expect(file.location(ofOffset: offset).line == 1)
            }
        }
        #expect(elapsed < .seconds(5), "20,000 columns on a 4 MB line took \(elapsed)")
        let last = line.count - 1
        #expect(file.location(ofOffset: last).column == naiveColumn(line, last))
    }

    @Test func columnsCountScalarsAcrossCheckpoints() {
        // Multi-byte characters straddle every 256-byte checkpoint; lines start anywhere.
        var text = ""
        for index in 0..<2_000 { text += index % 37 == 0 ? "\n" : ["a", "é", "中", "😀"][index % 4] }
        let bytes = Array(text.utf8)
        let file = SourceFile(name: "mixed.json", bytes: bytes)
        // The line of each offset: line breaks before it, counted in one pass.
        var lines = [1]
        for byte in bytes { lines.append(lines[lines.count - 1] + (byte == 0x0A ? 1 : 0)) }
        for offset in 0...bytes.count where offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
            let location = file.location(ofOffset: offset)
            #expect(location.column == naiveColumn(bytes, offset), "offset \(offset)")
            #expect(location.line == lines[offset], "offset \(offset)")
        }
    }

    /// Deep nesting would overflow the stack of a recursive reader: it stops at 256 levels with
    /// an error at the bracket that goes one level too deep.
    @Test func deepNestingIsADiagnosticAtTheBracket() {
        for opener in ["[", "{\"a\": "] {
            let text = "\n  " + String(repeating: opener, count: 100_000)
            var diagnostics = Diagnostics()
            #expect(parseJSON(SourceFile(name: "deep.json", text: text), diagnostics: &diagnostics) == nil)
            let column = 3 + JSONParser.maximumDepth * opener.unicodeScalars.count
            #expect(errorLines(diagnostics) == ["deep.json:2:\(column): error: invalid JSON: nesting deeper than 256 levels"])
        }
    }

    /// Every node carries its field path; as an array, each path copied all its steps, so
    /// 400 KB of arrays nested 255 deep took 1.2 GB and 12 s to read. Paths now share their
    /// steps: reading elements deep down costs about what it costs at the top.
    @Test func deepNodesCostWhatShallowOnesCost() {
        let elements = String(repeating: "0,", count: 50_000) + "0"
        func secondsToRead(depth: Int) -> Double {
            let text = String(repeating: "[", count: depth) + elements + String(repeating: "]", count: depth)
            var diagnostics = Diagnostics()
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                #expect(parseJSON(SourceFile(name: "wide.json", text: text), diagnostics: &diagnostics) != nil)
            }
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        let shallow = secondsToRead(depth: 1)
        let deep = secondsToRead(depth: 255)
        #expect(deep < shallow * 5 + 0.5, "255 levels deep: \(deep) s; at the top: \(shallow) s")
    }

    @Test func pathsCompareAndHashByTheirSteps() {
        let built = FieldPath.root.appending("destinations").appending(index: 3).appending("role")
        let listed = FieldPath([.key("destinations"), .index(3), .key("role")])
        #expect(built == listed && built.hashValue == listed.hashValue)
        #expect(built.components == listed.components)
        #expect(built.description == "destinations[3].role")
        #expect(built != FieldPath([.key("destinations"), .index(4), .key("role")]))
        #expect(built != FieldPath([.key("destinations"), .index(3)]))
        #expect(FieldPath.root == FieldPath() && FieldPath.root.description == "(root)")
    }
}
