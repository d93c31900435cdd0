#if canImport(Glibc)
    import Foundation
    import Glibc
    import Testing

    @testable import ScalePlanKit

    /// `Math.exponentialAsGlibcFMA` claims glibc's `exp` bit for bit — what keeps every output of
    /// an x86-64-v3 build identical to a portable one's on the same machine.
    @Suite struct ExponentialTests {
        /// Values of glibc 2.36's `exp` on an x86-64 CPU with FMA (its `__exp_fma`), recorded as bit
        /// patterns (`python3 -c 'import math; math.exp(x)'`, which calls the same function). The
        /// replica must give them on any machine: it uses only correctly rounded operations.
        static let recorded: [(Double, UInt64)] = [
            (-700.0, 0x00d1_4f2b_0fb9_307f), (-511.9, 0x11c6_625a_a47b_24c5), (-100.5, 0x36e0_1a0e_5643_644f),
            (-37.25, 0x3c93_278b_cd70_e981), (-2.995732273553991, 0x3fa9_9999_9999_999b),
            (-1.0, 0x3fd7_8b56_362c_ef38), (-0.5, 0x3fe3_68b2_fc6f_960a), (-1e-10, 0x3fef_ffff_fff2_4190),
            (-0x1p-53, 0x3fef_ffff_ffff_ffff), (0x1p-53, 0x3ff0_0000_0000_0000), (1e-10, 0x3ff0_0000_0006_df38),
            (0.693147180559945, 0x3fff_ffff_ffff_fffd), (1.0, 0x4005_bf0a_8b14_5769), (2.5, 0x4028_5d6f_d931_e0bb),
            (10.0, 0x40d5_829d_cf95_0560), (88.7, 0x47ef_4705_bbff_ae5c), (300.125, 0x5aff_c0ed_35ef_0037),
            (511.99, 0x6e19_0700_ce84_c46d),
        ]

        @Test func givesTheRecordedBitsOfGlibc() {
            for (x, bits) in Self.recorded {
                #expect(Math.exponentialAsGlibcFMA(x).bitPattern == bits, "e^\(x)")
            }
        }

        /// Four lanes at once give each lane's scalar answer, special lanes (tiny, past ±512, ±∞,
        /// NaN) mixed in among ordinary ones.
        @Test func fourLanesAnswerAsOne() {
            var generator = SystemRandomNumberGenerator()
            let specials: [Double] = [0, 0x1p-60, -600, 800, .infinity, -.infinity, .nan, -745.5]
            for index in 0..<50_000 {
                var x = SIMD4<Double>()
                for lane in 0..<4 {
                    x[lane] =
                        index % 3 == lane
                        ? specials.randomElement(using: &generator)! : Double.random(in: -700...700, using: &generator)
                }
                let together = Math.exponentialAsGlibcFMA(x)
                for lane in 0..<4 {
                    let alone = Math.exponentialAsGlibcFMA(x[lane])
                    #expect(
                        together[lane].bitPattern == alone.bitPattern || (together[lane].isNaN && alone.isNaN), "e^\(x[lane])")
                }
            }
        }

        /// Whether glibc's `exp` here is its FMA variant (chosen when the CPU has FMA and AVX2).
        static let glibcUsesFMA: Bool = {
            guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return false }
            let flags = text.split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ") ?? []
            return flags.contains("fma") && flags.contains("avx2")
        }()

        /// A million inputs against the library: uniform over the main range, over the decays the
        /// queueing model takes (−700…0), and random bit patterns (every exponent, ±∞, NaN, the
        /// special paths), plus the edges of the special paths. Only where glibc's `exp` is the FMA
        /// variant: elsewhere it is another function, and x86-64-v3 builds do not run there.
        @Test(.enabled(if: glibcUsesFMA, "glibc's exp is its FMA variant only on CPUs with FMA and AVX2"))
        func agreesWithGlibcBitForBit() {
            var generator = SystemRandomNumberGenerator()
            var inputs: [Double] = [
                0, -0.0, .infinity, -.infinity, .nan, 0x1p-54, -0x1p-54, (0x1p-54).nextDown, (0x1p-54).nextUp, 512,
                -512, (512.0).nextDown, -(512.0).nextDown, 709.78, -745.2, .leastNonzeroMagnitude,
            ]
            for _ in 0..<400_000 { inputs.append(Double.random(in: -600...600, using: &generator)) }
            for _ in 0..<300_000 { inputs.append(-Double.random(in: 0...700, using: &generator)) }
            for _ in 0..<300_000 { inputs.append(Double(bitPattern: generator.next())) }
            var mismatches = 0
            for x in inputs where Math.exponentialAsGlibcFMA(x).bitPattern != exp(x).bitPattern {
                if !(x.isNaN && exp(x).isNaN) {
                    mismatches += 1
                    if mismatches <= 5 { Issue.record("e^\(x): \(Math.exponentialAsGlibcFMA(x)) against glibc's \(exp(x))") }
                }
            }
            #expect(mismatches == 0)
        }
    }
#endif
