/// How many trials something first happened to in each month (a trigger fired, a tier was
/// needed), and how many never: a distribution over months kept only over the months that occur,
/// so a plan with thousands of triggers over a long horizon costs what its firings are, not
/// triggers × months.
struct MonthCounts: Sendable, Equatable {
    private(set) var lowest = 0
    private(set) var counts: [Int] = []
    private(set) var never = 0

    /// Trials counted, the never ones included.
    var total: Int { counts.reduce(never, +) }

    /// Counts one trial per value: a month ≥ 0, or a negative value (or one ≥ `never`) for a
    /// trial in which it did not happen within the horizon.
    mutating func add(_ months: UnsafePointer<Int32>, count: Int, never horizon: Int) {
        for index in 0..<count {
            let month = Int(months[index])
            if month < 0 || month >= horizon {
                never += 1
            } else {
                add(month)
            }
        }
    }

    mutating func add(_ month: Int, count: Int = 1) {
        if counts.isEmpty {
            lowest = month
            counts = [0]
        } else if month < lowest {
            counts.insert(contentsOf: repeatElement(0, count: lowest - month), at: 0)
            lowest = month
        } else if month >= lowest + counts.count {
            counts.append(contentsOf: repeatElement(0, count: month - lowest - counts.count + 1))
        }
        counts[month - lowest] += count
    }

    /// Counts trials in which it did not happen within the horizon.
    mutating func addNever(_ count: Int = 1) { never += count }

    mutating func merge(_ other: MonthCounts) {
        for (offset, count) in other.counts.enumerated() where count > 0 { add(other.lowest + offset, count: count) }
        never += other.never
    }

    /// Trials for which it happened at or before `month`.
    func cumulative(through month: Int) -> Int {
        guard month >= lowest else { return 0 }
        return counts.prefix(month - lowest + 1).reduce(0, +)
    }

    /// The month of rank ⌈q·n⌉ among all `trials` (the never ones rank last): nil when that rank
    /// falls on "never".
    func month(atQuantile q: Double, trials: Int) -> Int? {
        guard trials > 0 else { return nil }
        let target = Swift.max(1, Int((q * Double(trials)).rounded(.up)))
        var seen = 0
        for (offset, count) in counts.enumerated() {
            seen += count
            if seen >= target { return lowest + offset }
        }
        return nil
    }

    /// The latest month m such that at least a share `confidence` of all `trials` have a value
    /// ≥ m (the never ones count as ≥ every month): the value of rank ⌊(1 − confidence)·n⌋ + 1.
    /// nil when that rank falls on "never".
    func latestMonth(withShareAtOrAbove confidence: Double, trials: Int) -> Int? {
        guard trials > 0 else { return nil }
        // The small epsilon keeps (1 − 0.9) × 10 = 0.99999… from losing a whole rank.
        let rank = Int(((1 - confidence) * Double(trials) + 1e-9).rounded(.down)) + 1
        var seen = 0
        for (offset, count) in counts.enumerated() {
            seen += count
            if seen >= rank { return lowest + offset }
        }
        return nil
    }

    /// The months where the cumulative count rises, with the count through each.
    var steps: [(month: Int, cumulative: Int)] {
        var result: [(Int, Int)] = []
        var seen = 0
        for (offset, count) in counts.enumerated() where count > 0 {
            seen += count
            result.append((lowest + offset, seen))
        }
        return result
    }
}
