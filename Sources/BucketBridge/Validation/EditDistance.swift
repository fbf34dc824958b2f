/// The Levenshtein distance between two strings: the fewest single-element insertions,
/// deletions and substitutions that turn `a` into `b`.
///
/// The elements compared are Unicode scalars, and the comparison is exact (case-sensitive):
/// lowercase both sides first for a case-insensitive distance. Runs in O(n·m) time and
/// O(min(n, m)) memory (two rows). Used for "did you mean" hints on unknown action names
/// and unknown spec fields.
func editDistance(_ a: String, _ b: String) -> Int {
    var long = Array(a.unicodeScalars)
    var short = Array(b.unicodeScalars)
    if long.count < short.count { swap(&long, &short) }
    if short.isEmpty { return long.count }

    // previous[j] = distance between long[..<i-1] and short[..<j]; current is row i.
    var previous = Array(0...short.count)
    var current = [Int](repeating: 0, count: short.count + 1)
    for i in 1...long.count {
        current[0] = i
        let scalar = long[i - 1]
        for j in 1...short.count {
            let substitution = previous[j - 1] + (scalar == short[j - 1] ? 0 : 1)
            current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
        }
        swap(&previous, &current)
    }
    return previous[short.count]
}
