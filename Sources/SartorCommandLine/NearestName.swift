/// Finds the known name closest to a misspelt one, for "did you mean" hints.
public enum NearestName {
    /// The only candidate that `name` abbreviates (`--dur` for `--duration`), else the one
    /// within a small edit distance of `name` (about a third of its length, at least 2), the
    /// closest first; nil when nothing is close enough.
    public static func find(_ name: String, among candidates: [String]) -> String? {
        let extensions = candidates.filter { $0.hasPrefix(name) && $0 != name }
        if extensions.count == 1 { return extensions[0] }
        let limit = max(2, name.count / 3)
        let scored = candidates.map { ($0, distance(name, $0)) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance over characters; O(n·m) time, O(m) memory.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
