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
        // Each symbol's transition masks, looked up once rather than at every step.
        let leftMasks = alphabet.map(left.literalMask), rightMasks = alphabet.map(right.literalMask)
        // A pair of state sets is remembered as the left set's words followed by the right's
        // (the left always has the same number of words, so the split is unambiguous).
        var seen: Set<[UInt64]> = []
        var pending: [(StateSet, StateSet)] = [(left.start, right.start)]
        var budget = 20_000
        while let (leftStates, rightStates) = pending.popLast() {
            guard seen.insert(leftStates.words + rightStates.words).inserted else { continue }
            if stop(left.accepts(leftStates), right.accepts(rightStates)) { return true }
            budget -= 1
            if budget == 0 { return true }
            for index in 0..<alphabet.count {
                let nextLeft = left.step(leftStates, literals: leftMasks[index])
                if !nextLeft.isEmpty { pending.append((nextLeft, right.step(rightStates, literals: rightMasks[index]))) }
            }
        }
        return false
    }

    fileprivate static func fold(_ text: String, _ ignoringCase: Bool) -> String.UnicodeScalarView {
        ignoringCase ? text.lowercased().unicodeScalars : text.unicodeScalars
    }
}

/// A set of automaton states, one bit per state (bit `i % 64` of word `i / 64`).
private struct StateSet {
    var words: [UInt64]

    init(wordCount: Int) { words = Array(repeating: 0, count: wordCount) }

    var isEmpty: Bool {
        for word in words where word != 0 { return false }
        return true
    }

    mutating func insert(_ state: Int) {
        words[state >> 6] |= 1 << UInt64(state & 63)
    }

    /// True when the two sets share a state.
    func intersects(_ other: StateSet) -> Bool {
        for index in 0..<words.count where words[index] & other.words[index] != 0 { return true }
        return false
    }
}

/// A set of patterns read as one nondeterministic automaton. State `i` means "the pattern
/// characters before position `i` have been read"; each pattern's states follow the
/// previous pattern's, and the state after a pattern's last character accepts.
///
/// Sets of states are bit sets: reading a character moves every state that can read it one
/// position on (a shift by one bit: the next position is always in the same pattern, since
/// a pattern's last position, its end, reads nothing), and a `*` state also stays.
private struct PatternAutomaton {
    /// The positions that are each literal character.
    private var literalMasks: [Unicode.Scalar: StateSet] = [:]
    /// The `?` positions, the `*` positions and the end positions.
    private var anyOne: StateSet
    private var anyRun: StateSet
    private var ends: StateSet
    /// Every literal character of the patterns.
    private(set) var literals: Set<Unicode.Scalar> = []
    /// The states before any character is read.
    private(set) var start: StateSet

    init(_ patterns: [String], ignoringCase: Bool) {
        var count = 0
        for pattern in patterns { count += WildcardPatterns.fold(pattern, ignoringCase).count + 1 }
        let empty = StateSet(wordCount: (count + 63) / 64)
        anyOne = empty
        anyRun = empty
        ends = empty
        var starts = empty
        var position = 0
        for pattern in patterns {
            starts.insert(position)
            for scalar in WildcardPatterns.fold(pattern, ignoringCase) {
                switch scalar {
                case "*": anyRun.insert(position)
                case "?": anyOne.insert(position)
                default:
                    literalMasks[scalar, default: empty].insert(position)
                    literals.insert(scalar)
                }
                position += 1
            }
            ends.insert(position)
            position += 1
        }
        start = starts
        start = closure(starts)
    }

    /// The positions holding `symbol`; none for `nil`, the stand-in for a character no
    /// pattern names.
    func literalMask(_ symbol: Unicode.Scalar?) -> StateSet {
        symbol.flatMap { literalMasks[$0] } ?? StateSet(wordCount: anyOne.words.count)
    }

    /// The states after reading one character, given the positions that hold that character
    /// (`literalMask`).
    func step(_ states: StateSet, literals: StateSet) -> StateSet {
        var next = states
        var carry: UInt64 = 0
        for index in 0..<next.words.count {
            let word = states.words[index]
            let moving = word & (literals.words[index] | anyOne.words[index])
            next.words[index] = (moving << 1) | carry | (word & anyRun.words[index])
            carry = moving >> 63
        }
        return closure(next)
    }

    func accepts(_ states: StateSet) -> Bool {
        states.intersects(ends)
    }

    /// The states plus those reachable by letting a `*` match nothing.
    private func closure(_ states: StateSet) -> StateSet {
        var result = states
        while true {
            var changed = false
            var carry: UInt64 = 0
            for index in 0..<result.words.count {
                let word = result.words[index]
                let skipping = word & anyRun.words[index]
                let grown = word | (skipping << 1) | carry
                carry = skipping >> 63
                if grown != word {
                    result.words[index] = grown
                    changed = true
                }
            }
            if !changed { return result }
        }
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
