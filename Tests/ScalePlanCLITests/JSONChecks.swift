import Foundation
import Testing

/// Checks of JSON output against Foundation's parser, independent of the project's own
/// `JSONParser` (a second opinion: a bug shared by the writer and our reader cannot hide).

/// Parses `text` with `JSONSerialization`; records an issue with the parser's error when it
/// is not valid JSON.
/// - Returns: the parsed value (`[String: Any]`, `[Any]`, …), or nil after recording the issue.
@discardableResult
func expectValidJSON(
    _ text: String, _ what: @autoclosure () -> String = "output",
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Any? {
    do {
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    } catch {
        let start = text.prefix(200)
        Issue.record(
            "\(what()) is not valid JSON for JSONSerialization: \(error)\n\(start)\(text.count > 200 ? "…" : "")",
            sourceLocation: sourceLocation)
        return nil
    }
}

/// Compares values parsed by `JSONSerialization`: objects by key whatever their order, arrays
/// element by element, numbers by value (1 and 1.0 are equal), booleans apart from numbers.
enum JSONComparison {
    /// Where two parsed values first differ, as a JSON path and both values; nil when equal.
    static func firstDifference(_ expected: Any, _ actual: Any, path: String = "$") -> String? {
        switch (expected, actual) {
        case (let e as [String: Any], let a as [String: Any]):
            for key in e.keys.sorted() {
                guard let value = a[key] else { return "\(path): key \"\(key)\" is missing" }
                if let difference = firstDifference(e[key] ?? NSNull(), value, path: "\(path).\(key)") { return difference }
            }
            if let extra = a.keys.sorted().first(where: { e[$0] == nil }) { return "\(path): unexpected key \"\(extra)\"" }
            return nil
        case (let e as [Any], let a as [Any]):
            for (index, (x, y)) in zip(e, a).enumerated() {
                if let difference = firstDifference(x, y, path: "\(path)[\(index)]") { return difference }
            }
            return e.count == a.count ? nil : "\(path): \(e.count) elements expected, \(a.count) found"
        case (let e as String, let a as String):
            return e == a ? nil : "\(path): expected \(describe(e)), found \(describe(a))"
        case (is NSNull, is NSNull):
            return nil
        case (let e as NSNumber, let a as NSNumber):
            let equal = isBoolean(e) == isBoolean(a) && e.isEqual(a)
            return equal ? nil : "\(path): expected \(describe(e)), found \(describe(a))"
        default:
            return "\(path): expected \(describe(expected)), found \(describe(actual))"
        }
    }

    /// JSONSerialization reads `true` and `false` as NSNumbers of type "c" (char) and other
    /// numbers as "i", "q" or "d"; NSNumber's own equality says `true == 1`.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    private static func describe(_ value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case let number as NSNumber where isBoolean(number): number.boolValue ? "true" : "false"
        case let text as String: "\"\(text)\""
        case is [String: Any]: "an object"
        case is [Any]: "an array"
        default: "\(value)"
        }
    }
}
