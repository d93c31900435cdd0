import Testing

@testable import ScalePlanKit

/// The column form of "does this limit hold" must mark exactly the values `holds` rejects.
@Suite struct LimitRuleTests {
    @Test(arguments: [100, 1, 0, -5, Double.nan, .infinity, .leastNonzeroMagnitude, 1e300])
    func markFailuresMarksWhatHoldsRejects(limit: Double) {
        var generator = SystemRandomNumberGenerator()
        var values = (0..<37).map { _ in Double.random(in: 0...200, using: &generator) }
        values += [100, 100 * (1 + LimitRule.tolerance), (100 * (1 + LimitRule.tolerance)).nextUp, .nan, .infinity, -1, 0]
        // Some marked already: a mark is never cleared.
        var failed = values.indices.map { UInt8($0 % 5 == 0 ? 1 : 0) }
        let before = failed
        LimitRule.markFailures(values, limit: limit, count: values.count, into: &failed)
        for (index, value) in values.enumerated() {
            let expected: UInt8 = before[index] == 1 || !LimitRule.holds(value: value, limit: limit) ? 1 : 0
            #expect(failed[index] == expected, "\(value) against \(limit)")
        }
    }
}
