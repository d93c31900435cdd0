/// Typed access to a JSON tree that records every problem in a `DiagnosticBag` instead of
/// stopping, so that `validate` can report all of a file's errors at once. Each accessor
/// returns nil when the value is missing or of the wrong type (after recording why).
struct JSONReader {
    var bag = DiagnosticBag()
    /// Set by `tierList` when some tier could not be read.
    var unreadTiers = false
    /// Whether every tier must give a `range` (`tier_selection: range`).
    var requiresRanges = true
    /// "Did you mean" searches left: each costs an edit-distance search, and a hostile file can
    /// hold hundreds of thousands of misspelt keys. Later problems get the plain hint.
    var suggestionsLeft = 50

    /// `did you mean 'x'?` while searches are left, else nil.
    mutating func didYouMean(_ word: String, in candidates: [String]) -> String? {
        guard suggestionsLeft > 0 else { return nil }
        suggestionsLeft -= 1
        return Suggestions.didYouMean(word, in: candidates)
    }

    /// A JSON object's members, checked against the keys this place allows. Keys starting with
    /// `$` (`$schema`, `$comment`) are always allowed.
    struct Object {
        let members: [String: JSONMember]
        let location: SourceLocation
        let path: String

        subscript(key: String) -> JSONNode? { members[key]?.value }

        func path(_ key: String) -> String { JSONReader.path(path, key) }
    }

    static func path(_ base: String, _ key: String) -> String {
        let simple =
            !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_"
            }
        return simple ? "\(base).\(key)" : "\(base)[\"\(key)\"]"
    }

    mutating func typeError(_ node: JSONNode, _ path: String, expected: String) {
        bag.error("expected \(expected), found \(node.value.typeName)", at: node.location, path: path)
    }

    mutating func object(_ node: JSONNode, _ path: String, allowed: [String], what: String = "an object")
        -> Object?
    {
        guard case .object(let members) = node.value else {
            typeError(node, path, expected: what)
            return nil
        }
        var byKey: [String: JSONMember] = [:]
        for member in members {
            if member.key.hasPrefix("$") { continue }
            if !allowed.contains(member.key) {
                bag.error(
                    "unknown key \"\(member.key)\"", at: member.keyLocation, path: JSONReader.path(path, member.key),
                    hint: didYouMean(member.key, in: allowed) ?? "allowed keys here: " + allowed.joined(separator: ", "))
                continue
            }
            byKey[member.key] = member
        }
        return Object(members: byKey, location: node.location, path: path)
    }

    /// All members of an object used as a map (name → value), in file order.
    mutating func map(_ node: JSONNode, _ path: String) -> [JSONMember]? {
        guard case .object(let members) = node.value else {
            typeError(node, path, expected: "an object")
            return nil
        }
        return members.filter { !$0.key.hasPrefix("$") }
    }

    mutating func array(_ node: JSONNode, _ path: String) -> [JSONNode]? {
        guard case .array(let elements) = node.value else {
            typeError(node, path, expected: "an array")
            return nil
        }
        return elements
    }

    mutating func missing(_ object: Object, _ key: String, expected: String) {
        bag.error(
            "missing required key \"\(key)\"", at: object.location, path: object.path,
            hint: "add \"\(key)\": \(expected)")
    }

    mutating func string(_ object: Object, _ key: String, required: Bool = false, pattern: NamePattern? = nil)
        -> String?
    {
        guard let node = object[key] else {
            if required { missing(object, key, expected: pattern?.example ?? "\"…\"") }
            return nil
        }
        guard case .string(let text, _) = node.value else {
            typeError(node, object.path(key), expected: "a string")
            return nil
        }
        if let pattern, !pattern.matches(text) {
            bag.error(
                "\"\(text)\" is not a valid \(pattern.what)", at: node.location, path: object.path(key),
                hint: pattern.description)
            return nil
        }
        if required && text.trimmingWhitespace().isEmpty {
            bag.error("\"\(key)\" must not be empty", at: node.location, path: object.path(key))
            return nil
        }
        return text
    }

    mutating func number(_ node: JSONNode, _ path: String, minimum: Double? = nil, exclusiveMinimum: Double? = nil)
        -> Double?
    {
        guard case .number(let value) = node.value else {
            typeError(node, path, expected: "a number")
            return nil
        }
        if let minimum, value < minimum {
            bag.error(
                "\(NumberFormatting.plain(value)) is below the minimum \(NumberFormatting.plain(minimum))",
                at: node.location, path: path)
            return nil
        }
        if let exclusiveMinimum, value <= exclusiveMinimum {
            bag.error(
                "\(NumberFormatting.plain(value)) must be greater than \(NumberFormatting.plain(exclusiveMinimum))",
                at: node.location, path: path)
            return nil
        }
        return value
    }

    mutating func number(
        _ object: Object, _ key: String, required: Bool = false, minimum: Double? = nil,
        exclusiveMinimum: Double? = nil
    ) -> Double? {
        guard let node = object[key] else {
            if required { missing(object, key, expected: "a number") }
            return nil
        }
        return number(node, object.path(key), minimum: minimum, exclusiveMinimum: exclusiveMinimum)
    }

    mutating func bool(_ object: Object, _ key: String) -> Bool? {
        guard let node = object[key] else { return nil }
        guard case .bool(let value) = node.value else {
            typeError(node, object.path(key), expected: "true or false")
            return nil
        }
        return value
    }

    mutating func strings(_ object: Object, _ key: String) -> [String] {
        guard let node = object[key], let elements = array(node, object.path(key)) else { return [] }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let text, _) = element.value else {
                typeError(element, "\(object.path(key))[\(index)]", expected: "a string")
                continue
            }
            result.append(text)
        }
        return result
    }

    /// `{low, high}` (both numbers, low ≤ high) or a single number (low = high).
    mutating func numberRange(_ node: JSONNode, _ path: String, minimum: Double? = 0, allowsMode: Bool = false) -> NumberRange? {
        if case .number = node.value {
            return number(node, path, minimum: minimum).map { NumberRange(low: $0, high: $0) }
        }
        let keys = allowsMode ? ["low", "mode", "high"] : ["low", "high"]
        let example = allowsMode ? "a number or {\"low\", \"mode\", \"high\"}" : "a number or {\"low\", \"high\"}"
        guard let object = object(node, path, allowed: keys, what: example) else { return nil }
        guard let low = number(object, "low", required: true, minimum: minimum),
            let high = number(object, "high", required: true, minimum: minimum)
        else { return nil }
        guard low <= high else {
            bag.error(
                "low (\(NumberFormatting.plain(low))) is greater than high (\(NumberFormatting.plain(high)))",
                at: node.location, path: path, hint: "swap them")
            return nil
        }
        let mode = allowsMode ? number(object, "mode", minimum: minimum) : nil
        if let mode, !(mode >= low && mode <= high) {
            bag.error(
                "mode \(NumberFormatting.plain(mode)) is outside [\(NumberFormatting.plain(low)), \(NumberFormatting.plain(high))]",
                at: object["mode"]?.location, path: object.path("mode"), hint: "low ≤ mode ≤ high")
            return nil
        }
        return NumberRange(low: low, high: high, mode: mode)
    }

    /// A number, or an expression string.
    mutating func quantity(_ node: JSONNode, _ path: String) -> Quantity? {
        switch node.value {
        case .number(let value):
            return .number(value, Origin(location: node.location, path: path))
        case .string(let text, let verbatim):
            return .expression(
                ExpressionText(
                    text, origin: Origin(location: node.location.advanced(byColumns: 0), path: path),
                    verbatim: verbatim))
        default:
            typeError(node, path, expected: "a number or an expression string")
            return nil
        }
    }

    /// An expression string.
    mutating func expression(_ node: JSONNode, _ path: String) -> ExpressionText? {
        guard case .string(let text, let verbatim) = node.value else {
            typeError(node, path, expected: "an expression string")
            return nil
        }
        return ExpressionText(text, origin: Origin(location: node.location, path: path), verbatim: verbatim)
    }
}

