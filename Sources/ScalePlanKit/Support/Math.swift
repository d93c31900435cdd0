// libm by platform; FoundationEssentials does not re-export it.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C math library's functions under names that do not collide with Foundation's
/// `Decimal` overloads.
enum Math {
    @inline(__always) static func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }
    @inline(__always) static func naturalLog(_ x: Double) -> Double { log(x) }
    /// e^x: libm's, bit for bit. Built for x86-64-v3 (`make release` on a CPU with AVX2 and
    /// FMA, where glibc itself takes its FMA variant) it is that variant inlined
    /// (`exponentialAsGlibcFMA`): 26 instructions where the call and its errno wrapper take 48.
    @inline(__always) static func exponential(_ x: Double) -> Double {
        #if SCALEPLAN_X86_64_V3 && canImport(Glibc)
            exponentialAsGlibcFMA(x)
        #else
            exp(x)
        #endif
    }
    @inline(__always) static func cosine(_ x: Double) -> Double { cos(x) }
    @inline(__always) static func sine(_ x: Double) -> Double { sin(x) }
    @inline(__always) static func logGamma(_ x: Double) -> Double { lgamma(x) }

    /// ⌊x⌋ for 0 ≤ x < 2⁶³, exactly (`x.rounded(.down)` is a call into libm on x86-64 without
    /// SSE4.1, the baseline the binary is built for): truncation is the floor of a non-negative
    /// number, and a double below 2⁶³ converts to Int64 and back exactly when it is integral.
    @inline(__always) static func floorOfCount(_ x: Double) -> Double { Double(Int64(x)) }

    /// ⌈x⌉ and ⌊x⌋ of any double, bit for bit what libm's `ceil` and `floor` give (−0 included),
    /// without the call: from 2⁵² on (and for ±∞ and NaN) a double is its own rounding; below, it
    /// truncates exactly through Int64 and is moved by one where truncation went the wrong way.
    @inline(__always) static func roundedUp(_ x: Double) -> Double {
        guard Swift.abs(x) < 4_503_599_627_370_496 else { return x }
        let truncated = Double(Int64(x))
        let result = truncated < x ? truncated + 1 : truncated
        return result == 0 ? Double(signOf: x, magnitudeOf: 0) : result
    }

    @inline(__always) static func roundedDown(_ x: Double) -> Double {
        guard Swift.abs(x) < 4_503_599_627_370_496 else { return x }
        let truncated = Double(Int64(x))
        let result = truncated > x ? truncated - 1 : truncated
        return result == 0 ? Double(signOf: x, magnitudeOf: 0) : result
    }
}
