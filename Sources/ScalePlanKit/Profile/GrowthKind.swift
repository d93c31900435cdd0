/// The kinds of growth curve: one table from which the profile decoder, the `--growth` parser
/// and its help, the JSON Schema and the curves themselves are derived. A new kind is an entry
/// here, its formula in `GrowthCurve`, and a line in the README.
public enum GrowthKind: String, CaseIterable, Sendable {
    case exponential, linear, logistic, gompertz, points, constant, csv

    /// A scalar parameter of a curve.
    public struct Parameter: Sendable {
        public let name: String
        public let meaning: String
        /// A typical value, for the schema's examples.
        public let example: Double
    }

    /// The scalar parameters, in the order the curve takes them; `points` and `csv` take a list
    /// of `[month, value]` pairs and a file instead.
    public var parameters: [Parameter] {
        let start = Parameter(name: "start", meaning: "the driver at month 0", example: 500)
        switch self {
        case .exponential:
            return [start, Parameter(name: "rate", meaning: "the monthly growth rate (0.15 is 15% a month)", example: 0.15)]
        case .linear: return [start, Parameter(name: "step", meaning: "what is added each month", example: 50)]
        case .logistic, .gompertz:
            return [
                start, Parameter(name: "cap", meaning: "the level the S-curve approaches", example: 50000),
                Parameter(name: "rate", meaning: "its growth rate", example: 0.3),
            ]
        case .constant: return [Parameter(name: "value", meaning: "the driver every month", example: 10000)]
        case .points, .csv: return []
        }
    }

    /// Whether the kind is given as `--growth KIND:key=value,…` (a CSV has `--growth-csv`).
    public var isOnTheCommandLine: Bool { self != .csv }

    /// `--growth` as it would be written for this kind.
    public var commandLineExample: String {
        switch self {
        case .exponential: "exponential:start=500,rate=0.15"
        case .linear: "linear:start=100,step=50"
        case .logistic: "logistic:start=100,cap=50000,rate=0.3"
        case .gompertz: "gompertz:start=100,cap=50000,rate=0.2"
        case .points: "points:0=500,12=5000"
        case .constant: "constant:value=10000"
        case .csv: "--growth-csv history.csv"
        }
    }

    /// The growth object as it would be written in a profile.
    public var profileExample: String {
        switch self {
        case .exponential: #"{"kind": "exponential", "start": 100, "rate": 0.1}"#
        case .linear: #"{"kind": "linear", "start": 100, "step": 50}"#
        case .logistic: #"{"kind": "logistic", "start": 100, "cap": 50000, "rate": 0.3}"#
        case .gompertz: #"{"kind": "gompertz", "start": 100, "cap": 50000, "rate": 0.2}"#
        case .points: #"{"kind": "points", "points": [[0, 100], [12, 5000]]}"#
        case .constant: #"{"kind": "constant", "value": 10000}"#
        case .csv: #"{"kind": "csv", "file": "history.csv"}"#
        }
    }

    /// What the parameters must satisfy, given the lowest and the highest value each can take
    /// (the same number twice for a fixed one): when they do not, the message and the index of
    /// the parameter at fault.
    public func problem(lowest: [Double], highest: [Double]) -> (message: String, parameter: Int)? {
        guard lowest.count == parameters.count, highest.count == parameters.count else { return nil }
        switch self {
        case .exponential:
            if !(lowest[0] >= 0) { return ("exponential needs start ≥ 0", 0) }
            if !(lowest[1] > -1) { return ("exponential needs a monthly rate greater than -1 (-100%)", 1) }
        case .logistic, .gompertz:
            if !(lowest[0] > 0) { return ("\(rawValue) needs 0 < start < cap: start must be positive", 0) }
            if !(lowest[1] > highest[0]) { return ("\(rawValue) needs 0 < start < cap: cap must be above start", 1) }
        case .constant:
            if !(lowest[0] >= 0) { return ("constant needs a value ≥ 0", 0) }
        case .linear, .points, .csv:
            break
        }
        return nil
    }

    /// The curve of a scalar kind with these parameter values (nil for `points` and `csv`).
    public func curve(_ values: [Double]) -> GrowthCurve? {
        guard values.count == parameters.count else { return nil }
        switch self {
        case .exponential: return .exponential(start: values[0], rate: values[1])
        case .linear: return .linear(start: values[0], step: values[1])
        case .logistic: return .logistic(start: values[0], cap: values[1], rate: values[2])
        case .gompertz: return .gompertz(start: values[0], cap: values[1], rate: values[2])
        case .constant: return .constant(values[0])
        case .points, .csv: return nil
        }
    }

    /// The kinds, sorted, for messages.
    static var sortedNames: [String] { allCases.map(\.rawValue).sorted() }

    /// The `--growth` option's help: every command-line kind's example.
    public static var commandLineHelp: String {
        let examples = allCases.filter(\.isOnTheCommandLine).map(\.commandLineExample)
        return "A growth curve instead of a scenario: " + examples.dropLast().joined(separator: ", ")
            + (examples.count > 1 ? ", or " : "") + (examples.last ?? "") + "."
    }

    /// The schema's `growth` definition: one alternative per kind.
    static var schemaDefinition: String {
        let alternatives = allCases.map { kind -> String in
            let properties: String, required: String
            switch kind {
            case .points:
                properties =
                    #""points": { "type": "array", "minItems": 1, "items": { "type": "array", "prefixItems": [{ "type": "number", "minimum": 0 }, { "type": "number", "exclusiveMinimum": 0 }], "minItems": 2, "maxItems": 2 }, "description": "[month, value] pairs, months ascending, values > 0; geometric between points, flat after the last.", "examples": [[[0, 5000], [12, 250000]]] }"#
                required = #"["points"]"#
            case .csv:
                properties =
                    #""file": { "type": "string", "minLength": 1, "description": "A CSV of month,value rows, relative to the profile.", "examples": ["users.csv"] }"#
                required = #"["file"]"#
            default:
                properties = kind.parameters.map {
                    ##""\##($0.name)": { "$ref": "#/$defs/uncertain", "description": "\##($0.meaning)", "examples": [\##(NumberFormatting.plain($0.example))] }"##
                }
                .joined(separator: ", ")
                required = "[" + kind.parameters.map { "\"\($0.name)\"" }.joined(separator: ", ") + "]"
            }
            return """
                    {
                      "properties": { "kind": { "const": "\(kind.rawValue)", "description": "The kind of growth curve.", "examples": ["\(kind.rawValue)"] }, \(properties) },
                      "required": \(required), "additionalProperties": false, "patternProperties": { "^\\\\$": true }
                    }
                """
        }
        return """
            {
                  "type": "object",
                  "required": ["kind"],
                  "oneOf": [
            \(alternatives.joined(separator: ",\n"))
                  ]
                }
            """
    }
}
