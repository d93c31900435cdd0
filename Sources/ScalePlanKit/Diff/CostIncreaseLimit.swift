/// How much a plan change may raise the projected monthly cost at the horizon before
/// `diff --fail-on-increase` fails: an amount in the plan's currency (`500`) or a percentage of
/// the old cost (`10%`).
public enum CostIncreaseLimit: Sendable, Equatable {
    case amount(Double)
    case percent(Double)

    /// Reads `500` or `10%`; nil for anything else (not a finite number ≥ 0: a negative limit
    /// would fail every diff, even one that lowers the cost).
    public init?(_ text: String) {
        if text.hasSuffix("%") {
            guard let percent = NumberSyntax.decimal(text.dropLast()), percent >= 0 else { return nil }
            self = .percent(percent)
        } else {
            guard let amount = NumberSyntax.decimal(text), amount >= 0 else { return nil }
            self = .amount(amount)
        }
    }

    /// Why `diff` raises the cost by more than the limit, in one line; nil when it does not.
    public func exceeded(by diff: PlanDiff) -> String? {
        let increase = diff.costIncrease
        let base = diff.costBefore.expected
        let currency = diff.new.currency
        let relative = base > 0 ? increase / base * 100 : (increase > 0 ? Double.infinity : 0)
        let limit: String
        switch self {
        case .amount(let amount):
            guard increase > amount else { return nil }
            limit = NumberFormatting.money(amount, currency: currency)
        case .percent(let percent):
            guard relative > percent else { return nil }
            limit = NumberFormatting.plain(percent) + "%"
        }
        let share = relative.isFinite ? " (+\(NumberFormatting.grouped(relative, decimals: 1))%)" : " (from nothing)"
        return "the projected monthly cost at month \(diff.months - 1) rises by "
            + "\(NumberFormatting.money(increase, currency: currency))\(share), more than the limit of \(limit)"
    }
}
