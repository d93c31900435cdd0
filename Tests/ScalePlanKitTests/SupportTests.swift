import Foundation
import Testing

@testable import ScalePlanKit

@Suite struct SupportTests {
    @Test func suggestionsFindPlausibleTypos() {
        let names = ["db_connections", "peak_rps", "users", "storage_gb"]
        #expect(Suggestions.closest(to: "db_conections", in: names) == "db_connections")
        #expect(Suggestions.closest(to: "peak_rsp", in: names) == "peak_rps")  // transposition
        #expect(Suggestions.closest(to: "Users", in: names) == "users")
        #expect(Suggestions.closest(to: "bandwidth", in: names) == nil)
        #expect(Suggestions.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
    }

    @Test(arguments: [
        (1234567.5, 0, "1,234,568"), (1234567.5, 2, "1,234,567.50"), (-1500, 0, "-1,500"), (999, 0, "999"),
        (0.00325, 5, "0.00325"),
    ])
    func grouping(value: Double, decimals: Int, expected: String) {
        #expect(NumberFormatting.grouped(value, decimals: decimals) == expected)
    }

    @Test func money() {
        #expect(NumberFormatting.money(1340, currency: "USD") == "$1,340")
        #expect(NumberFormatting.money(5, currency: "USD") == "$5")
        #expect(NumberFormatting.money(12.5, currency: "USD") == "$12.50")
        #expect(NumberFormatting.money(0.025, currency: "USD") == "$0.025")
        #expect(NumberFormatting.money(-600, currency: "USD") == "-$600")
        #expect(NumberFormatting.money(120000, currency: "INR") == "₹120,000")
        #expect(NumberFormatting.money(10, currency: "CHF") == "10 CHF")
    }

    /// JSON output writes whole numbers digit by digit: byte for byte what `plain` gives, on the
    /// edges (zero of either sign, the last whole numbers below 10¹⁵, fractions, huge values) and
    /// on random values of every magnitude.
    @Test func appendPlainWritesWhatPlainGives() {
        var values: [Double] = [
            0, -0.0, 1, -1, 9, 10, 99, 100, 999_999_999_999_999, -999_999_999_999_999, 1e15, -1e15, 1e16,
            0.5, -0.25, 12.5, 1e-300, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let exponent = Double.random(in: -5...17, using: &generator)
            let value = Double.random(in: -1...1, using: &generator) * Foundation.pow(10, exponent)
            values.append(value)
            values.append(value.rounded())
        }
        for value in values {
            var bytes: [UInt8] = []
            NumberFormatting.appendPlain(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == NumberFormatting.plain(value), "\(value)")
        }
    }

    @Test func compactAndPlain() {
        #expect(NumberFormatting.compact(50_000) == "50K")
        #expect(NumberFormatting.compact(2_500_000) == "2.5M")
        #expect(NumberFormatting.compact(500) == "500")
        #expect(NumberFormatting.compact(10_001) == "10K")
        #expect(NumberFormatting.plain(25) == "25")
        #expect(NumberFormatting.plain(0.00325) == "0.00325")
        // Huge values never print separators in an exponent or a "1e+291B".
        #expect(NumberFormatting.compact(2.5e19) == "2.5e19")
        #expect(NumberFormatting.compact(1e300) == "1e300")
        #expect(NumberFormatting.proseRange(12.6, 12.6) == "12.6")
        #expect(NumberFormatting.proseRange(0.5, 1) == "0.5–1")
        #expect(NumberFormatting.prose(1e308) == "1e308")
    }

    /// Rounding never moves a percentage across 0 or 100: a small non-zero share is "<1%", a
    /// value near 100% that is not exactly 100% keeps a decimal.
    @Test func percentsKeepTheirSideOfTheBoundary() {
        #expect(NumberFormatting.percent(0) == "0%")
        #expect(NumberFormatting.percent(0.002) == "<1%")
        #expect(NumberFormatting.percent(0.005) == "1%")
        #expect(NumberFormatting.percent(0.834) == "83%")
        #expect(NumberFormatting.percent(0.997) == "99.7%")
        #expect(NumberFormatting.percent(0.9996) == "99.96%")
        #expect(NumberFormatting.percent(1) == "100%")
        #expect(NumberFormatting.percent(1.002) == "100.2%")
        #expect(NumberFormatting.percent(1.0003) == ">100%")
        #expect(NumberFormatting.percent(0.99999) == "<100%")
        #expect(NumberFormatting.percent(1.5) == "150%")
    }

