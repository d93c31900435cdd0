/// A histogram of doubles in logarithmic bins, for percentiles over many trials in memory that does
/// not grow with the number of trials.
///
/// A positive double's bit pattern is monotone in its value; its top 21 bits (sign, 11 exponent
/// bits, 9 mantissa bits) name a bin 1/512 of an octave wide, at most 2⁻⁹ of its lower edge. A
/// quantile falling in a bin is reported as the bin's midpoint, so it is within 2⁻¹⁰ (0.098%) of
/// the exact order statistic; clamped to the smallest and largest value seen, so a value every
/// trial shares comes back exactly. Negative values are binned by magnitude separately; zero,
/// ±∞ and NaN are counted apart.
///
/// *Anchors* make shared values exact: values known in advance to be common (the deterministic
/// run's value for the month, a tier's fixed cost) are counted exactly, with how many values of
/// their bin lie below and above them, so a quantile whose rank falls on an anchor's trials is the
/// anchor itself, to the last bit.
///
/// Counts are integers, so merging histograms in any order gives the same result — which is what
/// keeps Monte Carlo output identical whatever the thread count.
struct QuantileHistogram: Sendable, Equatable {
    static let shift: UInt64 = 43

    private var positive: Bins
    private var negative: Bins
    private(set) var zeros = 0
    private(set) var negativeInfinities = 0
    private(set) var positiveInfinities = 0
    private(set) var nans = 0
    /// The smallest and largest finite values seen.
    private(set) var minimum = Double.infinity
    private(set) var maximum = -Double.infinity

    /// - Parameter anchors: values to count exactly (zero and non-finite ones are ignored: they
    ///   are counted exactly anyway).
    init(anchors: [Double] = []) {
        positive = Bins(anchors: anchors.filter { $0 > 0 && $0.isFinite })
        negative = Bins(anchors: anchors.filter { $0 < 0 && $0.isFinite }.map { -$0 })
    }

    /// The value every added value equals, when they all do (and are finite).
    var sharedValue: Double? {
        minimum == maximum && negativeInfinities + positiveInfinities + nans == 0 ? minimum : nil
    }

    /// The bins allocated, both signs (what the histogram's memory is, two bytes each).
    var allocatedBins: Int { positive.counts.count + negative.counts.count }

    /// How many values were added.
    var count: Int { positive.total + negative.total + zeros + negativeInfinities + positiveInfinities + nans }

    @inline(__always)
    static func key(_ magnitude: Double) -> Int { Int(magnitude.bitPattern >> shift) }

    mutating func add(_ value: Double) {
        if value > 0 && value < .infinity {
            positive.add(value)
            minimum = Swift.min(minimum, value)
            maximum = Swift.max(maximum, value)
        } else if value < 0 && value > -.infinity {
            negative.add(-value)
            minimum = Swift.min(minimum, value)
            maximum = Swift.max(maximum, value)
        } else if value == 0 {
            zeros += 1
            minimum = Swift.min(minimum, 0)
            maximum = Swift.max(maximum, 0)
        } else if value == .infinity {
            positiveInfinities += 1
        } else if value == -.infinity {
            negativeInfinities += 1
        } else {
            nans += 1
        }
    }

    /// Adds a column of values. Positive finite values that land in bins already allocated (the
    /// usual case once a month's first block has been seen) take one tight pass; the rest go one
    /// by one.
    mutating func add(_ values: UnsafePointer<Double>, count: Int) {
        // In chunks a bin can take whole: a plain count below `crowded` stays a plain count.
        var start = 0
        while start < count {
            let length = Swift.min(count - start, Int(Bins.chunk))
            addChunk(values + start, count: length)
            start += length
        }
    }

    private mutating func addChunk(_ values: UnsafePointer<Double>, count: Int) {
        if positive.counts.isEmpty {
            // First batch: allocate its key range and an eighth of it more on either side.
            var low = Int.max, high = Int.min
            for index in 0..<count where values[index] > 0 && values[index] < .infinity {
                let key = positive.key(values[index])
                low = Swift.min(low, key)
                high = Swift.max(high, key)
            }
            if low <= high {
                // The margin never forces coarser bins: only values do.
                let room = Swift.max(0, (Bins.maximumBins - (high - low + 1)) / 2)
                let margin = Swift.min((high - low) / 8 + 8, room)
                positive.reserve(low - margin, high + margin)
            }
        }
        guard !positive.counts.isEmpty else {
            for index in 0..<count { add(values[index]) }
            return
        }
        let base = positive.lowest, level = positive.level
        // The values whose bins are allocated: [lowest edge, edge past the last bin). The lower
        // bound is positive, so zero, negatives and NaN fail it; +∞ fails the upper one.
        let low = Swift.max(positive.lowerEdge(base), Double.leastNonzeroMagnitude)
        let high = positive.lowerEdge(base + positive.counts.count)
        var outside = 0
        // The largest plain count before an increment: one select a value, where a flag set by a
        // comparison costs a branch.
        var fullest: UInt16 = 0
        var smallest = minimum, largest = maximum
        // Usually every value of the chunk lies in the allocated bins: a vectorised pass says so
        // and finds the chunk's extremes, and the counting loop then does nothing else.
        var chunkLeast = Double.infinity, chunkMost = -Double.infinity
        let everyValueInside = Self.allWithin(values, count, low, high, least: &chunkLeast, most: &chunkMost)
        if everyValueInside {
            smallest = Swift.min(smallest, chunkLeast)
            largest = Swift.max(largest, chunkMost)
        }
        positive.counts.withUnsafeMutableBufferPointer { counts in
            positive.specials.withUnsafeMutableBufferPointer { specials in
                /// Counts `value` `times` times (at most a chunk); `fullest` takes the count before
                /// the last of them.
                @inline(__always) func tally(_ value: Double, times: UInt16 = 1) {
                    // `&>>`: the level is 0…14, so the plain shift's checks for ≥ 64 and negative amounts
                    // are dead weight in the hottest loop.
                    let offset = (Self.key(value) &>> level) &- base
                    let bin = counts[offset]
                    if bin < Bins.firstSpecial {
                        counts[offset] = bin &+ times
                        let before = bin &+ (times &- 1)
                        fullest = before > fullest ? before : fullest
                    } else {
                        specials[Int(bin &- Bins.firstSpecial)].add(value, times: Int(times))
                    }
                }
                // Every trial the same value (a driver all trials share, a metric of it): one
                // bin, counted once — what `count` tallies would count.
                if everyValueInside && chunkLeast == chunkMost {
                    tally(chunkLeast, times: UInt16(truncatingIfNeeded: count))
                    return
                }
                if everyValueInside {
                    for index in 0..<count { tally(values[index]) }
                    return
                }
                for index in 0..<count {
                    let value = values[index]
                    guard value >= low && value < high else {
                        outside += 1
                        continue
                    }
                    smallest = value < smallest ? value : smallest
                    largest = value > largest ? value : largest
                    tally(value)
                }
            }
        }
        positive.total += count - outside
        minimum = smallest
        maximum = largest
        // Reaching `crowded` (not only passing it) moves the bin after the pass.
        if fullest &+ 1 >= Bins.crowded { positive.moveCrowdedBins() }
        guard outside > 0 else { return }
        for index in 0..<count {
            let value = values[index]
            if !(value >= low && value < high) { add(value) }
        }
    }

