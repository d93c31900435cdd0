/// A strict RFC 8259 JSON parser that records where every value starts.
///
/// Foundation's `JSONDecoder` reports neither line nor column, and silently keeps the last of
/// two duplicate keys; a hand-edited profile deserves better. This parser rejects duplicate
/// keys, a byte-order mark, invalid UTF-8, non-finite numbers and nesting deeper than
/// `maximumDepth`, and never recurses without bound.
struct JSONParser {
    /// Deeper nesting than this is rejected rather than risking the stack.
    static let maximumDepth = 200

    /// A syntax error: the message and where it is.
    struct SyntaxError: Error, Sendable, Equatable {
        var message: String
        var location: SourceLocation
        var hint: String?
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses one JSON document.
    /// - Parameter bytes: the file's contents.
    /// - Returns: the root value with locations.
    /// - Throws: `SyntaxError` at the first syntax error.
    /// - Complexity: O(*n*) in the size of the input.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw SyntaxError(
                message: "the file starts with a UTF-8 byte-order mark",
                location: parser.here,
                hint: "save the file as UTF-8 without a BOM")
        }
        parser.skipWhitespace()
        let root = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.error(
                "unexpected \(parser.describeCurrent()) after the end of the document",
                hint: "a JSON file holds exactly one value")
        }
        return root
    }

    /// Parses a string's UTF-8 bytes.
    static func parse(_ text: String) throws(SyntaxError) -> JSONNode {
        try parse(Array(text.utf8))
    }

    private var here: SourceLocation { SourceLocation(line: line, column: column, offset: index) }

    private func error(_ message: String, hint: String? = nil) -> SyntaxError {
        SyntaxError(message: message, location: here, hint: hint)
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of file" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x20 || byte == 0x7F { return "control character 0x\(String(byte, radix: 16, uppercase: true))" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    /// Moves past one byte, keeping line and column: columns count scalars, so UTF-8
    /// continuation bytes do not advance them.
    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: advance()
            default: return
            }
        }
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONNode {
        guard index < bytes.count else {
            throw error("unexpected end of file", hint: "expected a value")
        }
        let start = here
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(try parseObject(), at: start)
        case UInt8(ascii: "["): return JSONNode(try parseArray(), at: start)
        case UInt8(ascii: "\""):
            let (text, verbatim) = try parseString()
            return JSONNode(.string(text, verbatim: verbatim), at: start)
        case UInt8(ascii: "t"):
            try expectWord("true")
            return JSONNode(.bool(true), at: start)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return JSONNode(.bool(false), at: start)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return JSONNode(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(.number(try parseNumber()), at: start)
        default:
            let found = describeCurrent()
            var hint = "expected a value: an object, array, string, number, true, false or null"
            if bytes[index] == UInt8(ascii: "'") { hint = "JSON strings use double quotes" }
            if bytes[index] == UInt8(ascii: "/") { hint = "JSON does not allow comments; use a \"$comment\" key" }
            throw error("unexpected \(found)", hint: hint)
        }
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error("nesting is deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        advance()  // {
        var members: [JSONMember] = []
        // Duplicate keys: a look along the members while the object is small (most are), a
        // dictionary from `linearLimit` members on, so a huge object stays linear.
        let linearLimit = 16
        var seen: [String: SourceLocation]? = nil
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            advance()
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                let hint =
                    index < bytes.count && bytes[index] == UInt8(ascii: "}")
                    ? "remove the trailing comma" : "object keys are strings in double quotes"
                throw error("expected a key, found \(describeCurrent())", hint: hint)
            }
            let keyLocation = here
            let (key, _) = try parseString()
            let earlier = seen != nil ? seen?[key] : members.first(where: { $0.key == key })?.keyLocation
            if let first = earlier {
                throw SyntaxError(
                    message: "duplicate key \"\(key)\" (first at line \(first.line), column \(first.column))",
                    location: keyLocation, hint: "each key may appear once in an object")
            }
            if seen != nil {
                seen?[key] = keyLocation
            } else if members.count + 1 == linearLimit {
                seen = Dictionary(uniqueKeysWithValues: members.map { ($0.key, $0.keyLocation) } + [(key, keyLocation)])
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key \"\(key)\", found \(describeCurrent())")
            }
            advance()
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file inside an object", hint: "expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") {
                advance()
            } else if bytes[index] == UInt8(ascii: "}") {
                advance()
                return .object(members)
            } else {
                throw error("expected ',' or '}' after a member, found \(describeCurrent())")
            }
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        advance()  // [
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            advance()
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
                throw error("expected a value, found ']'", hint: "remove the trailing comma")
            }
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file inside an array", hint: "expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") {
                advance()
            } else if bytes[index] == UInt8(ascii: "]") {
                advance()
                return .array(elements)
            } else {
                throw error("expected ',' or ']' after an element, found \(describeCurrent())")
            }
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(SyntaxError) {
        let start = here
        let expected = word.withUTF8Buffer { Array($0) }
        for byte in expected {
            guard index < bytes.count, bytes[index] == byte else {
                throw SyntaxError(
                    message: "invalid literal", location: start,
                    hint: "expected '\(word)'; JSON literals are true, false and null in lower case")
            }
            advance()
        }
    }

    private mutating func parseNumber() throws(SyntaxError) -> Double {
        let start = index
        let startLocation = here
        func digits() -> Int {
            var count = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                advance()
                count += 1
            }
            return count
        }
        if bytes[index] == UInt8(ascii: "-") { advance() }
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits > 0 else { throw error("expected a digit after '-'") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            throw SyntaxError(message: "a number may not have a leading zero", location: startLocation, hint: nil)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            advance()
            guard digits() > 0 else { throw error("expected a digit after the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            advance()
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { advance() }
            guard digits() > 0 else { throw error("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw SyntaxError(
                message: "number \(text) is out of range", location: startLocation,
                hint: "numbers must be finite doubles (magnitude below 1.8e308)")
        }
        return value
    }

    private mutating func parseString() throws(SyntaxError) -> (String, verbatim: Bool) {
        let openQuote = here
        advance()  // "
        var scalars = String.UnicodeScalarView()
        var verbatim = true
        var runStart = index
        // Copies the unescaped run before `index`, validating its UTF-8.
        func flush(_ parser: inout JSONParser) throws(SyntaxError) {
            guard runStart < parser.index else { return }
            guard let text = String(validating: parser.bytes[runStart..<parser.index], as: UTF8.self) else {
                throw SyntaxError(
                    message: "invalid UTF-8 in a string", location: openQuote,
                    hint: "save the file as UTF-8")
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while true {
            guard index < bytes.count else {
                throw SyntaxError(message: "unterminated string", location: openQuote, hint: "add the closing '\"'")
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if verbatim {
                    // No escapes: decode the bytes in one go.
                    guard let text = String(validating: bytes[runStart..<index], as: UTF8.self) else {
                        throw SyntaxError(
                            message: "invalid UTF-8 in a string", location: openQuote,
                            hint: "save the file as UTF-8")
                    }
                    advance()
                    return (text, true)
                }
                try flush(&self)
                advance()
                return (String(scalars), verbatim)
            }
            if byte < 0x20 {
                throw error(
                    byte == 0x0A ? "unterminated string (a newline inside a string)" : "control character in a string",
                    hint: "write it as an escape such as \\n or \\t")
            }
            if byte == UInt8(ascii: "\\") {
                try flush(&self)
                verbatim = false
                let escapeLocation = here
                advance()
                guard index < bytes.count else { throw error("unterminated escape") }
                let escaped = bytes[index]
                advance()
                switch escaped {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try parseHex4(escapeLocation)
                    if (0xD800...0xDBFF).contains(code) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                        else {
                            throw SyntaxError(
                                message: "unpaired UTF-16 surrogate in \\u escape", location: escapeLocation, hint: nil)
                        }
                        advance()
                        advance()
                        let low = try parseHex4(escapeLocation)
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw SyntaxError(
                                message: "unpaired UTF-16 surrogate in \\u escape", location: escapeLocation, hint: nil)
                        }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else {
                        throw SyntaxError(message: "unpaired UTF-16 surrogate in \\u escape", location: escapeLocation, hint: nil)
                    }
                    scalars.append(scalar)
                default:
                    throw SyntaxError(
                        message: "invalid escape in a string", location: escapeLocation,
                        hint: "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
                }
                runStart = index
                continue
            }
            advance()
        }
    }

    private mutating func parseHex4(_ location: SourceLocation) throws(SyntaxError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexValue(bytes[index]) else {
                throw SyntaxError(message: "\\u must be followed by four hex digits", location: location, hint: nil)
            }
            code = code << 4 | digit
            advance()
        }
        return code
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
