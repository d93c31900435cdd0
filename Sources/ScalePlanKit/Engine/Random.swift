/// Where a trial's uniform draws come from: a random stream (Monte Carlo), or a row of a design
/// matrix (sensitivity's Saltelli sampling, which must choose every draw itself).
protocol UnitSource {
    /// The next uniform in [0, 1).
    mutating func nextUnit() -> Double
}

/// The project's own pseudo-random generator, so that a seed gives the same numbers on every
/// platform and Swift version (the system generator promises neither).
///
/// xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2018;
/// reference code at prng.di.unimi.it), seeded through SplitMix64 as its authors recommend, so
/// that nearby seeds give unrelated streams.
struct Xoshiro256StarStar: Sendable, UnitSource {
    private var s0, s1, s2, s3: UInt64

    /// A generator whose state is filled from SplitMix64 seeded with `seed`.
    init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// A generator for one block of trials: the run's seed and the block number mixed through
    /// SplitMix64, so every block has its own stream whatever thread runs it.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(state: seed ^ 0x9E37_79B9_7F4A_7C15)
        let base = mixer.next()
        self.init(seed: base &+ stream &* 0xD1B5_4A32_D192_ED03)
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    /// The next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// A uniform double in [0, 1): the top 53 bits, scaled.
    @inline(__always)
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014):
/// used to expand a seed into generator state.
struct SplitMix64: Sendable {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Uncertain {
    /// How many uniforms a draw takes (`sample`): none for a fixed value, two for a lognormal
    /// (Box–Muller), else one.
    var unitCount: Int {
        switch distribution {
        case .fixed: 0
        case .lognormal: 2
        case .uniform, .triangular: 1
        }
    }

    /// A draw from the distribution (see `Draw`). Fixed values return without drawing, so adding
    /// a fixed param does not shift the stream.
    @inline(__always)
    func sample<Source: UnitSource>(_ random: inout Source) -> Double {
        switch distribution {
        case .fixed:
            return expected
        case .uniform:
            return Draw.uniform(random.nextUnit(), low: low, high: high)
        case .triangular:
            return Draw.triangular(random.nextUnit(), low: low, mode: mode ?? (low + high) / 2, high: high)
        case .lognormal:
            let u1 = Swift.max(random.nextUnit(), 0x1.0p-53)
            return Draw.lognormal(u1, random.nextUnit(), p10: low, p90: high)
        }
    }
}