    /// Whether every value lies in `[low, high)` (NaN does not), and if so the smallest and
    /// largest of them: four lanes at a time, without a branch per value. `low` is positive, so
    /// the extremes are of positive numbers, where min and max are exact.
    @inline(__always)
    private static func allWithin(
        _ values: UnsafePointer<Double>, _ count: Int, _ low: Double, _ high: Double, least smallest: inout Double,
        most largest: inout Double
    ) -> Bool {
        let raw = UnsafeRawPointer(values)
        let low4 = SIMD4(repeating: low), high4 = SIMD4(repeating: high)
        var inside = SIMDMask<SIMD4<Int64>>(repeating: true)
        var least = SIMD4(repeating: Double.infinity), most = SIMD4(repeating: -Double.infinity)
        var index = 0
        while index &+ 4 <= count {
            let x = raw.loadUnaligned(fromByteOffset: index &* 8, as: SIMD4<Double>.self)
            inside .&= x .>= low4 .& x .< high4
            // Selects, not `pointwiseMin`/`Max`, whose NaN rules cost a branch per lane.
            least.replace(with: x, where: x .< least)
            most.replace(with: x, where: x .> most)
            index &+= 4
        }
        var tailInside = true
        var tailLeast = Double.infinity, tailMost = -Double.infinity
        while index < count {
            let x = values[index]
            tailInside = tailInside && x >= low && x < high
            tailLeast = Swift.min(tailLeast, x)
            tailMost = Swift.max(tailMost, x)
            index &+= 1
        }
        guard all(inside) && tailInside else { return false }
        smallest = Swift.min(least.min(), tailLeast)
        largest = Swift.max(most.max(), tailMost)
        return true
    }

    mutating func merge(_ other: QuantileHistogram) {
        positive.merge(other.positive)
        negative.merge(other.negative)
        zeros += other.zeros
        negativeInfinities += other.negativeInfinities
        positiveInfinities += other.positiveInfinities
        nans += other.nans
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
    }

    /// The `q` quantile by the nearest-rank method: the value of rank ⌈q·n⌉ in sorted order
    /// (−∞, negatives, zero, positives, +∞, then NaN). Nil when empty; NaN when the rank falls
    /// on a NaN.
    func quantile(_ q: Double) -> Double? { quantiles([q])[0] }

    /// Several quantiles in one pass over the bins (`q` ascending).
    func quantiles(_ qs: [Double]) -> [Double?] {
        let n = count
        guard n > 0 else { return qs.map { _ in nil } }
        let ranks = qs.map { Swift.min(Swift.max(Int(($0 * Double(n)).rounded(.up)), 1), n) }
        let clamp = { (value: Double) in Swift.min(Swift.max(value, self.minimum), self.maximum) }
        // The ranks within each part of the order, in ascending order of magnitude for the bins.
        let negativeStart = negativeInfinities, zeroStart = negativeStart + negative.total
        let positiveStart = zeroStart + zeros, infinityStart = positiveStart + positive.total
        let negativeRanks = ranks.filter { $0 > negativeStart && $0 <= zeroStart }.map { zeroStart - $0 + 1 }.sorted()
        let negatives = negative.values(atRanks: negativeRanks)
        let positiveRanks = ranks.filter { $0 > positiveStart && $0 <= infinityStart }.map { $0 - positiveStart }
        let positives = positive.values(atRanks: positiveRanks)
        return ranks.map { rank -> Double? in
            if rank <= negativeStart { return -.infinity }
            if rank <= zeroStart {
                let index = negativeRanks.firstIndex(of: zeroStart - rank + 1) ?? 0
                return negatives[index].map { clamp(-$0) }
            }
            if rank <= positiveStart { return 0 }
            if rank <= infinityStart {
                return positives[positiveRanks.firstIndex(of: rank - positiveStart) ?? 0].map(clamp)
            }
            return rank <= infinityStart + positiveInfinities ? .infinity : .nan
        }
    }
}
