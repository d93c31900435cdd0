import Foundation
import Testing

@testable import ScalePlanKit

/// `validate` shows every error of a draft in one run, each at the offending value (issue 12,
/// item 9, in part).
@Suite struct OnePassValidationTests {
    static func diagnostics(_ text: String) -> [Diagnostic] { ProfileLoader.validate(bytes: Array(text.utf8)).1 }

    static func profile(metrics: String, trigger: String = #"{"when": "rps > 80", "action": "x"}"#) -> String {
        """
        {"version": 1, "id": "p", "name": "P", "currency": "USD", "driver": {"name": "users"},
         "metrics": \(metrics),
         "tiers": [{"id": "small", "name": "Small", "range": {"min": 0}, "capacity": {"rps": 100},
                    "triggers": [\(trigger)]}],
         "scenarios": [{"id": "s", "default": true, "months": 24, "growth": {"kind": "linear", "start": 0, "step": 10}}]}
        """
    }

    /// Two unknown names in one expression are two errors, each at its column; a name used
    /// twice is reported once.
    @Test func everyUnknownNameInAnExpression() {
        let found = Self.diagnostics(Self.profile(metrics: #"{"rps": "users * foo + bar - foo"}"#))
        let messages = found.map(\.message)
        #expect(messages == ["in metric 'rps': unknown name 'foo'", "in metric 'rps': unknown name 'bar'"], "\(messages)")
        #expect(found.map { $0.location?.column } == [30, 36])
    }

    /// An unknown trigger target is reported at the target's value, not at the trigger's `{`.
    @Test func anUnknownTargetPointsAtTheTarget() throws {
        let text = Self.profile(metrics: #"{"rps": "users"}"#, trigger: #"{"when": "rps > 80", "action": "x", "target": "nope"}"#)
        let found = Self.diagnostics(text)
        let error = try #require(found.first { $0.message.contains("targets unknown tier 'nope'") })
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)[3]
        let column = try #require(line.range(of: "\"nope\"")).lowerBound.utf16Offset(in: line) + 1
        #expect(error.location?.line == 4 && error.location?.column == column, "\(String(describing: error.location))")
    }

    /// Keys starting with `$` are allowed in every object, by `validate` and by the schema
    /// alike (the schema lists `patternProperties: {"^\\$": true}` on each closed object).
    @Test func dollarKeysAreAllowedEverywhereByBoth() throws {
        let text = Self.profile(metrics: #"{"rps": {"expr": "users", "$comment": "peak"}}"#)
        #expect(ProfileLoader.validate(bytes: Array(text.utf8)).0 != nil)
        let schema = try JSONParser.parse(ProfileSchema.json)
        var closed = 0, open = 0
        func visit(_ node: JSONNode) {
            switch node.value {
            case .object(let members):
                if members.contains(where: { $0.key == "additionalProperties" && $0.value.value == .bool(false) }) {
                    closed += 1
                    if members.contains(where: { $0.key == "patternProperties" }) { open += 1 }
                }
                for member in members { visit(member.value) }
            case .array(let elements): for element in elements { visit(element) }
            default: break
            }
        }
        visit(schema)
        #expect(closed > 10 && open == closed, "\(open) of \(closed) closed objects allow $ keys")
    }
}
