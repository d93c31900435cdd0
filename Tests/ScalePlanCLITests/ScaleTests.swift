import Foundation
import Testing

@testable import ScalePlanKit

/// Cost bounded by the input: plans with 10⁴ triggers or 10⁴ cost items run in under 2 s and
/// 200 MB, as whole processes of the release build (a bound on a debug build would say nothing).
/// Before: 8,000 triggers firing every month over 1,200 months took 992 MB in JSON; a tier diff
/// of 16,000 items 26 s; `--threads 256` 562 MB against 18 MB.
@Suite(.serialized) struct ScaleTests {
    /// A plan of one or two tiers, with `triggers` global triggers that fire every month and
    /// `items` cost items per tier (a third ranged with a mode, a third usage-priced, a third fixed).
    static func profile(triggers: Int = 0, items: Int = 0, tiers: Int = 1, months: Int = 120) -> String {
        func costs(_ tier: Int) -> String {
            guard items > 0 else { return #"[{"item": "x", "category": "compute", "amount": 1}]"# }
            return "["
                + (0..<items).map { index in
                    let amount: String
                    switch index % 3 {
                    case 0: amount = #"{"low": \#(index % 5), "mode": \#(index % 5 + 1), "high": \#(index % 5 + 3)}"#
                    case 1: amount = #""users * 0.00\#(index % 9 + 1)""#
                    default: amount = "\(index % 11 + tier)"
                    }
                    return #"{"item": "item \#(index)", "category": "c\#(index % 7)", "amount": \#(amount)}"#
                }.joined(separator: ",") + "]"
        }
        let tierList = (0..<tiers).map { tier in
            let range =
                tier == tiers - 1 ? #"{"min": \#(tier * 1000)}"# : #"{"min": \#(tier * 1000), "max": \#((tier + 1) * 1000)}"#
            return
                #"{"id": "t\#(tier)", "name": "T\#(tier)", "range": \#(range), "capacity": {"users": \#((tier + 1) * 1000 + 500)}, "costs": \#(costs(tier))}"#
        }.joined(separator: ",")
        let triggerList = (0..<triggers).map {
            #"{"id": "g\#($0)", "when": "users >= \#($0 % 3)", "action": "act", "severity": "info"}"#
        }
        .joined(separator: ",")
        return """
            {"version": 1, "id": "scale", "name": "Scale", "currency": "USD", "driver": {"name": "users"},
             "params": {"k": {"low": 1, "high": 2}}, "metrics": {"load": "users * k"},
             "tiers": [\(tierList)], "triggers": [\(triggerList)],
             "scenarios": [{"id": "s", "default": true, "months": \(months),
                            "growth": {"kind": "exponential", "start": 100, "rate": {"low": 0.01, "high": 0.05}}}]}
            """
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var arguments: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "10⁴ triggers firing every month, JSON", file: "triggers", arguments: ["simulate", "--format", "json"]),
        Case(name: "10⁴ triggers firing every month, CSV", file: "triggers", arguments: ["simulate", "--format", "csv"]),
        Case(
            name: "10⁴ triggers, 1,000 trials", file: "triggers", arguments: ["simulate", "--trials", "1000", "--format", "json"]),
        Case(name: "8,000 triggers over 1,200 months, JSON", file: "triggers-1200", arguments: ["simulate", "--format", "json"]),
        Case(name: "10⁴ cost items, JSON", file: "items", arguments: ["simulate", "--format", "json"]),
        Case(name: "10⁴ cost items, table", file: "items", arguments: ["simulate"]),
        Case(name: "10⁴ cost items, 100 trials", file: "items", arguments: ["simulate", "--trials", "100", "--format", "json"]),
        Case(
            name: "diff of two tiers of 10⁴ items", file: "items", arguments: ["diff", "PROFILE", "t0", "t1", "--format", "json"]),
    ]

    static let folder: String = {
        let folder = "/tmp/scaleplan-scale-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? FileIO.writeAtomically(profile(triggers: 10_000), to: folder + "/triggers.json")
        try? FileIO.writeAtomically(profile(triggers: 8_000, months: 1_200), to: folder + "/triggers-1200.json")
        try? FileIO.writeAtomically(profile(items: 10_000, tiers: 2), to: folder + "/items.json")
        return folder
    }()

    @Test(.requires(Tools.releaseScaleplan), arguments: cases)
    func staysUnderTwoSecondsAnd200MB(_ item: Case) throws {
        let binary = try Tools.releaseScaleplan.required()
        let profile = Self.folder + "/\(item.file).json"
        var arguments = item.arguments.map { $0 == "PROFILE" ? profile : $0 }
        if !arguments.contains(profile) { arguments.insert(profile, at: 1) }
        let cost = try #require(measureProcess([binary] + arguments + ["-o", Self.folder + "/out"]))
        #expect(cost.status == 0)
        #expect(cost.seconds < 2, "\(item.name): \(cost.seconds) s")
        #expect(cost.peakMegabytes < 200, "\(item.name): \(cost.peakMegabytes) MB")
    }

    /// Workers beyond the cores would only wait: asking for 256 threads costs what 2 do.
    @Test(.requires(Tools.releaseScaleplan)) func memoryDoesNotGrowWithThreads() throws {
        let binary = try Tools.releaseScaleplan.required()
        func peak(_ threads: Int) throws -> Double {
            let cost = try #require(
                measureProcess([
                    binary, "simulate", "sayar", "--trials", "20000", "--threads", "\(threads)",
                    "--format", "json", "-o", Self.folder + "/threads.json",
                ]))
            #expect(cost.status == 0)
            return cost.peakMegabytes
        }
        let two = try peak(2), many = try peak(256)
        #expect(many < two * 1.2 + 8, "--threads 256: \(many) MB, --threads 2: \(two) MB")
    }
}
