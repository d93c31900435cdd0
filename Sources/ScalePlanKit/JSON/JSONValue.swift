/// A JSON value as read from a file, with the place each value starts, so that every later
/// check (types, names, expressions) can point at a line and column.
///
/// Not `indirect`: arrays and objects hold their elements on the heap already; boxing every
/// number and string as well would cost an allocation per value read.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    /// The decoded text, and whether the source spelled it without escapes — then the
    /// columns of the text map one-to-one onto the file (used to place expression errors).
    case string(String, verbatim: Bool)
    case array([JSONNode])
    case object([JSONMember])

    /// The name of the JSON type, for "expected a number, found a string" messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A value and where it starts (for strings, the opening quote).
struct JSONNode: Sendable, Equatable {
    var value: JSONValue
    var location: SourceLocation

    init(_ value: JSONValue, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// One `"key": value` pair; objects keep their members in file order.
struct JSONMember: Sendable, Equatable {
    var key: String
    var keyLocation: SourceLocation
    var value: JSONNode
}