/// A naming rule for ids and identifiers.
struct NamePattern: CustomStringConvertible, Sendable {
    let what: String
    let example: String
    let first: @Sendable (Unicode.Scalar) -> Bool
    let rest: @Sendable (Unicode.Scalar) -> Bool
    let description: String

    func matches(_ text: String) -> Bool {
        guard let head = text.unicodeScalars.first, first(head) else { return false }
        return text.unicodeScalars.dropFirst().allSatisfy(rest)
    }

    static func lower(_ s: Unicode.Scalar) -> Bool { s >= "a" && s <= "z" }
    static func digit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
    static func letter(_ s: Unicode.Scalar) -> Bool { lower(s) || (s >= "A" && s <= "Z") || s == "_" }

    /// Tier, trigger and scenario ids: `growth`, `tier-2`.
    static let id = NamePattern(
        what: "id", example: "\"growth\"", first: lower,
        rest: { lower($0) || digit($0) || $0 == "-" || $0 == "_" },
        description: "ids start with a lower-case letter and use a-z, 0-9, '-' and '_'")
    /// Identifiers usable in expressions: params, metrics, the driver, limits, queues.
    static let identifier = NamePattern(
        what: "name", example: "\"users\"", first: letter,
        rest: { letter($0) || digit($0) },
        description: "names start with a letter or '_' and use letters, digits and '_' (they are used in expressions)")
    static let currency = NamePattern(
        what: "currency code", example: "\"USD\"",
        first: { $0 >= "A" && $0 <= "Z" }, rest: { $0 >= "A" && $0 <= "Z" },
        description: "use a three-letter ISO 4217 code such as USD, EUR or INR")
    /// Cost categories: `compute`, `ai`.
    static let category = NamePattern(
        what: "category", example: "\"compute\"", first: lower,
        rest: { lower($0) || digit($0) || $0 == "_" },
        description: "categories are lower-case identifiers such as compute, database, cdn, ai, team")
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
