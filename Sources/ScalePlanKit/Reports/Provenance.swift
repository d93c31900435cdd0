/// Where a document came from, for its footer: the tool's version, the day it was generated,
/// and the seed and trial count of its Monte Carlo numbers — so a reader can reproduce it.
public struct Provenance: Sendable, Equatable {
    public var version: String
    /// The generation day, `YYYY-MM-DD` in UTC.
    public var date: String
    public var seed: UInt64?
    public var trials: Int?

    public init(version: String, date: String, seed: UInt64? = nil, trials: Int? = nil) {
        self.version = version
        self.date = date
        self.seed = seed
        self.trials = trials
    }

    /// The UTC day of a Unix time, by the civil-from-days algorithm of H. Hinnant,
    /// "chrono-Compatible Low-Level Date Algorithms" (2013): no calendar library, the same on
    /// every platform. `SOURCE_DATE_EPOCH` (reproducible-builds.org) passes its seconds here.
    public static func day(secondsSince1970 seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// `scaleplan 0.1.0 on 2026-12-01 (seed 20261126, 10,000 trials)`.
    public var summary: String {
        var details: [String] = []
        if let seed { details.append("seed \(seed)") }
        if let trials { details.append("\(NumberFormatting.grouped(Double(trials))) trial\(trials == 1 ? "" : "s")") }
        return "scaleplan \(version) on \(date)" + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")
    }
}
