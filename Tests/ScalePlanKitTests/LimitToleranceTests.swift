import Testing

@testable import ScalePlanKit

/// Limits compare with a floating-point tolerance, may declare headroom, and may be marked as
/// the primary limit that names the bottleneck (issue 12, items 3 and 4).
@Suite struct LimitToleranceTests {
    /// Two tiers over users growing by 250 a month; `capacity` is spliced into the first.
    static func profile(capacity: String, metrics: String) throws -> CompiledProfile {
        let text = """
            {"version": 1, "id": "limits", "name": "Limits", "currency": "USD", "driver": {"name": "users"},
             "metrics": \(metrics),
             "tiers": [{"id": "small", "name": "Small", "range": {"min": 0, "max": 20000}, "capacity": \(capacity)},
                       {"id": "large", "name": "Large", "range": {"min": 20000}}],
             "scenarios": [{"id": "s", "default": true, "months": 24, "growth": {"kind": "linear", "start": 250, "step": 250}}]}
            """
        let (compiled, diagnostics) = ProfileLoader.validate(bytes: Array(text.utf8))
        return try #require(compiled, "\(diagnostics.map { $0.formatted(file: "limits.json") })")
    }

    /// `100 * (1 + 0.15)` is 114.99999999999999 in binary floating point; 5,750 users make
    /// exactly 115 RPS, which fits. The capacity is 5,750, not 5,749.
    @Test func exactlyAtALimitWrittenAsAProductFits() throws {
        let compiled = try Self.profile(capacity: #"{"rps": "100 * (1 + 0.15)"}"#, metrics: #"{"rps": "users / 50"}"#)
        let checked = try #require(compiled.tiers[0].limits[0].limit.constantValue)
        #expect(checked < 115, "the premise: the product rounds below 115 (\(checked))")
        let result = CapacitySearch(compiled).search(tier: 0)
        #expect(result.maximum == 5750)
        #expect(CapacitySearch(compiled).carries(0, 5750) && !CapacitySearch(compiled).carries(0, 5751))
        let projection = Simulator(compiled).run(curve: .constant(5750), months: 1)
        #expect(projection.months[0].requiredTier == 0)
        #expect(projection.events.allSatisfy { $0.kind != .noTierCarries && $0.kind != .tierOverCapacity })
    }

    /// `headroom: 0.15` on a limit of 100 checks against 115: the same boundary, and the limit
    /// reported is the one checked.
    @Test func headroomRaisesTheLimitChecked() throws {
        let compiled = try Self.profile(
            capacity: #"{"rps": {"limit": 100, "headroom": 0.15, "label": "peak RPS"}}"#, metrics: #"{"rps": "users / 50"}"#)
        #expect(CapacitySearch(compiled).search(tier: 0).maximum == 5750)
        let month = Simulator(compiled).run(curve: .constant(5750), months: 1).months[0]
        let limit = try #require(month.limits.first)
        #expect(limit.limit == 100 * 1.15 && limit.holds)
        let show = ShowReport.render(ProfileSummary(compiled), format: .table)
        #expect(show.contains("includes 15% headroom over 100"), "\(show)")
        let json = ShowReport.render(ProfileSummary(compiled), format: .json)
        #expect(json.contains(#""headroom": 0.15"#), "\(json)")
    }

    /// A limit just over the tolerance fails: the tolerance is rounding noise, not slack.
    @Test func theToleranceIsOnlyNoise() throws {
        let compiled = try Self.profile(capacity: #"{"rps": 100}"#, metrics: #"{"rps": "users / 50 * (1 + 1e-7)"}"#)
        #expect(!CapacitySearch(compiled).carries(0, 5000))
        #expect(CapacitySearch(compiled).search(tier: 0).maximum == 4999)
        #expect(LimitRule.holds(value: 100 * (1 + 1e-10), limit: 100))
        #expect(!LimitRule.holds(value: 100 * (1 + 1e-8), limit: 100))
    }

    /// Proportional limits (the same utilisation up to rounding) do not flip the bottleneck
    /// month to month: the first declared wins, or the primary one.
    @Test func proportionalLimitsKeepOneBottleneck() throws {
        // api = users / 3 × 0.3 and web = users × 0.1 are equal in exact arithmetic; in binary
        // floating point web is larger in the last bit in some months, which without the
        // tolerance would make it the bottleneck in those months only.
        let metrics = #"{"api_rps": "users / 3 * 0.3", "web_rps": "users * 0.1"}"#
        let users = (0..<24).map { Double(250 * ($0 + 1)) }
        #expect(users.contains { $0 * 0.1 > $0 / 3 * 0.3 }, "the premise: web is larger by rounding in some month")
        let plain = try Self.profile(capacity: #"{"api_rps": 3000, "web_rps": 3000}"#, metrics: metrics)
        let months = Simulator(plain).run(curve: .linear(start: 250, step: 250), months: 24).months
        #expect(months.allSatisfy { $0.bottleneck?.name == "api_rps" }, "\(months.map { $0.bottleneck?.name ?? "-" })")
        let primary = try Self.profile(
            capacity: #"{"api_rps": 3000, "web_rps": {"limit": 3000, "primary": true}}"#, metrics: metrics)
        let primaryMonths = Simulator(primary).run(curve: .linear(start: 250, step: 250), months: 24).months
        #expect(primaryMonths.allSatisfy { $0.bottleneck?.name == "web_rps" })
        #expect(CapacitySearch(primary).search(tier: 0).binding?.name == "web_rps")
        #expect(
            LimitUse.bottleneck([
                LimitUse(name: "a", value: 1, limit: 2), LimitUse(name: "b", value: 1, limit: 2, primary: true),
            ])?.name == "b")
    }

    /// A primary limit gives way to a limit that is clearly more utilised.
    @Test func aClearlyBusierLimitBeatsThePrimary() throws {
        let compiled = try Self.profile(
            capacity: #"{"api_rps": {"limit": 3000, "primary": true}, "db_connections": 100}"#,
            metrics: #"{"api_rps": "users * 0.1", "db_connections": "users / 100"}"#)
        let months = Simulator(compiled).run(curve: .constant(5000), months: 1).months
        // api 500 / 3000 = 17%, connections 50 / 100 = 50%.
        #expect(months[0].bottleneck?.name == "db_connections")
    }

    /// Headroom and primary are checked like every other key.
    @Test(arguments: [
        (#"{"rps": {"limit": 100, "headroom": -0.1}}"#, "-0.1 is below the minimum 0"),
        (#"{"rps": {"limit": 100, "headroom": "15%"}}"#, "expected a number, found a string"),
        (#"{"rps": {"limit": 100, "primary": "yes"}}"#, "expected true or false, found a string"),
        (#"{"rps": {"limit": 100, "headrom": 0.1}}"#, "unknown key \"headrom\""),
    ])
    func badHeadroomOrPrimaryIsAnError(capacity: String, message: String) {
        let text = """
            {"version": 1, "id": "limits", "name": "Limits", "currency": "USD", "driver": {"name": "users"},
             "metrics": {"rps": "users / 50"},
             "tiers": [{"id": "small", "name": "Small", "range": {"min": 0}, "capacity": \(capacity)}],
             "scenarios": [{"id": "s", "default": true, "months": 24, "growth": {"kind": "linear", "start": 250, "step": 250}}]}
            """
        let (compiled, diagnostics) = ProfileLoader.validate(bytes: Array(text.utf8))
        #expect(compiled == nil)
        #expect(diagnostics.contains { $0.message.contains(message) }, "\(diagnostics.map(\.message))")
    }
}
