/// A unified diff (`diff -u`, three lines of context) between two texts, for `render --check`.
///
/// Lines are compared with Myers' O((N+M)·D) algorithm after the common head and tail are
/// trimmed. A size guard keeps huge, very different files fast: when the edit distance would
/// exceed what `workLimit` allows, the differing middle is shown as removed then added (a
/// correct diff, just not a minimal one). `patch -p0` applies the result to `oldLabel`.
public func unifiedDiff(
    old: [UInt8], new: [UInt8], oldLabel: String, newLabel: String, context: Int = 3, workLimit: Int = 20_000_000
) -> String {
    let oldLines = splitLines(old)
    let newLines = splitLines(new)
    let edits = diffLines(oldLines, newLines, workLimit: workLimit)
    guard edits.contains(where: { $0.kind != .same }) else { return "" }
    var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
    for hunk in hunks(of: edits, context: context) {
        out += hunk.header
        for edit in edits[hunk.range] {
            let text = edit.kind == .insert ? newLines[edit.newIndex] : oldLines[edit.oldIndex]
            out += edit.kind.marker + text.text + "\n"
            if !text.endsWithNewline { out += "\\ No newline at end of file\n" }
        }
    }
    return out
}

/// One line of a file, without its newline.
private struct Line {
    var text: String
    var endsWithNewline: Bool
}

/// The file's lines; a final line without `\n` is marked so the diff can say so.
private func splitLines(_ bytes: [UInt8]) -> [Line] {
    var lines: [Line] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == 0x0A {
        lines.append(Line(text: String(decoding: bytes[start..<index], as: UTF8.self), endsWithNewline: true))
        start = index + 1
    }
    if start < bytes.count {
        lines.append(Line(text: String(decoding: bytes[start...], as: UTF8.self), endsWithNewline: false))
    }
    return lines
}

/// One step of an edit script: keep, delete (from old) or insert (from new).
private struct Edit {
    enum Kind {
        case same, delete, insert

        var marker: String {
            switch self {
            case .same: " "
            case .delete: "-"
            case .insert: "+"
            }
        }
    }

    var kind: Kind
    var oldIndex: Int
    var newIndex: Int
}

/// The edit script turning `old` into `new`.
private func diffLines(_ old: [Line], _ new: [Line], workLimit: Int) -> [Edit] {
    // Lines become integers, so the inner loop compares numbers.
    var ids: [String: Int] = [:]
    func id(_ line: Line) -> Int {
        let key = line.endsWithNewline ? line.text + "\n" : line.text
        if let known = ids[key] { return known }
        ids[key] = ids.count
        return ids.count - 1
    }
    let a = old.map(id)
    let b = new.map(id)
    var head = 0
    while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
    var tail = 0
    while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }

    var edits = (0..<head).map { Edit(kind: .same, oldIndex: $0, newIndex: $0) }
    let middleA = Array(a[head..<(a.count - tail)])
    let middleB = Array(b[head..<(b.count - tail)])
    let maximumD = max(1, workLimit / max(1, middleA.count + middleB.count))
    let middle = myers(middleA, middleB, maximumD: maximumD)
        ?? (middleA.indices.map { Edit(kind: .delete, oldIndex: $0, newIndex: 0) }
            + middleB.indices.map { Edit(kind: .insert, oldIndex: middleA.count, newIndex: $0) })
    edits += middle.map { Edit(kind: $0.kind, oldIndex: $0.oldIndex + head, newIndex: $0.newIndex + head) }
    edits += (0..<tail).map { Edit(kind: .same, oldIndex: a.count - tail + $0, newIndex: b.count - tail + $0) }
    return edits
}

/// Myers' greedy shortest edit script, or nil when it needs more than `maximumD` edits.
private func myers(_ a: [Int], _ b: [Int], maximumD: Int) -> [Edit]? {
    let n = a.count
    let m = b.count
    let limit = min(n + m, maximumD)
    let offset = limit + 1
    var v = [Int](repeating: 0, count: 2 * limit + 3)
    var trace: [[Int]] = []
    var found = false
    search: for d in 0...limit {
        trace.append(v)
        for k in stride(from: -d, through: d, by: 2) {
            var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
            var y = x - k
            while x < n, y < m, a[x] == b[y] {
                x += 1
                y += 1
            }
            v[offset + k] = x
            if x >= n, y >= m {
                found = true
                break search
            }
        }
    }
    guard found else { return nil }
    // Walk the trace back from (n, m) to (0, 0).
    var edits: [Edit] = []
    var x = n
    var y = m
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
        let v = trace[d]
        let k = x - y
        let previousK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1
        let previousX = v[offset + previousK]
        let previousY = previousX - previousK
        while x > previousX, y > previousY {
            x -= 1
            y -= 1
            edits.append(Edit(kind: .same, oldIndex: x, newIndex: y))
        }
        if d > 0 {
            if x == previousX {
                y -= 1
                edits.append(Edit(kind: .insert, oldIndex: x, newIndex: y))
            } else {
                x -= 1
                edits.append(Edit(kind: .delete, oldIndex: x, newIndex: y))
            }
        }
    }
    return edits.reversed()
}

/// A hunk: a range of the edit script and its `@@ -a,b +c,d @@` header.
private struct Hunk {
    var range: Range<Int>
    var header: String
}

/// Groups changes with `context` unchanged lines around them; changes closer than twice the
/// context share a hunk.
private func hunks(of edits: [Edit], context: Int) -> [Hunk] {
    let changed = edits.indices.filter { edits[$0].kind != .same }
    var hunks: [Hunk] = []
    var index = 0
    while index < changed.count {
        let start = max(0, changed[index] - context)
        var last = changed[index]
        while index + 1 < changed.count, changed[index + 1] - last <= 2 * context {
            index += 1
            last = changed[index]
        }
        let end = min(edits.count, last + context + 1)
        let slice = edits[start..<end]
        let oldCount = slice.filter { $0.kind != .insert }.count
        let newCount = slice.filter { $0.kind != .delete }.count
        // 1-based first line; with no line on a side, the line after which the change goes.
        let oldStart = slice.first { $0.kind != .insert }.map { $0.oldIndex + 1 } ?? slice.first!.oldIndex
        let newStart = slice.first { $0.kind != .delete }.map { $0.newIndex + 1 } ?? slice.first!.newIndex
        hunks.append(Hunk(
            range: start..<end,
            header: "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"))
        index += 1
    }
    return hunks
}

/// `start,count` as unified diffs write it (`start` alone when the count is 1).
private func range(_ start: Int, _ count: Int) -> String {
    count == 1 ? "\(start)" : "\(start),\(count)"
}