    /// The engine's inline rounding against the C library's `ceil` and `floor`, bit for bit (the
    /// sign of zero too): edge values, then a million random doubles of every magnitude.
    @Test func roundingAgreesWithTheCLibrary() {
        var values: [Double] = [
            0, -0.0, 0.5, -0.5, 1, -1, 0.49999999999999994, -0.49999999999999994, 1.5, -1.5, 2.5, -2.5,
            4_503_599_627_370_495.5, -4_503_599_627_370_495.5, 4_503_599_627_370_496, 9_007_199_254_740_993,
            1e300, -1e300, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .greatestFiniteMagnitude,
            .infinity, -.infinity, .nan, 1.0.nextDown, (-1.0).nextUp, 3.0.nextUp, (-3.0).nextDown,
        ]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<1_000_000 {
            values.append(Double(bitPattern: random.next()))
            values.append(Double.random(in: -1e6...1e6, using: &random))
        }
        var mismatches: [Double] = []
        for value in values {
            let up = Math.roundedUp(value), down = Math.roundedDown(value)
            let expectedUp = Foundation.ceil(value), expectedDown = Foundation.floor(value)
            let same = { (a: Double, b: Double) in a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }
            if !same(up, expectedUp) || !same(down, expectedDown) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) values differ, e.g. \(mismatches.prefix(5))")
        // The servers' floor: every count a queue can have.
        for value in [1, 1.5, 2.999999999, 1e9, 123_456_789.75] {
            #expect(Math.floorOfCount(value) == Foundation.floor(value))
        }
    }

    @Test func yearMonth() throws {
        let start = try #require(YearMonth("2026-01"))
        #expect(start.adding(months: 13).description == "2027-02")
        #expect(YearMonth("2026-13") == nil)
        #expect(YearMonth("26-01") == nil)
    }

    @Test func atomicWriteReplacesAndLeavesNoTemporaryFile() throws {
        let folder = "/tmp/scaleplan-test-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array("first".utf8), to: folder + "/out.txt")
        try FileIO.writeAtomically(Array("second".utf8), to: folder + "/out.txt")
        #expect(try FileIO.read(folder + "/out.txt", limit: 100) == Array("second".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.txt"])
        #expect(throws: FileIO.Failure.self) { try FileIO.writeAtomically([1], to: folder + "/missing/out.txt") }
        #expect(throws: FileIO.Failure.self) { try FileIO.writeAtomically([1], to: "/dev/full") }
    }
}

/// The product imports no Foundation at all — not Foundation, FoundationEssentials nor
/// FoundationInternationalization — and calls the system through `Support/System.swift`: a static
/// binary that imports FoundationEssentials is 12 MB larger (hello world: 8.9 → 20.9 MB), and all
/// of Foundation adds ICU and about 5 ms of dynamic linking to every process start. (The symbols
/// of the built binary are checked too: `BinaryTests`.)
@Suite struct ImportTests {
    @Test func theProductImportsNoFoundation() throws {
        let sources = ProfileLibrary.parent(of: profilesDirectory) + "/Sources"
        var offenders: [String] = []
        for target in ["ScalePlanKit", "ScalePlanCLI", "scaleplan"] {
            let folder = sources + "/" + target
            let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
            for case let file as String in enumerator where file.hasSuffix(".swift") {
                let text = String(decoding: try FileIO.read(folder + "/" + file, limit: 1 << 22), as: UTF8.self)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    if let module = words.last, words.contains("import"), module.hasPrefix("Foundation") {
                        offenders.append("\(target)/\(file): \(line)")
                    }
                }
            }
        }
        #expect(offenders.isEmpty, "call the system through Support/System.swift instead: \(offenders)")
    }
}
