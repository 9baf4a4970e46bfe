import QuoteCore

/// "Did you mean" for a name that is referred to but not defined: the known name at the smallest
/// edit distance (insertions, deletions, substitutions and swaps of two neighbours each count 1),
/// compared as models are (`ModelName.normalize`: no case, spaces, hyphens or underscores).
/// `"Xiaomi 12 Por"` → `"Xiaomi 12 Pro"` (one swap).
enum NearestName {
    /// The closest of `known`, if it is close enough to be a typo: at most a third of the name's
    /// length, and at most 3 edits. Ties go to the first in `known` order.
    static func suggestion(for name: String, among known: some Sequence<String>) -> String? {
        let target = Array(ModelName.normalize(name).unicodeScalars)
        let limit = min(3, max(1, target.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in known {
            let d = distance(target, Array(ModelName.normalize(candidate).unicodeScalars))
            if d <= limit, d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// The optimal-string-alignment distance between two strings of scalars.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }

    /// `; did you mean "X"?`, or nothing when no known name is close.
    static func hint(for name: String, among known: some Sequence<String>) -> String {
        suggestion(for: name, among: known).map { ": did you mean \"\($0)\"?" } ?? ""
    }
}
