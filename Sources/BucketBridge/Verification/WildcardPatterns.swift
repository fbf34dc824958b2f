/// IAM's wildcard patterns, as in `Action`, `Resource` and the `...Like` condition operators:
/// `*` stands for any run of characters (also none), `?` for exactly one character, every
/// other character for itself.
///
/// Besides matching one text, the comparison needs to relate two *patterns*: whether every
/// text one pattern matches is matched by another (`arn:aws:s3:::bucket/prefix/*` is inside
/// `arn:aws:s3:::bucket/*`), and whether two patterns share any text at all. Both are answered
/// exactly by running the patterns as automata side by side.
enum WildcardPatterns {
    /// True when `pattern` matches all of `text` (`text` is taken literally).
    static func matches(_ pattern: String, _ text: String, ignoringCase: Bool = false) -> Bool {
        let p = Array(fold(pattern, ignoringCase))
        let t = Array(fold(text, ignoringCase))
        // Greedy matching with backtracking to the last `*`: linear for IAM's patterns.
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || (p[pi] != "*" && p[pi] == t[ti])) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// True when every text `inner` matches is matched by at least one of `outer`.
    static func isContained(_ inner: String, in outer: [String], ignoringCase: Bool = false) -> Bool {
        if !hasWildcard(inner) { return outer.contains { matches($0, inner, ignoringCase: ignoringCase) } }
        return !explore([inner], outer, ignoringCase: ignoringCase) { innerAccepts, outerAccepts in innerAccepts && !outerAccepts }
    }

    /// True when some text is matched both by `lhs` and by at least one of `rhs`.
    static func overlaps(_ lhs: String, _ rhs: [String], ignoringCase: Bool = false) -> Bool {
        if !hasWildcard(lhs) { return rhs.contains { matches($0, lhs, ignoringCase: ignoringCase) } }
        return explore([lhs], rhs, ignoringCase: ignoringCase) { lhsAccepts, rhsAccepts in lhsAccepts && rhsAccepts }
    }

    /// True when the text has a `*` or `?`.
    static func hasWildcard(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "*" || $0 == "?" }
    }

    /// Walks every text both pattern sets can read, a character class at a time, and reports
    /// whether a point is reached where `stop(lhs accepts, rhs accepts)` holds.
    ///
    /// The characters that matter are the literal ones of either side; every other character
    /// behaves the same, so one stand-in (`nil`) represents them all. A pathological pair of
    /// patterns that exceeds the step budget is answered as if `stop` had held, the
    /// conservative answer for both callers.
    private static func explore(
        _ lhs: [String], _ rhs: [String], ignoringCase: Bool, stop: (Bool, Bool) -> Bool
    ) -> Bool {
        let left = PatternAutomaton(lhs, ignoringCase: ignoringCase)
        let right = PatternAutomaton(rhs, ignoringCase: ignoringCase)
        let alphabet: [Unicode.Scalar?] = Array(left.literals.union(right.literals)).sorted { $0.value < $1.value } + [nil]
        var seen: Set<[Int]> = []
        var pending: [([Int], [Int])] = [(left.start, right.start)]
        var budget = 20_000
        while let (leftStates, rightStates) = pending.popLast() {
            guard seen.insert(leftStates + [-1] + rightStates).inserted else { continue }
            if stop(left.accepts(leftStates), right.accepts(rightStates)) { return true }
            budget -= 1
            if budget == 0 { return true }
            for symbol in alphabet {
                let nextLeft = left.step(leftStates, on: symbol)
                if !nextLeft.isEmpty { pending.append((nextLeft, right.step(rightStates, on: symbol))) }
            }
        }
        return false
    }

    fileprivate static func fold(_ text: String, _ ignoringCase: Bool) -> String.UnicodeScalarView {
        ignoringCase ? text.lowercased().unicodeScalars : text.unicodeScalars
    }
}

/// A set of patterns read as one nondeterministic automaton. State `i` means "the pattern
/// characters before position `i` have been read"; each pattern's states follow the
/// previous pattern's, and the state after a pattern's last character accepts.
private struct PatternAutomaton {
    enum Position {
        case literal(Unicode.Scalar)
        case anyOne
        case anyRun
        case end
    }

    private var positions: [Position] = []
    /// Every literal character of the patterns.
    private(set) var literals: Set<Unicode.Scalar> = []
    /// The states before any character is read.
    private(set) var start: [Int] = []

    init(_ patterns: [String], ignoringCase: Bool) {
        var starts: [Int] = []
        for pattern in patterns {
            starts.append(positions.count)
            for scalar in WildcardPatterns.fold(pattern, ignoringCase) {
                switch scalar {
                case "*": positions.append(.anyRun)
                case "?": positions.append(.anyOne)
                default:
                    positions.append(.literal(scalar))
                    literals.insert(scalar)
                }
            }
            positions.append(.end)
        }
        start = closure(starts)
    }

    /// The states after reading one character; `nil` stands for a character no pattern names.
    func step(_ states: [Int], on symbol: Unicode.Scalar?) -> [Int] {
        var next: [Int] = []
        for state in states {
            switch positions[state] {
            case .literal(let scalar) where scalar == symbol: next.append(state + 1)
            case .anyOne: next.append(state + 1)
            case .anyRun: next.append(state)
            case .literal, .end: break
            }
        }
        return closure(next)
    }

    func accepts(_ states: [Int]) -> Bool {
        states.contains { if case .end = positions[$0] { true } else { false } }
    }

    /// The states plus those reachable by letting a `*` match nothing, sorted and unique.
    private func closure(_ states: [Int]) -> [Int] {
        var result = Set<Int>()
        for var state in states {
            while result.insert(state).inserted, case .anyRun = positions[state] { state += 1 }
        }
        return result.sorted()
    }
}

/// The shape of the ARNs S3 authorises an action against: a bucket ARN never holds a `/`
/// after the bucket name, an object ARN always does, and other actions take `*` or ARNs of
/// other kinds. A resource pattern of another shape grants that action nothing
/// (`s3:ListBucket` on `arn:aws:s3:::bucket/*`).
enum S3ResourceShape {
    /// False when `pattern` cannot match any ARN that `action` is authorised against.
    static func canMatch(_ pattern: String, action: String) -> Bool {
        switch S3ActionCatalogue.action(named: action)?.scope {
        case .bucket?: !pattern.unicodeScalars.contains("/")
        case .object?: WildcardPatterns.overlaps(pattern, ["arn:*:s3:::*/*"])
        // Actions on no resource (`*`) or on access points, jobs and the like: never granted
        // by a pattern of bucket and object ARNs only.
        case .unsupported?: !WildcardPatterns.isContained(pattern, in: ["arn:*:s3:::*"])
        case nil: true
        }
    }
}
