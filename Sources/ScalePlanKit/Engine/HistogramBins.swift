extension QuantileHistogram {
    /// Dense counts over a range of bin keys of one sign (magnitudes), grown as needed, two bytes a
    /// bin: the tails of a wide distribution cost little. A bin holds its count while it is below
    /// `firstSpecial`; from there up it holds the index of its entry in `specials`: an anchor's (a
    /// value counted exactly, with the values of its bin below and above it) or a bin whose count
    /// grew past `crowded` and is kept as a full integer. Only the counts matter — where a count is
    /// kept does not change a quantile — so histograms merge to the same answers in any order.
    ///
    /// A histogram never holds more than `maximumBins` bins (32 KB): values that spread over more
    /// than 32 octaves in one month (a factor of four billion between trials) are binned coarser — at
    /// `level` L a bin is 2^L fine bins — so memory stays bounded on any input, and the 0.1%
    /// bound becomes 2^L × 0.1% for such spreads. Keys given to and kept by `Bins` are level-0
    /// keys shifted right by `level`; since coarse bins are unions of fine ones, the counts (and
    /// so the quantiles) do not depend on when a histogram was coarsened.
    struct Bins: Sendable, Equatable {
        static let firstSpecial: UInt16 = 0xF000
        /// A plain count from here up is moved to `specials` (after the pass that reached it: a
        /// pass adds at most `chunk` values, which `firstSpecial − crowded` leaves room for).
        static let crowded: UInt16 = 0xE000
        static let chunk: UInt16 = firstSpecial - crowded

        /// At most this many bins; past it the bins are made coarser.
        static let maximumBins = 16_384

        var lowest = 0
        var counts: [UInt16] = []
        var total = 0
        /// How many times the bins have been halved in number (0: 1/512 of an octave each).
        private(set) var level = 0
        /// The anchors (ascending, one per key) first, then the crowded bins: at most 10⁷ trials /
        /// 57,344 = 174 of them, so the 4,096 special indices never run out.
        var specials: [Special]
        private(set) var anchorCount: Int

        struct Special: Sendable, Equatable {
            var key: Int
            /// The anchor's value; nil for a bin that only outgrew its count.
            let value: Double?
            var below = 0
            var equal = 0
            var above = 0
            var total: Int { below + equal + above }

            @inline(__always)
            mutating func add(_ magnitude: Double, times: Int = 1) {
                guard let value else {
                    equal += times
                    return
                }
                if magnitude < value {
                    below += times
                } else if magnitude == value {
                    equal += times
                } else {
                    above += times
                }
            }
        }

        init(anchors values: [Double]) {
            var anchors: [Special] = []
            for value in values.sorted() where anchors.last?.key != QuantileHistogram.key(value) {
                anchors.append(Special(key: QuantileHistogram.key(value), value: value))
            }
            specials = anchors
            anchorCount = anchors.count
        }

        /// The count of a bin, wherever it is kept.
        @inline(__always)
        func count(at offset: Int) -> Int {
            let bin = counts[offset]
            return bin < Self.firstSpecial ? Int(bin) : specials[Int(bin - Self.firstSpecial)].total
        }

        /// Equal when they hold the same counts and anchors, whatever empty bins either has
        /// reserved and in whatever order bins became special.
        static func == (lhs: Bins, rhs: Bins) -> Bool {
            func occupied(_ bins: Bins) -> [(Int, Int)] {
                bins.counts.indices.compactMap { offset in
                    let count = bins.count(at: offset)
                    return count > 0 ? (bins.lowest + offset, count) : nil
                }
            }
            return lhs.total == rhs.total && lhs.level == rhs.level
                && lhs.specials.prefix(lhs.anchorCount) == rhs.specials.prefix(rhs.anchorCount)
                && occupied(lhs).elementsEqual(occupied(rhs)) { $0 == $1 }
        }

        /// The key at the current level of a magnitude.
        @inline(__always)
        func key(_ magnitude: Double) -> Int { QuantileHistogram.key(magnitude) &>> level }

        mutating func add(_ magnitude: Double) {
            reserve(key(magnitude), key(magnitude))
            let offset = key(magnitude) - lowest
            total += 1
            let bin = counts[offset]
            if bin >= Self.firstSpecial {
                specials[Int(bin - Self.firstSpecial)].add(magnitude)
            } else if bin + 1 < Self.crowded {
                counts[offset] = bin + 1
            } else {
                makeSpecial(offset, count: Int(bin) + 1)
            }
        }

        /// Moves a bin's count to `specials`.
        private mutating func makeSpecial(_ offset: Int, count: Int) {
            counts[offset] = Self.firstSpecial + UInt16(specials.count)
            specials.append(Special(key: lowest + offset, value: nil, equal: count))
        }

        /// Moves every plain count at or past `crowded` to `specials` (after a fast pass).
        mutating func moveCrowdedBins() {
            for offset in counts.indices where counts[offset] >= Self.crowded && counts[offset] < Self.firstSpecial {
                makeSpecial(offset, count: Int(counts[offset]))
            }
        }

        /// The largest level-0 key of a finite magnitude: bins never extend past it, nor below 0.
        static let largestKey = QuantileHistogram.key(.greatestFiniteMagnitude)

        /// Makes sure keys `low...high` (at the current level) have a place, within 0…the largest
        /// key, coarsening first when the bins would exceed `maximumBins`; newly covered anchor
        /// bins are marked.
        mutating func reserve(_ low: Int, _ high: Int) {
            var low = Swift.max(0, low), high = Swift.min(Self.largestKey >> level, high)
            guard low <= high else { return }
            while Swift.max(high, lowest + counts.count - 1) - Swift.min(low, counts.isEmpty ? low : lowest) + 1
                > Self.maximumBins
            {
                coarsen()
                low >>= 1
                high >>= 1
            }
            if counts.isEmpty {
                lowest = low
                counts = Array(repeating: 0, count: high - low + 1)
                mark(low, high)
                return
            }
            let end = lowest + counts.count
            guard low < lowest || high >= end else { return }
            // Grown by an eighth at least, so that repeated growth stays linear without reserving
            // much that the tails never reach.
            // Each side that grows gets an eighth more (so repeated growth stays linear), within
            // what `maximumBins` leaves.
            let room = Self.maximumBins - (Swift.max(high, end - 1) - Swift.min(low, lowest) + 1)
            let slack = Swift.max(0, Swift.min(counts.count / 8 + 16, room / 2))
            if low < lowest {
                let newLowest = Swift.max(0, Swift.min(low, lowest - slack))
                counts.insert(contentsOf: repeatElement(0, count: lowest - newLowest), at: 0)
                let previous = lowest
                lowest = newLowest
                mark(newLowest, previous - 1)
            }
            let currentEnd = lowest + counts.count
            if high >= currentEnd {
                let newEnd = Swift.min((Self.largestKey >> level) + 1, Swift.max(high + 1, currentEnd + slack))
                counts.append(contentsOf: repeatElement(0, count: newEnd - currentEnd))
                mark(currentEnd, newEnd - 1)
            }
        }

        /// Marks the bins of the anchors in `low...high` with their special index.
        private mutating func mark(_ low: Int, _ high: Int) {
            for index in 0..<anchorCount where specials[index].key >= low && specials[index].key <= high {
                counts[specials[index].key - lowest] = Self.firstSpecial + UInt16(index)
            }
        }

        /// Halves the number of bins: bin k at the next level holds the old bins 2k and 2k + 1. An
        /// anchor takes its sibling bin's count as below or above it; of two anchors that meet,
        /// the lower stays exact and takes the other's count above it.
        mutating func coarsen() {
            let oldLowest = lowest, oldCounts = counts
            let anchors = Array(specials.prefix(anchorCount))
            let crowdedCounts = Dictionary(
                specials.dropFirst(anchorCount).map { ($0.key, $0.total) }, uniquingKeysWith: { a, _ in a })
            level += 1
            // The new anchors: one per new key, the lowest; a dropped one's count goes above it.
            var kept: [Special] = []
            for anchor in anchors {
                var moved = anchor
                moved.key >>= 1
                if var last = kept.last, last.key == moved.key {
                    last.above += anchor.total
                    kept[kept.count - 1] = last
                } else {
                    kept.append(moved)
                }
            }
            let anchorKeys = Set(anchors.map(\.key))
            // Per new key holding an anchor: the kept anchor's index and its key before this step.
            var anchorOfNewKey: [Int: (index: Int, oldKey: Int)] = [:]
            for anchor in anchors where anchorOfNewKey[anchor.key >> 1] == nil {
                anchorOfNewKey[anchor.key >> 1] = (anchorOfNewKey.count, anchor.key)
            }
            specials = kept
            anchorCount = kept.count
            guard !oldCounts.isEmpty else { return }
            lowest = oldLowest >> 1
            let newEnd = (oldLowest + oldCounts.count - 1) >> 1
            counts = Array(repeating: 0, count: newEnd - lowest + 1)
            var plain = [Int](repeating: 0, count: counts.count)
            for (offset, bin) in oldCounts.enumerated() where bin != 0 {
                let oldKey = oldLowest + offset
                let newKey = oldKey >> 1
                // An anchor's own bin is counted in the anchor already.
                if anchorKeys.contains(oldKey) { continue }
                let count = bin < Self.firstSpecial ? Int(bin) : (crowdedCounts[oldKey] ?? 0)
                if let anchor = anchorOfNewKey[newKey] {
                    // The sibling of an anchor's bin: wholly below or above the anchor.
                    if oldKey < anchor.oldKey {
                        specials[anchor.index].below += count
                    } else {
                        specials[anchor.index].above += count
                    }
                } else {
                    plain[newKey - lowest] += count
                }
            }
            for (offset, count) in plain.enumerated() where count > 0 {
                if count < Int(Self.crowded) {
                    counts[offset] = UInt16(count)
                } else {
                    makeSpecial(offset, count: count)
                }
            }
            mark(lowest, lowest + counts.count - 1)
        }

        mutating func merge(_ other: Bins) {
            var other = other
            while other.level < level { other.coarsen() }
            while level < other.level { coarsen() }
            for index in 0..<Swift.min(anchorCount, other.anchorCount) where other.specials[index].key == specials[index].key {
                specials[index].below += other.specials[index].below
                specials[index].equal += other.specials[index].equal
                specials[index].above += other.specials[index].above
            }
            guard !other.counts.isEmpty else { return }
            reserve(other.lowest, other.lowest + other.counts.count - 1)
            let offset = other.lowest - lowest
            for index in other.counts.indices {
                let theirs = other.counts[index]
                guard theirs != 0 else { continue }
                // Anchors were merged above.
                if theirs >= Self.firstSpecial && Int(theirs - Self.firstSpecial) < other.anchorCount { continue }
                let added = other.count(at: index)
                let mine = offset + index
                let bin = counts[mine]
                if bin >= Self.firstSpecial {
                    specials[Int(bin - Self.firstSpecial)].equal += added
                } else if Int(bin) + added < Int(Self.crowded) {
                    counts[mine] = bin + UInt16(added)
                } else {
                    makeSpecial(mine, count: Int(bin) + added)
                }
            }
            total += other.total
        }

        /// The values of these ranks (1-based, ascending magnitude, `ranks` ascending), in one
        /// pass: an anchor's exact value when the rank falls on it, else the midpoint of the part
        /// of the bin the rank falls in.
        func values(atRanks ranks: [Int]) -> [Double?] {
            var result = [Double?](repeating: nil, count: ranks.count)
            var next = 0
            var seen = 0
            counts.withUnsafeBufferPointer { counts in
                guard let base = counts.baseAddress else { return }
                // Ends at the bin of the last rank (the P90's), not at the last bin.
                var offset = -1
                while next < ranks.count && offset + 1 < counts.count {
                    offset += 1
                    // Most bins are passed over, sixteen at a time where none is special and the
                    // next rank lies past them all.
                    if offset &+ 16 <= counts.count {
                        let block = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt16>.self)
                        if block.max() < Self.firstSpecial {
                            let sum = Int(SIMD16<UInt32>(truncatingIfNeeded: block).wrappedSum())
                            if seen + sum < ranks[next] {
                                seen += sum
                                offset += 15
                                continue
                            }
                        }
                    }
                    let bin = counts[offset]
                    guard bin != 0 else { continue }
                    let count = bin < Self.firstSpecial ? Int(bin) : specials[Int(bin &- Self.firstSpecial)].total
                    guard ranks[next] <= seen + count else {
                        seen += count
                        continue
                    }
                    let key = lowest + offset
                    let special = bin >= Self.firstSpecial ? specials[Int(bin - Self.firstSpecial)] : nil
                    while next < ranks.count && ranks[next] <= seen + count {
                        let within = ranks[next] - seen
                        if let special, let value = special.value {
                            if within <= special.below {
                                result[next] = Self.midpoint(lowerEdge(key), value)
                            } else if within <= special.below + special.equal {
                                result[next] = value
                            } else {
                                result[next] = Self.midpoint(value, lowerEdge(key + 1))
                            }
                        } else {
                            result[next] = Self.midpoint(lowerEdge(key), lowerEdge(key + 1))
                        }
                        next += 1
                    }
                    seen += count
                }
            }
            return result
        }

        /// The smallest magnitude of a bin at the current level.
        func lowerEdge(_ key: Int) -> Double { Self.lowerEdge(key, level: level) }

        static func lowerEdge(_ key: Int, level: Int) -> Double {
            // Past the largest finite key the edge is +∞ (the bit pattern of infinity).
            let fine = key << level
            return fine > largestKey ? .infinity : Double(bitPattern: UInt64(fine) << QuantileHistogram.shift)
        }

        static func midpoint(_ lower: Double, _ upper: Double) -> Double {
            upper.isFinite ? lower + (upper - lower) / 2 : lower
        }
    }
}
