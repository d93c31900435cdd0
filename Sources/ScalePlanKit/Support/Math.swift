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
    @inline(__always) static func exponential(_ x: Double) -> Double { exp(x) }
    @inline(__always) static func cosine(_ x: Double) -> Double { cos(x) }
    @inline(__always) static func sine(_ x: Double) -> Double { sin(x) }
    @inline(__always) static func logGamma(_ x: Double) -> Double { lgamma(x) }
}
