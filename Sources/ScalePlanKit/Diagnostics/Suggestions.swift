/// "Did you mean …?" support: the closest candidate by edit distance.
public enum Suggestions {
    /// Words longer than this (in scalars) get no suggestion: no real name is that long.
    public static let maximumLength = 128
    /// At most this many cells of edit-distance tables are filled per search; candidates after
    /// that are not considered. Real profiles need a few thousand; the bound keeps a hostile
    /// file with hundreds of thousands of names from making one search take seconds.
    public static let maximumWork = 1_000_000

    /// The candidate nearest to `word`, if it is near enough to be a plausible typo: at most a
    /// third of the word's length in edits (two for words of four letters or more, one for
    /// shorter ones), or a
    /// case-insensitive match.
    /// - Complexity: O(*k* + min(*n*·*m*·*k*, `maximumWork`)) for *k* candidates of length *m*
    ///   and a word of length *n*.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        // The edit distance is quadratic: a multi-megabyte "name" (a hostile file) against a
        // long candidate would take minutes.
        guard target.count <= maximumLength else { return nil }
        var work = 0
        // Short words tolerate one edit; longer ones two, or a third of their length.
        let allowed = target.count <= 3 ? 1 : max(2, target.count / 3)
        var best: (name: String, distance: Int)?
        // Ties go to a candidate with the same first letter (people rarely mistype the first
        // letter), then alphabetically, so the answer does not depend on candidate order (as
        // long as the search stays within `maximumWork`).
        func rank(_ name: String, _ distance: Int) -> (Int, Int, String) {
            (distance, name.lowercased().unicodeScalars.first == target.first ? 0 : 1, name)
        }
        for candidate in candidates where candidate != word {
            // A scalar is 1 to 4 UTF-8 bytes: a cheap bound before any per-scalar work.
            let bytes = candidate.utf8.count
            guard bytes >= target.count - allowed, bytes <= 4 * (target.count + allowed) else { continue }
            let scalars = Array(candidate.lowercased().unicodeScalars)
            // The distance is at least the difference in length: such a candidate cannot be
            // near enough, so skip the quadratic work (the answer is the same).
            guard Swift.abs(scalars.count - target.count) <= allowed else { continue }
            work += target.count * scalars.count
            if work > maximumWork { break }
            let distance = editDistance(target, scalars)
            if best.map({ rank(candidate, distance) < rank($0.name, $0.distance) }) ?? true {
                best = (candidate, distance)
            }
        }
        guard let best else { return nil }
        return best.distance <= allowed ? best.name : nil
    }

    /// `did you mean 'x'?` or nil.
    public static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// Damerau–Levenshtein (optimal string alignment) distance: a swapped pair of letters,
    /// the commonest typo, counts as one edit.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
