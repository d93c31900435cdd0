import Testing

@testable import ScalePlanKit

/// `rejectsAny` takes vectorised passes over a column; it must say exactly what checking each
/// value with `accepts` says, for every rule, on every column length (the passes leave tails).
@Suite struct ValueRuleTests {
    static let rules: [ValueRule] = [.finite, .amount, .limit, .arrival, .servers, .serviceTime]
    static let edges: [Double] = [
        .nan, -.nan, .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 0.5, 1,
        1.0.nextDown, Queueing.maximumServers, Queueing.maximumServers.nextUp, -1, .greatestFiniteMagnitude,
    ]

    @Test(arguments: rules)
    func rejectsAnyAgreesWithAcceptsOnEveryValue(rule: ValueRule) {
        var generator = SystemRandomNumberGenerator()
        for length in 0...40 {
            // A column of values every rule accepts, then each edge value at each position.
            let good = (0..<length).map { _ in Double.random(in: 2...1000, using: &generator) }
            #expect(!good.withUnsafeBufferPointer { rule.rejectsAny($0.baseAddress!, count: length) })
            for edge in Self.edges {
                for position in 0..<length {
                    var column = good
                    column[position] = edge
                    let expected = column.contains { !rule.accepts($0) }
                    let found = column.withUnsafeBufferPointer { rule.rejectsAny($0.baseAddress!, count: length) }
                    #expect(found == expected, "\(rule) length \(length), \(edge) at \(position)")
                }
            }
        }
    }
}
