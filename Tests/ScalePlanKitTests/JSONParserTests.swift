import Testing

@testable import ScalePlanKit

@Suite struct JSONParserTests {
    @Test func recordsLineAndColumnOfEveryValue() throws {
        let root = try JSONParser.parse("{\n  \"a\": [1, \"x\"],\n  \"b\": {\"c\": true}\n}")
        guard case .object(let members) = root.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].keyLocation == ScalePlanKit.SourceLocation(line: 2, column: 3, offset: 4))
        guard case .array(let elements) = members[0].value.value else {
            Issue.record("not an array")
            return
        }
        #expect(elements[1].location.line == 2)
        #expect(elements[1].location.column == 12)
        #expect(members[1].value.location.column == 8)
    }

    @Test func columnsCountScalarsNotBytes() throws {
        let root = try JSONParser.parse("{\"é€\": 1, \"x\": 2}")
        guard case .object(let members) = root.value else {
            Issue.record("not an object")
            return
        }
        #expect(members[1].keyLocation.column == 11)
    }

    @Test func stringsDecodeEscapesAndMarkVerbatim() throws {
        let root = try JSONParser.parse(#"["a\"b\u00e9\n", "plain", "\ud83d\ude00"]"#)
        guard case .array(let elements) = root.value else {
            Issue.record("not an array")
            return
        }
        #expect(elements[0].value == .string("a\"bé\n", verbatim: false))
        #expect(elements[1].value == .string("plain", verbatim: true))
        #expect(elements[2].value == .string("😀", verbatim: false))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "expected a key", 1, 9),
        ("[1, 2,]", "expected a value, found ']'", 1, 7),
        ("{\"a\" 1}", "expected ':'", 1, 6),
        ("{\"a\": 1 \"b\": 2}", "expected ',' or '}'", 1, 9),
        ("{\"a\": tru}", "invalid literal", 1, 7),
        ("{\"a\": 01}", "leading zero", 1, 7),
        ("{\"a\": 1e999}", "out of range", 1, 7),
        ("{\"a\": \"x", "unterminated string", 1, 7),
        ("{\"a\": 'x'}", "unexpected '''", 1, 7),
        ("{\"a\": 1} 2", "after the end of the document", 1, 10),
        ("{\"a\": 1, \"a\": 2}", "duplicate key \"a\"", 1, 10),
        ("\u{FEFF}{}", "byte-order mark", 1, 1),
        ("", "unexpected end of file", 1, 1),
        ("{\n  \"a\": // x\n}", "unexpected '/'", 2, 8),
        ("{\"a\": \"\\q\"}", "invalid escape", 1, 8),
        ("{\"a\": \"\\ud800\"}", "surrogate", 1, 8),
        ("{\"a\": -}", "expected a digit", 1, 8),
    ])
    func syntaxErrors(text: String, fragment: String, line: Int, column: Int) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("parsed: \(text)")
        } catch {
            #expect(error.message.contains(fragment), "\(error.message)")
            #expect(error.location.line == line && error.location.column == column, "\(error.location)")
        }
    }

    /// Duplicate keys are found whether the object is small (a look along its members) or large
    /// (a dictionary from the 16th member on), at any position, pointing at the second with the
    /// first's place in the message.
    @Test(arguments: [(3, 1), (10, 2), (15, 0), (16, 3), (17, 15), (17, 16), (40, 39), (40, 0), (200, 150)])
    func duplicateKeysInObjectsOfEverySize(members: Int, duplicateOf first: Int) {
        var keys = (0..<members).map { "k\($0)" }
        keys.append("k\(first)")
        let text = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}"
        do {
            _ = try JSONParser.parse(text)
            Issue.record("parsed a duplicate of member \(first) of \(members)")
        } catch {
            // The column of the first one's opening quote (the text is ASCII: a column per byte).
            let quoted = Array("\"k\(first)\":".utf8), bytes = Array(text.utf8)
            let offset = (0...(bytes.count - quoted.count)).first { Array(bytes[$0..<($0 + quoted.count)]) == quoted } ?? -1
            let firstColumn = offset + 1
            #expect(error.message == "duplicate key \"k\(first)\" (first at line 1, column \(firstColumn))", "\(error.message)")
        }
        // The same keys without the duplicate parse, in order.
        let unique = "{" + keys.dropLast().enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}"
        guard case .object(let parsed)? = try? JSONParser.parse(unique).value else {
            Issue.record("did not parse \(members) unique keys")
            return
        }
        #expect(parsed.map(\.key) == Array(keys.dropLast()))
    }

    @Test func invalidUTF8IsAnError() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x5B, 0xC3, 0x5D]) }
    }

    @Test func deepNestingIsRejectedNotCrashing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do {
            _ = try JSONParser.parse(deep)
            Issue.record("parsed")
        } catch {
            #expect(error.message.contains("nesting is deeper than"))
        }
    }
}
