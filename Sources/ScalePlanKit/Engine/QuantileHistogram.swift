/// A histogram of doubles in logarithmic bins, for percentiles over many trials in bounded
/// memory.
///
/// A positive double's bit pattern is monotone in its value; its top 19 bits (sign, 11 exponent
/// bits, 7 mantissa bits) name a bin 1/128 of an octave wide, so any value is recovered to
/// within 0.4% relative error. Negative values are binned by magnitude separately; zero, NaN and
/// infinities are counted apart. Counts are integers, so merging histograms in any order gives
/// the same result — which is what keeps Monte Carlo output identical whatever the thread count.
public struct QuantileHistogram: Sendable, Equatable {
    static let shift: UInt64 = 45

    private var positive = Bins()
    private var negative = Bins()
    public private(set) var zeros = 0
    /// NaN and ±infinity.
    public private(set) var nonFinite = 0

    public init() {}

    /// How many values were added.
    public var count: Int { positive.total + negative.total + zeros + nonFinite }

    @inline(__always)
    public mutating func add(_ value: Double) {
        if value > 0 && value.isFinite {
            positive.add(Int(value.bitPattern >> Self.shift))
        } else if value < 0 && value.isFinite {
            negative.add(Int((-value).bitPattern >> Self.shift))
        } else if value == 0 {
            zeros += 1
        } else {
            nonFinite += 1
        }
    }

    /// Adds a column of values: the bin range grows once for the batch, then the counts are
    /// incremented through a pointer (the per-value path pays for a range check and a
    /// copy-on-write check on every add).
    public mutating func add(_ values: UnsafePointer<Double>, count: Int) {
        var low = Int.max, high = Int.min
        var positives = 0
        var others = false
        for index in 0..<count {
            let value = values[index]
            if value > 0 && value.isFinite {
                let key = Int(value.bitPattern >> Self.shift)
                low = Swift.min(low, key)
                high = Swift.max(high, key)
                positives += 1
            } else {
                others = true
            }
        }
        if positives > 0 {
            positive.reserve(low, high)
            positive.total += positives
            let base = positive.lowest
            positive.counts.withUnsafeMutableBufferPointer { counts in
                for index in 0..<count {
                    let value = values[index]
                    if value > 0 && value.isFinite { counts[Int(value.bitPattern >> Self.shift) - base] += 1 }
                }
            }
        }
        if others {
            for index in 0..<count where !(values[index] > 0 && values[index].isFinite) { add(values[index]) }
        }
    }

    public mutating func merge(_ other: QuantileHistogram) {
        positive.merge(other.positive)
        negative.merge(other.negative)
        zeros += other.zeros
        nonFinite += other.nonFinite
    }

    /// The `q` quantile by the nearest-rank method (the value of rank ⌈q·n⌉ in sorted order),
    /// as the midpoint of its bin; nil when empty or when that rank falls on a non-finite value.
    /// Non-finite values rank above every finite one.
    public func quantile(_ q: Double) -> Double? {
        let n = count
        guard n > 0 else { return nil }
        var rank = Int((q * Double(n)).rounded(.up))
        rank = Swift.min(Swift.max(rank, 1), n)
        if rank <= negative.total {
            // Negative values: the largest magnitudes come first.
            return negative.value(atRankFromTop: rank).map { -$0 }
        }
        rank -= negative.total
        if rank <= zeros { return 0 }
        rank -= zeros
        if rank <= positive.total { return positive.value(atRank: rank) }
        return nil
    }

    /// Dense counts over the bin keys seen so far, grown as needed.
    struct Bins: Sendable, Equatable {
        var lowest = 0
        var counts: [Int32] = []
        var total = 0

        @inline(__always)
        mutating func add(_ key: Int) {
            if counts.isEmpty {
                lowest = key
                counts = [0]
            } else if key < lowest {
                counts.insert(contentsOf: repeatElement(0, count: lowest - key), at: 0)
                lowest = key
            } else if key >= lowest + counts.count {
                counts.append(contentsOf: repeatElement(0, count: key - lowest - counts.count + 1))
            }
            counts[key - lowest] += 1
            total += 1
        }

        /// Makes sure keys `low...high` have a place.
        mutating func reserve(_ low: Int, _ high: Int) {
            if counts.isEmpty {
                lowest = low
                counts = Array(repeating: 0, count: high - low + 1)
                return
            }
            if low < lowest {
                counts.insert(contentsOf: repeatElement(0, count: lowest - low), at: 0)
                lowest = low
            }
            if high >= lowest + counts.count {
                counts.append(contentsOf: repeatElement(0, count: high - lowest - counts.count + 1))
            }
        }

        mutating func merge(_ other: Bins) {
            guard !other.counts.isEmpty else { return }
            guard !counts.isEmpty else {
                self = other
                return
            }
            let newLowest = Swift.min(lowest, other.lowest)
            let newEnd = Swift.max(lowest + counts.count, other.lowest + other.counts.count)
            if newLowest < lowest {
                counts.insert(contentsOf: repeatElement(0, count: lowest - newLowest), at: 0)
                lowest = newLowest
            }
            if newEnd > lowest + counts.count {
                counts.append(contentsOf: repeatElement(0, count: newEnd - lowest - counts.count))
            }
            let offset = other.lowest - lowest
            counts.withUnsafeMutableBufferPointer { mine in
                for (index, count) in other.counts.enumerated() { mine[offset + index] += count }
            }
            total += other.total
        }

        /// The midpoint of the bin holding the value of this rank (1-based, ascending).
        func value(atRank rank: Int) -> Double? {
            var seen = 0
            for (offset, count) in counts.enumerated() {
                seen += Int(count)
                if seen >= rank { return midpoint(lowest + offset) }
            }
            return nil
        }

        func value(atRankFromTop rank: Int) -> Double? {
            var seen = 0
            for (offset, count) in counts.enumerated().reversed() {
                seen += Int(count)
                if seen >= rank { return midpoint(lowest + offset) }
            }
            return nil
        }

        func midpoint(_ key: Int) -> Double {
            let lower = Double(bitPattern: UInt64(key) << QuantileHistogram.shift)
            let upper = Double(bitPattern: UInt64(key + 1) << QuantileHistogram.shift)
            return upper.isFinite ? (lower + upper) / 2 : lower
        }
    }
}
