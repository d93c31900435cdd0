extension QuantileHistogram {
    /// Dense counts over a range of bin keys of one sign (magnitudes), grown as needed, two bytes a
    /// bin: the tails of a wide distribution cost little. A bin holds its count while it is below
    /// `firstSpecial`; from there up it holds the index of its entry in `specials`: an anchor's (a
    /// value counted exactly, with the values of its bin below and above it) or a bin whose count
    /// grew past `crowded` and is kept as a full integer. Only the counts matter — where a count is
    /// kept does not change a quantile — so histograms merge to the same answers in any order.
    struct Bins: Sendable, Equatable {
        static let firstSpecial: UInt16 = 0xF000
        /// A plain count from here up is moved to `specials` (after the pass that reached it: a
        /// pass adds at most `chunk` values, which `firstSpecial − crowded` leaves room for).
        static let crowded: UInt16 = 0xE000
        static let chunk: UInt16 = firstSpecial - crowded

        var lowest = 0
        var counts: [UInt16] = []
        var total = 0
        /// The anchors (ascending, one per key) first, then the crowded bins: at most 10⁷ trials /
        /// 57,344 = 174 of them, so the 4,096 special indices never run out.
        var specials: [Special]
        let anchorCount: Int

        struct Special: Sendable, Equatable {
            let key: Int
            /// The anchor's value; nil for a bin that only outgrew its count.
            let value: Double?
            var below = 0
            var equal = 0
            var above = 0
            var total: Int { below + equal + above }

            @inline(__always)
            mutating func add(_ magnitude: Double) {
                guard let value else {
                    equal += 1
                    return
                }
                if magnitude < value {
                    below += 1
                } else if magnitude == value {
                    equal += 1
                } else {
                    above += 1
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
            return lhs.total == rhs.total && lhs.specials.prefix(lhs.anchorCount) == rhs.specials.prefix(rhs.anchorCount)
                && occupied(lhs).elementsEqual(occupied(rhs)) { $0 == $1 }
        }

        mutating func add(_ key: Int, _ magnitude: Double) {
            reserve(key, key)
            let offset = key - lowest
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

        /// The largest key of a finite magnitude: bins never extend past it, nor below key 0.
        static let largestKey = QuantileHistogram.key(.greatestFiniteMagnitude)

        /// Makes sure keys `low...high` have a place (within 0…`largestKey`); newly covered anchor
        /// bins are marked.
        mutating func reserve(_ low: Int, _ high: Int) {
            let low = Swift.max(0, low), high = Swift.min(Self.largestKey, high)
            guard low <= high else { return }
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
            let slack = counts.count / 8 + 16
            if low < lowest {
                let newLowest = Swift.max(0, Swift.min(low, lowest - slack))
                counts.insert(contentsOf: repeatElement(0, count: lowest - newLowest), at: 0)
                let previous = lowest
                lowest = newLowest
                mark(newLowest, previous - 1)
            }
            let currentEnd = lowest + counts.count
            if high >= currentEnd {
                let newEnd = Swift.min(Self.largestKey + 1, Swift.max(high + 1, currentEnd + slack))
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

        mutating func merge(_ other: Bins) {
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
                for (offset, bin) in counts.enumerated() where bin != 0 && next < ranks.count {
                    let key = lowest + offset
                    let special = bin >= Self.firstSpecial ? specials[Int(bin - Self.firstSpecial)] : nil
                    let count = special?.total ?? Int(bin)
                    guard ranks[next] <= seen + count else {
                        seen += count
                        continue
                    }
                    while next < ranks.count && ranks[next] <= seen + count {
                        let within = ranks[next] - seen
                        if let special, let value = special.value {
                            if within <= special.below {
                                result[next] = Self.midpoint(Self.lowerEdge(key), value)
                            } else if within <= special.below + special.equal {
                                result[next] = value
                            } else {
                                result[next] = Self.midpoint(value, Self.lowerEdge(key + 1))
                            }
                        } else {
                            result[next] = Self.midpoint(Self.lowerEdge(key), Self.lowerEdge(key + 1))
                        }
                        next += 1
                    }
                    seen += count
                }
            }
            return result
        }

        static func lowerEdge(_ key: Int) -> Double { Double(bitPattern: UInt64(key) << QuantileHistogram.shift) }

        static func midpoint(_ lower: Double, _ upper: Double) -> Double {
            upper.isFinite ? lower + (upper - lower) / 2 : lower
        }
    }
}
