@testable import ScalePlanKit

/// Expressions: quantities over the model and conditions for `if` and triggers.
extension ProfileGenerator {
    /// A number as an expression may spell it: plain (`1500`, `0.002`), with `_` separators
    /// (`50_000`), in exponent form (`5e4`) or with a bare leading point (`.5`).
    mutating func literal(_ value: Double) -> String {
        let plain = GeneratedJSON.numberText(value)
        if value == value.rounded() && value >= 10_000 && value < 1e15 && random.chance(0.3) {
            var digits = Array(plain)
            for index in stride(from: digits.count - 3, to: 0, by: -3) { digits.insert("_", at: index) }
            return String(digits)
        }
        if value >= 1000 && value < 1e15, let digit = plain.first, plain.dropFirst().allSatisfy({ $0 == "0" }),
            random.chance(0.4)
        {
            return "\(digit)e\(plain.count - 1)"
        }
        if plain.hasPrefix("0."), random.chance(0.2) { return String(plain.dropFirst()) }
        return plain
    }

    /// A literal that may be negative (`-500`: unary minus applied to `500`).
    mutating func signedLiteral(_ value: Double) -> String {
        value < 0 ? "-" + literal(-value) : literal(value)
    }

    /// A quantity over `names` (read as ≥ 0) using + − × ÷ ^, parentheses and every function,
    /// `depth` levels deep. It is non-negative and finite whenever the names are (overflow
    /// aside), so only the hazards go invalid. Compound operands are parenthesised.
    mutating func quantity(_ names: [String], depth: Int) -> String {
        if depth <= 0 || random.chance(0.2) { return atom(names) }
        let d = depth - 1
        switch random.int(0...14) {
        case 0: return "\(operand(names, d)) + \(operand(names, d))"
        case 1: return "\(operand(names, d)) * \(operand(names, d))"
        case 2: return "\(operand(names, d)) / (\(quantity(names, depth: d)) + \(literal(random.magnitude(0.1, 100))))"
        case 3: return "max(0, \(operand(names, d)) - \(operand(names, d)))"
        case 4: return "abs(\(operand(names, d)) - \(operand(names, d)))"
        case 5:
            let arguments = (0..<random.int(1...3)).map { _ in quantity(names, depth: d) }
            return "\(random.pick(["min", "max"]))(\(arguments.joined(separator: ", ")))"
        case 6: return "\(random.pick(["ceil", "floor", "round"]))(\(quantity(names, depth: d)))"
        case 7:
            // sin and cos keep the value positive here: quantities are read as loads and costs.
            let call = random.pick(["sqrt(", "2 + sin(", "2 + cos("])
            return "\(call)\(quantity(names, depth: d)))"
        case 8: return "log(\(operand(names, d)) + 1)"
        case 9: return "exp(-\(operand(names, d)))"
        case 10:
            let low = random.magnitude(0.1, 100)
            return "clamp(\(quantity(names, depth: d)), \(literal(low)), \(literal(low * random.uniform(1, 100))))"
        case 11:
            let condition = self.condition([names.map { Operand(text: $0, scale: .model) }], depth: 1)
            return "if(\(condition), \(quantity(names, depth: d)), \(quantity(names, depth: d)))"
        case 12: return "\(operand(names, d)) ^ \(random.pick(["2", "0.5", "1.5"]))"
        case 13: return "abs(-\(operand(names, d)) ^ 2)"  // -x^2 is -(x^2)
        default: return "\(operand(names, d)) * \(literal(random.magnitude(0.001, 1000)))"
        }
    }

    /// A name (mostly) or a positive literal.
    mutating func atom(_ names: [String]) -> String {
        names.isEmpty || random.chance(0.15) ? literal(random.magnitude(0.5, 1000)) : random.pick(names)
    }

    /// A quantity fit to be an operand: parenthesised unless it is a single name or number.
    mutating func operand(_ names: [String], _ depth: Int) -> String {
        let text = quantity(names, depth: depth)
        return text.contains(" ") ? "(\(text))" : text
    }

    // MARK: Conditions

    /// The scale of the values a name holds, for thresholds that sometimes hold and sometimes
    /// do not.
    enum Scale {
        case model, fraction, milliseconds, money, signedMoney, months
    }

    /// A name a condition may compare, with its scale.
    struct Operand {
        var text: String
        var scale: Scale
    }

    /// A threshold on `scale`: fractions near 1 for utilisation, milliseconds for latency, …
    mutating func threshold(_ scale: Scale) -> Double {
        switch scale {
        case .model: random.magnitude(1, 1e6)
        case .fraction: random.uniform(0.3, 1.2)
        case .milliseconds: random.magnitude(20, 3000)
        case .money: random.magnitude(10, 1e5)
        case .signedMoney: random.uniform(-5000, 5000)
        case .months: Double(random.int(0...48))
        }
    }

    /// `operand op threshold`, the operand drawn from one of `groups` (so each kind of name
    /// is as likely as the others, however many names it has).
    mutating func comparison(_ groups: [[Operand]]) -> String {
        let operand = random.pick(random.pick(groups))
        let left = random.chance(0.15) ? "\(operand.text) * \(literal(random.uniform(0.5, 2)))" : operand.text
        let op = random.pick([">", ">=", "<", "<=", ">", ">=", "==", "!="])
        return "\(left) \(op) \(signedLiteral(threshold(operand.scale)))"
    }

    /// A condition: a comparison, or up to `depth` levels of and, or, not, `==`/`!=` between
    /// conditions and the literals true and false.
    mutating func condition(_ groups: [[Operand]], depth: Int) -> String {
        guard depth > 0, random.chance(0.35) else { return comparison(groups) }
        func part(_ generator: inout ProfileGenerator) -> String {
            let text = generator.condition(groups, depth: depth - 1)
            return text.contains(" and ") || text.contains(" or ") || text.contains("==") ? "(\(text))" : text
        }
        switch random.int(0...5) {
        case 0: return "\(part(&self)) and \(part(&self))"
        case 1: return "\(part(&self)) or \(part(&self))"
        case 2: return "not (\(condition(groups, depth: depth - 1)))"
        case 3: return "not \(comparison(groups))"
        case 4: return "(\(condition(groups, depth: depth - 1))) \(random.pick(["==", "!="])) (\(comparison(groups)))"
        default: return "\(random.pick(["true", "false"])) \(random.pick(["or", "and"])) \(part(&self))"
        }
    }
}
