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
    /// The smallest and largest finite values seen: a quantile is clamped to them, so a value
    /// every trial shares comes back exactly.
    public private(set) var minimum = Double.infinity
    public private(set) var maximum = -Double.infinity

    public init() {}

    /// How many values were added.
    public var count: Int { positive.total + negative.total + zeros + nonFinite }

    @inline(__always)
    public mutating func add(_ value: Double) {
        if value.isFinite {
            minimum = Swift.min(minimum, value)
            maximum = Swift.max(maximum, value)
        }
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
        // One pass while values land inside the bins already allocated (the usual case once a
        // month's first block has been seen); anything else takes the growing path.
        var slow = false
        var low = minimum, high = maximum
        if positive.counts.isEmpty {
            // First batch: allocate its key range plus an octave either side, so later batches
            // (other trials of the same month) usually land inside it.
            var lowKey = Int.max, highKey = Int.min
            for index in 0..<count where values[index] > 0 && values[index].isFinite {
                let key = Int(values[index].bitPattern >> Self.shift)
                lowKey = Swift.min(lowKey, key)
                highKey = Swift.max(highKey, key)
            }
            if lowKey <= highKey { positive.reserve(Swift.max(0, lowKey - 128), highKey + 128) }
        }
        if !positive.counts.isEmpty {
            let base = positive.lowest
            let size = positive.counts.count
            var added = 0
            positive.counts.withUnsafeMutableBufferPointer { counts in
                for index in 0..<count {
                    let value = values[index]
                    let offset = Int(value.bitPattern >> Self.shift) &- base
                    // A negative, zero or non-finite value never has a key in a positive range
                    // except through the bit pattern of its sign, so check the value too.
                    if value > 0 && value.isFinite && offset >= 0 && offset < size {
                        counts[offset] += 1
                        added += 1
                        low = Swift.min(low, value)
                        high = Swift.max(high, value)
                    } else {
                        slow = true
                    }
                }
            }
            positive.total += added
            minimum = low
            maximum = high
            if !slow { return }
            for index in 0..<count {
                let value = values[index]
                let offset = Int(value.bitPattern >> Self.shift) &- base
                if !(value > 0 && value.isFinite && offset >= 0 && offset < size) { add(value) }
            }
            return
        }
        for index in 0..<count { add(values[index]) }
    }

    public mutating func merge(_ other: QuantileHistogram) {
        positive.merge(other.positive)
        negative.merge(other.negative)
        zeros += other.zeros
        nonFinite += other.nonFinite
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
    }

    /// The `q` quantile by the nearest-rank method (the value of rank ⌈q·n⌉ in sorted order),
    /// as the midpoint of its bin; nil when empty or when that rank falls on a non-finite value.
    /// Non-finite values rank above every finite one.
    public func quantile(_ q: Double) -> Double? {
        let n = count
        guard n > 0 else { return nil }
        var rank = Int((q * Double(n)).rounded(.up))
        rank = Swift.min(Swift.max(rank, 1), n)
        let clamp = { (value: Double) in Swift.min(Swift.max(value, self.minimum), self.maximum) }
        if rank <= negative.total {
            // Negative values: the largest magnitudes come first.
            return negative.value(atRankFromTop: rank).map { clamp(-$0) }
        }
        rank -= negative.total
        if rank <= zeros { return 0 }
        rank -= zeros
        if rank <= positive.total { return positive.value(atRank: rank).map(clamp) }
        return nil
    }

    /// Dense counts over the bin keys seen so far, grown as needed.
    struct Bins: Sendable, Equatable {
        var lowest = 0
        var counts: [Int32] = []
        var total = 0

        /// Equal when they hold the same counts, whatever empty bins either has reserved.
        static func == (lhs: Bins, rhs: Bins) -> Bool {
            func occupied(_ bins: Bins) -> [(Int, Int32)] {
                bins.counts.enumerated().filter { $0.element != 0 }.map { (bins.lowest + $0.offset, $0.element) }
            }
            return lhs.total == rhs.total && occupied(lhs).elementsEqual(occupied(rhs)) { $0 == $1 }
        }

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
