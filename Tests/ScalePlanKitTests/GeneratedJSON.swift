import Foundation

@testable import ScalePlanKit

/// A JSON document being written by a test generator: members keep the order they were added
/// in (the decoder must not care, and a reader of a failing case wants the usual order), and
/// the text is indented so diagnostics' line numbers point somewhere readable.
indirect enum GeneratedJSON {
    case number(Double)
    case string(String)
    case bool(Bool)
    case array([GeneratedJSON])
    case object([(key: String, value: GeneratedJSON)])

    /// The document as text, two spaces per level; arrays of numbers stay on one line.
    func rendered(indent: Int = 0) -> String {
        let inner = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch self {
        case .number(let value): return Self.numberText(value)
        case .string(let text): return JSONOutput.quote(text)
        case .bool(let value): return value ? "true" : "false"
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            if elements.allSatisfy(\.isNumberOrNumberArray) {
                return "[" + elements.map { $0.rendered() }.joined(separator: ", ") + "]"
            }
            return "[\n" + elements.map { inner + $0.rendered(indent: indent + 1) }.joined(separator: ",\n")
                + "\n" + closing + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n"
                + members.map { inner + JSONOutput.quote($0.key) + ": " + $0.value.rendered(indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + closing + "}"
        }
    }

    private var isNumberOrNumberArray: Bool {
        switch self {
        case .number: true
        case .array(let elements): elements.allSatisfy { if case .number = $0 { true } else { false } }
        default: false
        }
    }

    /// A JSON number: whole values without a fraction, others in Swift's shortest form
    /// (`0.002`, `1e-05`), which is valid JSON.
    static func numberText(_ value: Double) -> String {
        if value == value.rounded() && Swift.abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// An object's members, skipping the optional ones left out (`nil`).
func members(_ pairs: (String, GeneratedJSON?)...) -> GeneratedJSON {
    .object(pairs.compactMap { key, value in value.map { (key, $0) } })
}

extension Xoshiro256StarStar {
    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { nextUnit() < p }

    /// A whole number in `range`, each equally likely (the modulo bias of 64 bits is nil here).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ elements: [T]) -> T { elements[int(0...(elements.count - 1))] }

    /// The elements in a random order (Fisher–Yates).
    mutating func shuffled<T>(_ elements: [T]) -> [T] {
        var result = elements
        for index in result.indices.reversed() where index > 0 { result.swapAt(index, int(0...index)) }
        return result
    }

    /// `count` different elements, in a random order.
    mutating func sample<T>(_ elements: [T], _ count: Int) -> [T] { Array(shuffled(elements).prefix(count)) }

    /// Uniform on [low, high], to two significant digits (never outside the bounds).
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        clamped(roundedToTwoDigits(low + (high - low) * nextUnit()), low, high)
    }

    /// Log-uniform on [low, high] (both > 0), to two significant digits (never outside the
    /// bounds): every order of magnitude equally likely.
    mutating func magnitude(_ low: Double, _ high: Double) -> Double {
        let value = Foundation.exp(Foundation.log(low) + (Foundation.log(high) - Foundation.log(low)) * nextUnit())
        return clamped(roundedToTwoDigits(value), low, high)
    }

    private func clamped(_ value: Double, _ low: Double, _ high: Double) -> Double {
        Swift.min(Swift.max(value, low), high)
    }
}

/// `value` to two significant digits, as the nearest double to that decimal (so it prints
/// as `0.0023`, not `0.0023000000000000004`).
func roundedToTwoDigits(_ value: Double) -> Double {
    Double(String(format: "%.2g", value)) ?? value
}
