/// A JSON value for output, with members in a fixed order so output is byte-for-byte stable.
///
/// Not `indirect`: the arrays of arrays and objects already hold their elements on the heap, and
/// an indirect enum would box every number and string too (an allocation and a free per value of
/// a document of thousands).
public enum JSONOutput: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Non-finite numbers render as `null` (JSON has no NaN or infinity).
    case number(Double)
    case string(String)
    case array([JSONOutput])
    case object([(String, JSONOutput)])
    /// An array whose elements are made one at a time as it is written, so a long array of
    /// large elements (a projection's months) never exists whole in memory.
    case generated(count: Int, element: @Sendable (Int) -> JSONOutput)

    public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool { lhs.rendered() == rhs.rendered() }

    /// An optional string or null.
    public static func string(_ value: String?) -> JSONOutput { value.map { .string($0) } ?? .null }
    /// The profile as the Monte Carlo and sensitivity outputs name it: id, name, currency, driver.
    static func profile(_ profile: Profile) -> JSONOutput {
        .object([
            ("id", .string(profile.id)), ("name", .string(profile.name)), ("currency", .string(profile.currency)),
            ("driver", .string(profile.driver.name)),
        ])
    }

    /// The schema of `profile(_:)`, for the output schemas that carry it.
    static let profileSchema = #"""
        { "type": "object", "description": "The profile: id, name, currency and the driver's name.", "required": ["id", "name", "currency", "driver"], "additionalProperties": false, "properties": { "id": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$" }, "name": { "type": "string" }, "currency": { "type": "string", "pattern": "^[A-Z]{3}$" }, "driver": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "description": "The driver's name." } } }
        """#

    /// An optional number or null.
    public static func number(_ value: Double?) -> JSONOutput { value.map { .number($0) } ?? .null }

    /// Pretty-printed with two-space indentation; an array of numbers (or other scalars), or of
    /// such arrays, stays on one line: `[12, 15]`, `[[0, 11], [14, 35]]`.
    /// - Complexity: O(size of the output): bytes appended to one buffer (appending to a Swift
    ///   `String` piece by piece costs several times more).
    public func rendered(indent: Int = 0) -> String {
        var out: [UInt8] = []
        // A megabyte of address space up front: only the pages written are ever touched, where
        // growing by doubling copies into fresh pages each time (a page fault per 4 KB).
        out.reserveCapacity(1 << 20)
        write(to: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: Self.append("null", to: &out)
        case .bool(let value): Self.append(value ? "true" : "false", to: &out)
        case .number(let value):
            if value.isFinite {
                NumberFormatting.appendPlain(value, to: &out)
            } else {
                Self.append("null", to: &out)
            }
        case .string(let value): Self.quote(value, into: &out)
        case .array(let elements):
            Self.writeArray(count: elements.count, to: &out, indent: indent, inline: elements.allSatisfy(\.isInline)) {
                elements[$0]
            }
        case .generated(let count, let element):
            Self.writeArray(count: count, to: &out, indent: indent, inline: false, element)
        case .object(let members):
            if members.isEmpty {
                Self.append("{}", to: &out)
                return
            }
            Self.append("{\n", to: &out)
            for (index, member) in members.enumerated() {
                Self.pad(&out, indent + 1)
                Self.quote(member.0, into: &out)
                Self.append(": ", to: &out)
                member.1.write(to: &out, indent: indent + 1)
                Self.append(index + 1 < members.count ? ",\n" : "\n", to: &out)
            }
            Self.pad(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private var isScalar: Bool {
        switch self {
        case .number, .null, .bool: true
        default: false
        }
    }

    /// A scalar, or an array of scalars.
    private var isInline: Bool {
        if case .array(let elements) = self { return elements.allSatisfy(\.isScalar) }
        return isScalar
    }

    private static func writeArray(
        count: Int, to out: inout [UInt8], indent: Int, inline: Bool,
        _ element: (Int) -> JSONOutput
    ) {
        if count == 0 {
            append("[]", to: &out)
            return
        }
        if inline {
            out.append(UInt8(ascii: "["))
            for index in 0..<count {
                if index > 0 { append(", ", to: &out) }
                element(index).write(to: &out, indent: indent + 1)
            }
            out.append(UInt8(ascii: "]"))
            return
        }
        append("[\n", to: &out)
        for index in 0..<count {
            pad(&out, indent + 1)
            element(index).write(to: &out, indent: indent + 1)
            append(index + 1 < count ? ",\n" : "\n", to: &out)
        }
        pad(&out, indent)
        out.append(UInt8(ascii: "]"))
    }

    /// Appends a literal's bytes (from the binary's constant data, as one copy).
    @inline(__always)
    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private static func pad(_ out: inout [UInt8], _ indent: Int) {
        // A slice of a buffer of spaces appends as one copy (a repeated element byte by byte).
        if 2 * indent <= spaces.count {
            out.append(contentsOf: spaces[0..<(2 * indent)])
        } else {
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
        }
    }

    /// Whether a string has a byte that `quote` must look at scalar by scalar.
    private static func needsEscaping(_ text: String) -> Bool {
        // 0xC2 leads the C1 controls, 0xE2 U+2028, U+2029 and the bidirectional controls.
        @inline(__always) func special(_ byte: UInt8) -> Bool {
            byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2
        }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where special(byte) { return true }
            return false
        } ?? text.utf8.contains(where: special)
    }

    static func quote(_ text: String) -> String {
        var out: [UInt8] = []
        quote(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, U+2028 /
    /// U+2029 too (JavaScript treats them as line ends), and DEL, C1 controls and bidirectional
    /// overrides (`TextSafety.isControl`), so JSON printed to a terminal cannot drive it.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escaping: copy their bytes whole.
        if !needsEscaping(text) {
            out.append(utf8Of: text)
            out.append(UInt8(ascii: "\""))
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: "\\\"".utf8)
            case "\\": out.append(contentsOf: "\\\\".utf8)
            case "\n": out.append(contentsOf: "\\n".utf8)
            case "\r": out.append(contentsOf: "\\r".utf8)
            case "\t": out.append(contentsOf: "\\t".utf8)
            case "\u{2028}": out.append(contentsOf: "\\u2028".utf8)
            case "\u{2029}": out.append(contentsOf: "\\u2029".utf8)
            default:
                if TextSafety.isControl(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else {
                    out.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
