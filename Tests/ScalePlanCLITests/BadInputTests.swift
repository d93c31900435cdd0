import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

// Issue 6, "no input crashes it, nothing is lost, nothing injects": bad inputs of every kind
// (extending BadProfileTests' 36 profile cases, none repeated), output safety, atomic writes,
// determinism, and the regressions the fuzzers (Tests/Fuzz/) found.

/// Tests/Fixtures/bad-inputs: files that are awkward to write inline (binary, encodings).
let badInputFixtures = repositoryRoot + "/Tests/Fixtures/bad-inputs"

/// The contents of a file a case needs.
enum FileContent: Sendable {
    case text(String)
    case bytes([UInt8])
    /// `count` zero bytes, made when the case runs (a 50 MB file is not kept in memory).
    case zeros(count: Int)
}

/// One bad input: files written to a fresh folder, a command line, the status it must end
/// with and what stderr must say — the place (`file:line:column`, a JSON path or the option)
/// and the message. In arguments and expectations `$D` is the folder and `$F` the fixtures.
struct BadInput: CustomTestStringConvertible, Sendable {
    var name: String
    var files: [String: FileContent] = [:]
    var arguments: [String]
    var status: Int32 = 65
    var expected: [String]

    var testDescription: String { name }

    /// `validate` on a file `bad.json` holding `text`.
    static func profile(_ name: String, _ text: String, _ expected: String...) -> BadInput {
        BadInput(
            name: name, files: ["bad.json": .text(text)], arguments: ["validate", "$D/bad.json"],
            expected: expected.map { "$D/bad.json:" + $0 })
    }

    /// `validate` on `tinyProfile` with one edit; the error must point at the first `anchor` in
    /// the edited text (plus `offset` columns), computed independently of the parser.
    static func edit(
        _ name: String, _ replace: String, _ with: String, _ message: String, at anchor: String? = nil,
        offset: Int = 0, hint: String? = nil
    ) -> BadInput {
        let bad = BadCase(name: name, replace: replace, with: with, message: message, anchor: anchor, offset: offset)
        var expected = [
            bad.expectedLocation.map { "$D/bad.json:\($0.line):\($0.column): error: \(message)" }
                ?? "$D/bad.json: error: \(message)"
        ]
        if !tinyProfile.contains(replace) { expected.append("the edit does not apply: \(replace)") }
        if let hint { expected.append(hint) }
        return BadInput(
            name: name, files: ["bad.json": .text(bad.text)], arguments: ["validate", "$D/bad.json"],
            expected: expected)
    }

    /// `validate` on `tinyProfile` cut where `marker` starts (plus `extra` characters): the
    /// error is at the end of what is left.
    static func truncated(_ name: String, before marker: String, extra: Int = 0, _ message: String) -> BadInput {
        let end =
            tinyProfile.range(of: marker).map { tinyProfile.index($0.lowerBound, offsetBy: extra) }
            ?? tinyProfile.endIndex
        let text = String(tinyProfile[..<end])
        let line = text.count { $0 == "\n" } + 1
        let column = (text.split(separator: "\n", omittingEmptySubsequences: false).last?.unicodeScalars.count ?? 0) + 1
        return profile(name, text, "\(line):\(column): error: \(message)")
    }

    /// `validate` on a file of Tests/Fixtures/bad-inputs/profiles.
    static func fixture(_ name: String, _ file: String, _ expected: String) -> BadInput {
        BadInput(name: name, arguments: ["validate", "$F/profiles/" + file], expected: ["$F/profiles/\(file)" + expected])
    }

    /// `simulate sayar --growth-csv` on a file of Tests/Fixtures/bad-inputs/growth.
    static func growth(_ name: String, _ file: String, _ expected: String...) -> BadInput {
        BadInput(
            name: name, arguments: ["simulate", "sayar", "--growth-csv", "$F/growth/" + file],
            expected: expected.map { "$F/growth/\(file)" + $0 })
    }

    /// `check sayar --observed` on a file of Tests/Fixtures/bad-inputs/observed.
    static func observed(_ name: String, _ file: String, _ expected: String) -> BadInput {
        BadInput(
            name: name, arguments: ["check", "sayar", "--observed", "$F/observed/" + file],
            expected: ["$F/observed/\(file)" + expected])
    }

    /// `check sayar --observed` on a file with these bytes, written as `file`.
    static func observedBytes(_ name: String, _ file: String, _ bytes: [UInt8], _ expected: String) -> BadInput {
        BadInput(
            name: name, files: [file: .bytes(bytes)], arguments: ["check", "sayar", "--observed", "$D/" + file],
            expected: ["$D/\(file)" + expected])
    }

    /// A usage error (64): the message names the option or argument.
    static func usage(_ name: String, _ arguments: [String], _ message: String) -> BadInput {
        BadInput(name: name, arguments: arguments, status: 64, expected: ["Error: " + message, "Usage: scaleplan"])
    }
}

/// A scenario reading its growth from a CSV file next to the profile.
let csvScenarioProfile = tinyProfile.replacingOccurrences(
    of: "{ \"kind\": \"exponential\", \"start\": 100, \"rate\": 0.1 }", with: "{ \"kind\": \"csv\", \"file\": \"growth.csv\" }")

let badInputCases: [BadInput] = [
    // Malformed JSON, at every nesting level.
    .profile("empty file", "", "1:1: error: unexpected end of file"),
    .profile("only whitespace", "  \n\n ", "3:2: error: unexpected end of file"),
    .truncated("truncated at the top level", before: "\"currency\"", "expected a key, found end of file"),
    .truncated("truncated inside the driver (level 2)", before: "\"unit\": \"user\"", "expected a key, found end of file"),
    .truncated("truncated inside a tier's capacity (level 4)", before: "\"peak_rps\": 5", "expected a key, found end of file"),
    .truncated(
        "truncated inside a cost range (level 6)", before: "\"low\": 50", extra: 8,
        "unexpected end of file inside an object"),
    .truncated(
        "truncated after a key in a scenario's growth (level 4)", before: "\"rate\": 0.1", extra: 7,
        "unexpected end of file"),
    .edit(
        "missing colon in a trigger (level 5)", "\"action\": \"Plan the move\"", "\"action\" \"Plan the move\"",
        "expected ':' after the key \"action\", found '\"'", at: "\"Plan the move\""),
    .edit(
        "missing comma in a range (level 4)", "\"min\": 0, \"max\": 1000", "\"min\": 0 \"max\": 1000",
        "expected ',' or '}' after a member, found '\"'", at: "\"max\": 1000"),
    .edit(
        "unterminated string in a trigger", "\"Plan the move\"", "\"Plan the move",
        "expected ',' or '}' after a member, found 't'", at: "target\": \"large\""),
    .edit(
        "single-quoted string", "\"Tiny\"", "'Tiny'", "unexpected '''", at: "'Tiny'",
        hint: "JSON strings use double quotes"),
    .edit("a comment", "\"version\": 1,", "\"version\": 1, // the first\n", "expected a key, found '/'", at: "// the"),
    .edit(
        "trailing comma in an array (level 3)", "\"amount\": 5 } ]", "\"amount\": 5 }, ]",
        "expected a value, found ']'", at: ", ]", offset: 2, hint: "remove the trailing comma"),
    .edit("unquoted key", "\"currency\": \"USD\"", "currency: \"USD\"", "expected a key, found 'c'", at: "currency:"),
    .profile(
        "a second document after the first", tinyProfile + "\n{}",
        "\(tinyProfile.count { $0 == "\n" } + 2):1: error: unexpected '{' after the end of the document"),
    .profile("a top-level array", "[" + tinyProfile + "]", "1:1: error: expected a profile object, found an array (at $)"),
    .profile("a top-level number", "42", "1:1: error: expected a profile object, found a number (at $)"),
    .edit("a literal in capitals", "\"default\": true", "\"default\": True", "unexpected 'T'", at: "True"),
    .edit(
        "a number with a leading zero", "\"max\": 1000", "\"max\": 01000", "a number may not have a leading zero",
        at: "01000"),
    .edit("an invalid escape", "\"Tiny\"", "\"Ti\\xny\"", "invalid escape in a string", at: "\\x"),
    .edit(
        "a lone UTF-16 surrogate", "\"Tiny\"", "\"Ti\\ud800ny\"", "unpaired UTF-16 surrogate in \\u escape",
        at: "\\ud800"),
    .edit("a raw tab inside a string", "\"Tiny\"", "\"Ti\tny\"", "control character in a string", at: "\t"),
    .fixture("arrays nested 10,000 deep", "deep-arrays.json", ":1:212: error: nesting is deeper than 200 levels"),
    .edit(
        "a duplicate key inside a tier (level 3)", "\"name\": \"Small\",", "\"name\": \"Small\", \"name\": \"Tiny\",",
        "duplicate key \"name\" (first at line 10, column 22)", at: "\"name\": \"Tiny\", \"range\""),

    // Ids and names that a spreadsheet would run as a formula cannot get into a CSV cell.
    .edit(
        "a profile id that starts like a formula", "\"id\": \"tiny\"", "\"id\": \"=cmd\"",
        "\"=cmd\" is not a valid id (at $.id)", at: "\"=cmd\""),
    .edit(
        "a tier id that starts with @", "\"id\": \"small\"", "\"id\": \"@small\"",
        "\"@small\" is not a valid id (at $.tiers[0].id)", at: "\"@small\""),
    .edit(
        "a trigger id that starts with -", "{ \"when\"", "{ \"id\": \"-x\", \"when\"",
        "\"-x\" is not a valid id (at $.tiers[0].triggers[0].id)", at: "\"-x\""),
    .edit(
        "a metric name that starts with +", "\"peak_rps\": \"users * rps_per_user\"",
        "\"peak_rps\": \"users * rps_per_user\", \"+x\": \"1\"", "'+x' is not a valid metric name", at: "\"+x\""),
    .edit(
        "a cost category that starts with =", "\"category\": \"compute\", \"amount\": 5",
        "\"category\": \"=compute\", \"amount\": 5", "\"=compute\" is not a valid category", at: "\"=compute\""),

    // Wrong types.
    .edit(
        "a range minimum that is a string", "\"min\": 0,", "\"min\": \"0\",",
        "expected a number, found a string (at $.tiers[0].range.min)", at: "\"0\""),
    .edit(
        "a limit that is a boolean", "\"peak_rps\": 5", "\"peak_rps\": true",
        "expected a number or an expression string, found a boolean (at $.tiers[0].capacity.peak_rps)", at: "true"),
    .edit(
        "costs that are a number", "[ { \"item\": \"Server\", \"category\": \"compute\", \"amount\": 5 } ]", "5",
        "expected an array, found a number (at $.tiers[0].costs)", at: "\"costs\": 5", offset: 9),
    .edit(
        "a param that is an array", "\"rps_per_user\": 0.01", "\"rps_per_user\": [0.01]",
        "expected a number or an object such as {\"low\": 1, \"mode\": 2, \"high\": 3}, found an array (at $.params.rps_per_user)",
        at: "[0.01]"),
    .edit(
        "a trigger that is a string", "{ \"when\": \"users >= 800\", \"action\": \"Plan the move\", \"target\": \"large\" }",
        "\"users >= 800\"", "expected an object, found a string (at $.tiers[0].triggers[0])", at: "\"users >= 800\""),
    .edit(
        "a note that is a number", "\"version\": 1,", "\"version\": 1, \"notes\": [\"ok\", 7],",
        "expected a string, found a number (at $.notes[1])", at: "7]"),
    .edit(
        "a scenario horizon that is a string", "\"default\": true,", "\"default\": true, \"months\": \"24\",",
        "expected a number, found a string (at $.scenarios[0].months)", at: "\"24\""),
    .edit(
        "tiers that are an object", "\"tiers\": [", "\"tiers\": { \"small\": 1 }, \"$tiers\": [",
        "expected an array, found an object (at $.tiers)", at: "{ \"small\""),

    // Missing and unknown fields.
    .edit("no tiers", "\"tiers\": [", "\"$tiers\": [", "missing required key \"tiers\" (at $)", at: "{"),
    .edit("no scenarios", "\"scenarios\": [", "\"$scenarios\": [", "missing required key \"scenarios\" (at $)", at: "{"),
    .edit("no driver", "\"driver\": {", "\"$driver\": {", "missing required key \"driver\" (at $)", at: "{"),
    .edit(
        "a tier without an id", "{ \"id\": \"small\", ", "{ ", "missing required key \"id\" (at $.tiers[0])",
        at: "{ \"name\": \"Small\""),
    .edit(
        "a cost without an amount", "\"category\": \"compute\", \"amount\": 5", "\"category\": \"compute\"",
        "missing required key \"amount\" (at $.tiers[0].costs[0])", at: "{ \"item\": \"Server\""),
    .edit(
        "a trigger without an action", ", \"action\": \"Plan the move\"", "",
        "missing required key \"action\" (at $.tiers[0].triggers[0])", at: "{ \"when\""),
    .edit(
        "a misspelt key in a cost", "\"amount\": 5", "\"amout\": 5",
        "unknown key \"amout\" (at $.tiers[0].costs[0].amout)", at: "\"amout\"", hint: "did you mean 'amount'?"),
    .edit(
        "a misspelt key in a range", "\"max\": 1000", "\"mx\": 1000", "unknown key \"mx\" (at $.tiers[0].range.mx)",
        at: "\"mx\"", hint: "did you mean 'max'?"),
    .edit(
        "a misspelt key in a queue", "\"capacity\": { \"peak_rps\": 5 },",
        "\"capacity\": { \"peak_rps\": 5 }, \"queues\": { \"api\": { \"servers\": 2, \"service_ms\": 40, \"arival\": \"peak_rps\" } },",
        "unknown key \"arival\" (at $.tiers[0].queues.api.arival)", at: "\"arival\"", hint: "did you mean 'arrival'?"),
    .edit(
        "a tier with neither id nor range", "\"id\": \"large\", \"name\": \"Large\", \"range\": { \"min\": 1000 },",
        "\"name\": \"Large\",", "missing required key \"range\" (at $.tiers[1])", at: "{ \"name\": \"Large\""),

    // Negative, NaN, infinite and huge numbers.
    .edit("a negative range minimum", "\"min\": 0,", "\"min\": -5,", "-5 is below the minimum 0", at: "-5"),
    .edit(
        "version 1e300 (trapped converting to Int)", "\"version\": 1", "\"version\": 1e300",
        "unsupported profile version 1e+300 (at $.version)", at: "1e300"),
    .edit(
        "version -1e300", "\"version\": 1", "\"version\": -1e300", "unsupported profile version -1e+300 (at $.version)",
        at: "-1e300"),
    .edit("a fractional version", "\"version\": 1", "\"version\": 1.5", "unsupported profile version 1.5", at: "1.5"),
    .edit("a number beyond a double", "\"max\": 1000", "\"max\": 1e309", "number 1e309 is out of range", at: "1e309"),
    .edit("NaN", "\"max\": 1000", "\"max\": NaN", "unexpected 'N'", at: "NaN"),
    .edit("Infinity", "\"max\": 1000", "\"max\": Infinity", "unexpected 'I'", at: "Infinity"),
    .edit("-Infinity", "\"max\": 1000", "\"max\": -Infinity", "expected a digit after '-'", at: "Infinity"),
    .edit(
        "a horizon of 1e308 months", "\"default\": true,", "\"default\": true, \"months\": 1e308,",
        "months must be a whole number from 1 to 1200 (at $.scenarios[0].months)", at: "1e308"),
    .edit(
        "a hire count of 1e300", "\"capacity\": { \"peak_rps\": 5 },",
        "\"capacity\": { \"peak_rps\": 5 }, \"team\": { \"hires\": [ { \"role\": \"Ops\", \"at\": 10, \"count\": 1e300 } ] },",
        "count must be a whole number (at $.tiers[0].team.hires[0].count)", at: "1e300"),
    .edit(
        "an uptime of 1e308 percent", "\"capacity\": { \"peak_rps\": 5 },",
        "\"capacity\": { \"peak_rps\": 5 }, \"slo\": { \"uptime_pct\": 1e308 },",
        "uptime_pct is a percentage and cannot exceed 100", at: "1e308"),
    .edit(
        "a negative exchange rate", "\"currency\": \"USD\",", "\"currency\": \"USD\", \"fx\": { \"INR\": -0.012 },",
        "-0.012 must be greater than 0 (at $.fx.INR)", at: "-0.012"),
    .edit(
        "a growth rate below -100%", "\"rate\": 0.1", "\"rate\": -2",
        "exponential needs a monthly rate greater than -1 (-100%) (at $.scenarios[0].growth.rate)", at: "-2 }"),
    .edit(
        "a negative growth point", "{ \"kind\": \"exponential\", \"start\": 100, \"rate\": 0.1 }",
        "{ \"kind\": \"points\", \"points\": [[0, 100], [6, -5]] }",
        "months must be ≥ 0 and values > 0 (growth between points is geometric)", at: "[6, -5]"),
    .edit(
        "an infinite number in an expression", "\"peak_rps\": 5", "\"peak_rps\": \"1e400 * users\"",
        "in limit on 'peak_rps': number '1e400' is out of range", at: "1e400"),
    .edit(
        "a limit that is NaN", "\"peak_rps\": 5", "\"peak_rps\": \"0 / 0\"",
        "limit on 'peak_rps' must be positive, not NaN", at: "\"peak_rps\": \"0 / 0\""),

    // Tier lists and ranges (BadProfileTests has the empty list, an overlap, a gap, an
    // inversion and an unreachable last tier).
    .edit(
        "an empty range", "\"min\": 0, \"max\": 1000", "\"min\": 0, \"max\": 0",
        "tier 'small' has an empty range (min = max)", at: "{ \"id\": \"small\""),
    .edit(
        "an inverted timeline", "\"capacity\": { \"peak_rps\": 5 },",
        "\"capacity\": { \"peak_rps\": 5 }, \"timeline\": { \"start\": 6, \"end\": 2 },",
        "timeline ends (month 2) before it starts (month 6)", at: "2 }"),
    .edit(
        "an open-ended middle tier makes the next unreachable",
        "{ \"id\": \"large\", \"name\": \"Large\", \"range\": { \"min\": 1000 },",
        "{ \"id\": \"mid\", \"name\": \"Mid\", \"range\": { \"min\": 1000 } },\n    { \"id\": \"large\", \"name\": \"Large\", \"range\": { \"min\": 2000 },",
        "tier 'mid' is open-ended (no max), so tier 'large' after it is unreachable", at: "{ \"id\": \"mid\""),

    // Undefined and cyclic metrics.
    .edit(
        "an undefined metric", "\"users * rps_per_user\"", "\"users * rps_per_user + queue_depth\"",
        "in metric 'peak_rps': unknown name 'queue_depth'", at: "queue_depth"),
    .edit(
        "a metric that reads itself", "\"users * rps_per_user\"", "\"peak_rps + 1\"",
        "metric cycle: peak_rps → peak_rps", at: "\"peak_rps\": \"peak_rps"),
    .edit(
        "a three-metric cycle", "\"peak_rps\": \"users * rps_per_user\"",
        "\"peak_rps\": \"a + 1\", \"a\": \"b * 2\", \"b\": \"peak_rps / 2\"", "metric cycle: peak_rps → a → b → peak_rps",
        at: "\"peak_rps\": \"a"),
    .edit(
        "a metric named like the driver", "\"peak_rps\": \"users * rps_per_user\"",
        "\"peak_rps\": \"users * rps_per_user\", \"users\": \"2\"", "'users' is already defined as the driver",
        at: "\"users\": \"2\""),
    .edit(
        "a metric name with an invisible character", "\"peak_rps\": \"users * rps_per_user\"",
        "\"peak\u{200B}rps\": \"users * rps_per_user\"", "'peak\u{200B}rps' is not a valid metric name", at: "\"peak\u{200B}rps\""
    ),

    // Expression syntax.
    .edit(
        "an unbalanced parenthesis", "\"users * rps_per_user\"", "\"(users * rps_per_user\"",
        "in metric 'peak_rps': expected ')' to close the '(' at column 1", at: "(users", offset: 21),
    .edit(
        "'=' for '=='", "\"users >= 800\"", "\"users = 800\"", "in trigger 'small-1': unexpected character '='",
        at: "= 800", hint: "use '==' to compare"),
    .edit(
        "a chained comparison", "\"users >= 800\"", "\"1 < users < 800\"", "in trigger 'small-1': comparisons cannot be chained",
        at: "< 800"),
    .edit(
        "a number running into a name", "\"users * rps_per_user\"", "\"2users * rps_per_user\"",
        "in metric 'peak_rps': a number cannot run into a name: '2u'", at: "2users"),
    .edit(
        "an empty expression", "\"users * rps_per_user\"", "\"\"", "in metric 'peak_rps': empty expression",
        at: "\"\" }", offset: 1),
    .edit(
        "if with two arguments", "\"users * rps_per_user\"", "\"if(users > 1, 2)\"",
        "in metric 'peak_rps': if takes 3 arguments, not 2",
        at: "if("),
    .edit(
        "min with 65 arguments", "\"users * rps_per_user\"",
        "\"min(" + Array(repeating: "users", count: 65).joined(separator: ", ") + ")\"",
        "in metric 'peak_rps': min takes 1 to 64 arguments, not 65", at: "min("),
    .fixture(
        "an expression nested 10,000 deep", "deep-expression.json",
        ":8:1028: error: in metric 'peak_rps': expression is too long (20001 tokens; at most 999)"),
    .edit(
        "an expression nested 100 deep", "\"users * rps_per_user\"",
        "\"" + String(repeating: "(", count: 100) + "users" + String(repeating: ")", count: 100) + "\"",
        "in metric 'peak_rps': expression is nested more than 64 levels deep", at: "\"(((", offset: 65),
    .edit(
        "500 unary minuses", "\"users * rps_per_user\"", "\"" + String(repeating: "-", count: 500) + "users\"",
        "in metric 'peak_rps': expression is nested more than 64 levels deep", at: "\"---", offset: 65),
    .edit(
        "300 nots", "\"users >= 800\"", "\"" + String(repeating: "not ", count: 300) + "true\"",
        "in trigger 'small-1': expression is nested more than 64 levels deep", at: "\"not", offset: 1 + 64 * 4),
    .edit(
        "a 1,000-term sum", "\"users * rps_per_user\"",
        "\"" + Array(repeating: "1", count: 1000).joined(separator: " + ") + "\"",
        "in metric 'peak_rps': expression is too long (1999 tokens; at most 999)", at: "\"1 +", offset: 1999),
    .edit(
        "a unary plus", "\"users * rps_per_user\"", "\"+users\"", "in metric 'peak_rps': unary '+' is not supported", at: "+users"
    ),
    .edit("'!' for 'not'", "\"users >= 800\"", "\"!(users < 800)\"", "in trigger 'small-1': unexpected character '!'", at: "!("),
    .edit(
        "a condition where a quantity belongs", "\"users * rps_per_user\"", "\"users > 5\"",
        "in metric 'peak_rps': expected a quantity, but this is a condition", at: "users > 5"),

    // Files: size, binary junk, encodings.
    BadInput(
        name: "a 50 MB file", files: ["bad.json": .zeros(count: 50 << 20)], arguments: ["validate", "$D/bad.json"],
        expected: ["$D/bad.json: error: file is larger than 8 MiB"]),
    .fixture("binary junk", "binary-junk.bin", ":1:1: error: unexpected control character 0x0"),
    .fixture("a UTF-8 byte-order mark", "bom.json", ":1:1: error: the file starts with a UTF-8 byte-order mark"),
    .fixture("UTF-16", "utf16.json", ":1:1: error: unexpected byte 0xFF"),
    .fixture("invalid UTF-8 in a string", "invalid-utf8-in-string.json", ":4:11: error: invalid UTF-8 in a string"),
    .fixture(
        "invalid UTF-8 between values", "invalid-utf8-outside-string.json",
        ":2:17: error: expected a key, found byte 0xC3"),
    .fixture("a truncated file", "truncated.json", ":12:7: error: expected a key, found end of file"),
    .fixture("escape sequences in a key", "escape-injection.json", ":4:48: error: unknown key \"colour[31m\""),
    BadInput(
        name: "a folder given as a profile", arguments: ["validate", "$D"], status: 66,
        expected: ["Error: cannot read '$D': is a directory"]),
    BadInput(
        name: "a missing profile", arguments: ["simulate", "$D/missing/plan.json"], status: 66,
        expected: ["Error: cannot read '$D/missing/plan.json': no such file or directory"]),
    BadInput(
        name: "a file used as a folder", arguments: ["capacity", "$F/profiles/bom.json/plan.json"], status: 66,
        expected: ["Error: cannot read '$F/profiles/bom.json/plan.json': a parent is not a directory"]),

    // Growth CSVs: bad, missing or non-numeric rows.
    .growth("a non-numeric month", "non-numeric-month.csv", ":3:1: error: month 'three' is not a number ≥ 0"),
    .growth("three columns", "three-columns.csv", ":2:1: error: expected 2 columns (month,value), found 3"),
    .growth("one column", "one-column.csv", ":2:1: error: expected 2 columns (month,value), found 1"),
    .growth("a negative value", "negative-value.csv", ":2:3: error: value '-5' is not a number ≥ 0"),
    .growth("months that go back", "months-decrease.csv", ":3:1: error: months must increase: 3 follows 6"),
    .growth("a header and no rows", "header-only.csv", ": error: no month,value rows found"),
    .growth("an empty CSV", "empty.csv", ": error: no month,value rows found"),
    .growth(
        "NaN, infinity and 1e400", "not-finite.csv", ":2:3: error: value 'nan' is not a number ≥ 0",
        ":3:3: error: value 'inf' is not a number ≥ 0", ":4:3: error: value '1e400' is not a number ≥ 0"),
    .growth("invalid UTF-8 in a CSV", "invalid-utf8.csv", ": error: the file is not valid UTF-8"),
    .growth("binary junk as a CSV", "binary-junk.csv", ": error: the file is not valid UTF-8"),
    BadInput(
        name: "a scenario's CSV is missing", files: ["plan.json": .text(csvScenarioProfile)],
        arguments: ["simulate", "$D/plan.json"], status: 66,
        expected: ["Error: cannot read '$D/growth.csv': no such file or directory"]),
    BadInput(
        name: "a scenario's CSV has a bad row",
        files: ["plan.json": .text(csvScenarioProfile), "growth.csv": .text("month,value\n0,100\n1,x\n")],
        arguments: ["simulate", "$D/plan.json"], expected: ["$D/growth.csv:3:3: error: value 'x' is not a number ≥ 0"]),

    // Observed values for check.
    .observed("a JSON array of observations", "array.json", ":1:1: error: expected an object of name → number"),
    .observed("truncated observations", "truncated.json", ":2:10: error: unterminated string (a newline inside a string)"),
    .observed("a row without a value", "missing-value.csv", ":2:1: error: expected 2 columns (name,value), found 1"),
    .observed(
        "a string where a number belongs", "string-value.json",
        ":2:24: error: \"api_requests_month\" must be a number, found a string (at $.api_requests_month)"),

    .observedBytes(
        "a negative driver (CSV)", "o.csv", Array("businesses,-5\n".utf8),
        ":1:12: error: the driver 'businesses' cannot be negative (-5)"),
    .observedBytes(
        "a negative driver (JSON)", "o.json", Array(#"{"businesses": -5}"#.utf8),
        ":1:16: error: the driver 'businesses' cannot be negative (-5) (at $.businesses)"),
    .observedBytes(
        "a name given twice (CSV)", "o.csv", Array("businesses,48\nbusinesses,50\n".utf8),
        ":2:1: error: 'businesses' is given twice (first on line 1)"),
    .observedBytes(
        "a name given twice (JSON)", "o.json", Array(#"{"businesses": 48, "businesses": 50}"#.utf8),
        ":1:20: error: duplicate key \"businesses\""),
    .observedBytes(
        "a byte-order mark (JSON)", "o.json", [0xEF, 0xBB, 0xBF] + Array(#"{"businesses": 48}"#.utf8),
        ":1:1: error: the file starts with a UTF-8 byte-order mark"),
    .observedBytes(
        "a byte-order mark (CSV)", "o.csv", [0xEF, 0xBB, 0xBF] + Array("businesses,48\n".utf8),
        ":1:1: error: the file starts with a UTF-8 byte-order mark"),
    .observedBytes(
        "a hexadecimal value", "o.csv", Array("businesses,0x10\n".utf8),
        ":1:12: error: value '0x10' for businesses is not a number"),
    .observedBytes(
        "an infinite value", "o.csv", Array("businesses,inf\n".utf8), ":1:12: error: value 'inf' for businesses is not a number"),
    .observedBytes(
        "a bad first row is not a header", "o.csv", Array("api_requests_month,lots\nbusinesses,48\n".utf8),
        ":1:20: error: value 'lots' for api_requests_month is not a number"),
    .observedBytes(
        "a misspelt driver gets a did-you-mean", "o.csv", Array("busineses,48\n".utf8),
        ":1:1: error: 'busineses' is not a name in profile 'sayar'"),
    .observedBytes(
        "CR-only line ends keep their line numbers", "o.csv", Array("businesses,48\rapi_requests_month,lots\r".utf8),
        ":2:20: error: value 'lots' for api_requests_month is not a number"),

    // Bad command lines (exit 64; CommandOutputTests, SimulateCommandTests and MonteCarloCommandTests have others).
    .usage("an unknown root option", ["--verison"], "Unknown option '--verison'. Did you mean '--version'?"),
    .usage("a misspelt option", ["simulate", "sayar", "--month", "3"], "Unknown option '--month'. Did you mean '--months'?"),
    .usage("an option without its value", ["simulate", "sayar", "--months"], "Missing value for '--months <n>'\n"),
    .usage(
        "1201 months", ["simulate", "sayar", "--months", "1201"],
        "The value '1201' is invalid for '--months <n>': expected a whole number from 1 to 1200."),
    .usage("negative months", ["simulate", "sayar", "--months", "-5"], "The value '-5' is invalid for '--months <n>'"),
    .usage("months in exponent form", ["simulate", "sayar", "--months", "1e3"], "The value '1e3' is invalid for '--months <n>'"),
    .usage(
        "an unknown format", ["capacity", "sayar", "--format", "xml"],
        "The value 'xml' is invalid for '--format <format>'. Choose from: table, json, csv, markdown."),
    .usage(
        "too many trials", ["simulate", "sayar", "--trials", "10000001"],
        "The value '10000001' is invalid for '--trials <n>': expected a whole number from 1 to 10,000,000."),
    .usage(
        "a seed beyond 64 bits", ["simulate", "sayar", "--trials", "10", "--seed", "18446744073709551616"],
        "The value '18446744073709551616' is invalid for '--seed <s>'"),
    .usage(
        "257 threads", ["simulate", "sayar", "--trials", "10", "--threads", "257"],
        "The value '257' is invalid for '--threads <n>': expected a whole number from 1 to 256."),
    .usage("year zero", ["simulate", "sayar", "--start", "0000-01"], "The value '0000-01' is invalid for '--start <YYYY-MM>'"),
    .usage(
        "an infinite growth start", ["simulate", "sayar", "--growth", "exponential:start=1e999,rate=0.1"],
        "Expected key=number in '--growth exponential:start=1e999,rate=0.1', found 'start=1e999'."),
    .usage("points without pairs", ["simulate", "sayar", "--growth", "points:"], "points needs at least one month=value pair."),
    .usage(
        "a point at an infinite month", ["simulate", "sayar", "--growth", "points:inf=5"],
        "points takes month=value pairs with month ≥ 0 and value ≥ 0"),
    .usage(
        "a rate of -100%", ["simulate", "sayar", "--growth", "exponential:start=5,rate=-1"],
        "exponential needs a monthly rate greater than -1 (-100%)."),
    .usage(
        "a flag given a value", ["validate", "--quiet=yes", "x.json"],
        "The option '--quiet' does not take any value, but 'yes' was specified."),
    .usage("an unknown letter among combined short flags", ["simulate", "-qx", "sayar"], "Unknown option '-x' in '-qx'\n"),
    .usage(
        "an unknown shell", ["completions", "tcsh"], "Unknown shell 'tcsh'. Did you mean 'bash'? Choose from: bash, zsh, fish."),
    .usage("an option a command does not take", ["schema", "--format", "json"], "Unknown option '--format'\n"),
    .usage(
        "an unknown tier for check", ["check", "sayar", "--observed", "$F/observed/firing.json", "--tier", "grwth"],
        "Unknown tier 'grwth' in profile 'sayar'. Did you mean 'growth'?"),
]

@Suite(.timeLimit(.minutes(1))) struct BadInputTests {
    @Test func thereAreAtLeastSixtyCases() {
        #expect(badInputCases.count >= 60)
        #expect(Set(badInputCases.map(\.name)).count == badInputCases.count, "names are unique")
    }

    /// Each bad input exits with its status and a message that names the place, never crashes
    /// (the test process would die), prints nothing on stdout, sends no control character to
    /// the terminal, and finishes in well under 2 s.
    @Test(arguments: badInputCases)
    func failsCleanlyQuicklyAndSaysWhere(_ bad: BadInput) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, content) in bad.files {
            let path = folder + "/" + name
            switch content {
            case .text(let text): try FileIO.writeAtomically(Array(text.utf8), to: path)
            case .bytes(let bytes): try FileIO.writeAtomically(bytes, to: path)
            case .zeros(let count): #expect(FileManager.default.createFile(atPath: path, contents: Data(count: count)))
            }
        }
        let substitute = { (text: String) in
            text.replacingOccurrences(of: "$D", with: folder).replacingOccurrences(of: "$F", with: badInputFixtures)
        }
        var result = RunResult(status: -1, stdout: "", stderr: "")
        let elapsed = ContinuousClock().measure { result = runCLI(bad.arguments.map(substitute)) }
        #expect(result.status == bad.status, "\(result.stderr)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        // Error and usage lines wrap at 80 columns with a 7-space hanging indent; fragments are
        // matched against the unwrapped text.
        let unwrapped = result.stderr.replacingOccurrences(of: "\n       ", with: " ")
        for fragment in bad.expected.map(substitute) {
            #expect(unwrapped.contains(fragment), "expected: \(fragment)\nstderr:\n\(result.stderr)")
        }
        #expect(!result.stderr.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        #expect(elapsed < .seconds(2), "took \(elapsed)")
    }
}

// MARK: - Output safety

/// Text that would move the cursor, retitle the window, clear the screen or reverse the text
/// if it reached a terminal: ESC CSI, OSC ending in BEL, C1 CSI (U+009B), DEL, a right-to-left
/// override — and markdown/HTML and spreadsheet-formula bait.
let hostileText = "\u{1B}[31m\u{1B}]0;pwned\u{07}\u{9B}2J\u{7F}\u{202E}"

/// `tinyProfile` with hostile text in every free-text field, formula bait in item and tier
/// names, and a revenue below cost (so CSVs carry negative numbers).
let hostileProfile: String = {
    func json(_ text: String) -> String { JSONOutput.quote(text) }
    return
        tinyProfile
        .replacingOccurrences(
            of: "\"name\": \"Tiny\",",
            with: "\"name\": \(json("Tiny<script>alert(1)</script> | [x](javascript:y) **b** `c` & " + hostileText)),"
                + " \"description\": \(json("About" + hostileText)), \"source\": \(json("Seed" + hostileText)),"
                + " \"notes\": [\(json("Note" + hostileText))], \"revenue\": \"users * 0.001\","
                + " \"observe\": {\"users\": \(json("count(up{job=\"a\"})" + hostileText))},"
        )
        .replacingOccurrences(
            of: "\"unit\": \"user\", \"label\": \"Users\"",
            with: "\"unit\": \(json("user" + hostileText)), \"label\": \(json("Users" + hostileText))"
        )
        .replacingOccurrences(of: "\"name\": \"Small\"", with: "\"name\": \(json("=cmd|' /C calc'!A0" + hostileText))")
        .replacingOccurrences(
            of: "\"name\": \"Large\", \"range\": { \"min\": 1000 },",
            with: "\"name\": \(json("@SUM(A1)" + hostileText)), \"range\": { \"min\": 1000 },"
                + " \"migration\": { \"lead_time_months\": 2, \"note\": \(json("DNS" + hostileText)) },"
        )
        .replacingOccurrences(of: "\"item\": \"Server\"", with: "\"item\": \(json("=HYPERLINK(\"http://x\")" + hostileText))")
        .replacingOccurrences(of: "\"item\": \"Cluster\"", with: "\"item\": \(json("-2+3" + hostileText))")
        .replacingOccurrences(
            of: "\"action\": \"Plan the move\"",
            with: "\"name\": \(json("+trigger" + hostileText)), \"action\": \(json("\tMove" + hostileText))"
        )
        .replacingOccurrences(of: "\"id\": \"base\",", with: "\"id\": \"base\", \"name\": \(json("Base" + hostileText)),")
}()

/// Whether text holds a control character other than newline, a C1 control, or a
/// bidirectional override.
func hasControlCharacters(_ text: String) -> Bool {
    text.unicodeScalars.contains {
        ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
            || (0x2066...0x2069).contains($0.value)
    }
}

/// The cells of a CSV line (quoted cells unquoted; enough for the renderers' output).
func csvCells(_ line: Substring) -> [(text: String, quoted: Bool)] {
    var cells: [(String, Bool)] = []
    var cell = ""
    var quoted = false
    var inQuotes = false
    var characters = Array(line)[...]
    while let character = characters.popFirst() {
        if inQuotes {
            if character == "\"" && characters.first == "\"" {
                cell.append("\"")
                characters.removeFirst()
            } else if character == "\"" {
                inQuotes = false
            } else {
                cell.append(character)
            }
        } else if character == "\"" {
            inQuotes = true
            quoted = true
        } else if character == "," {
            cells.append((cell, quoted))
            cell = ""
            quoted = false
        } else {
            cell.append(character)
        }
    }
    cells.append((cell, quoted))
    return cells
}

/// Writes `hostileProfile` and an observed file into a fresh folder.
func hostileFolder() throws -> String {
    let folder = try temporaryFolder()
    try FileIO.writeAtomically(Array(hostileProfile.utf8), to: folder + "/hostile.json")
    try FileIO.writeAtomically(Array("users,900\n".utf8), to: folder + "/observed.csv")
    return folder
}

@Suite struct OutputSafetyTests {
    @Test func theHostileProfileIsValid() {
        let (compiled, diagnostics) = ProfileLoader.validate(bytes: Array(hostileProfile.utf8))
        #expect(compiled != nil, "\(diagnostics)")
    }

    /// `csvText` neutralises each formula prefix (OWASP) and quotes what needs quoting.
    @Test func csvTextNeutralisesFormulas() {
        #expect(TextSafety.csvText("=1+2") == "'=1+2")
        #expect(TextSafety.csvText("+1") == "'+1")
        #expect(TextSafety.csvText("-1") == "'-1")
        #expect(TextSafety.csvText("@SUM(A1)") == "'@SUM(A1)")
        #expect(TextSafety.csvText("\tcmd") == "'\tcmd")
        #expect(TextSafety.csvText("\rcmd") == "\"'\rcmd\"")
        #expect(TextSafety.csvText("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
        #expect(TextSafety.csvText("growth") == "growth")
    }

    /// Through the real outputs: in every CSV (projection, capacity, Monte Carlo), every cell is
    /// empty, a plain number (negative ones too, never quoted or prefixed), or text that cannot
    /// start a formula — even with formula bait in the profile's names.
    @Test(arguments: [["simulate", "--months", "30"], ["capacity"], ["simulate", "--trials", "40", "--months", "30"]])
    func csvCellsNeverStartAFormulaAndNumbersStayPlain(_ command: [String]) throws {
        let folder = try hostileFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for profile in [folder + "/hostile.json", "musician", "oviya"] {
            let result = runCLI([command[0], profile] + command.dropFirst() + ["--format", "csv"])
            #expect(result.status == 0, "\(result.stderr)")
            var negatives = 0
            for line in result.stdout.split(separator: "\n") {
                for (cell, quoted) in csvCells(line) {
                    if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
                        #expect(Double(cell) != nil && !quoted, "a text cell starts a formula: \(cell)")
                        negatives += 1
                    }
                }
            }
            if profile.hasSuffix("hostile.json") && command[0] == "simulate" {
                #expect(negatives > 0, "the margin is negative, so some number cells are")
            }
        }
    }

    /// Markdown and HTML in profile text is escaped in every markdown report.
    @Test func markdownAndHTMLAreEscaped() throws {
        let folder = try hostileFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let profile = folder + "/hostile.json"
        for arguments in [
            ["simulate", profile, "--months", "30"], ["capacity", profile],
            ["check", profile, "--observed", folder + "/observed.csv"],
            ["simulate", profile, "--trials", "30", "--months", "30"],
        ] {
            let result = runCLI(arguments + ["--format", "markdown"])
            #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
            let output = result.stdout
            #expect(!output.contains("<script>") && output.contains("\\<script\\>"), "\(arguments)")
            #expect(!output.contains("[x](javascript:y)") && output.contains("\\[x\\](javascript:y)"))
            #expect(output.contains("\\*\\*b\\*\\*") && output.contains("\\`c\\`") && output.contains(" &amp; "))
            #expect(output.contains("Tiny\\<script\\>alert(1)\\</script\\> \\| "), "a pipe cannot split a table cell")
            #expect(!hasControlCharacters(output), "\(arguments)")
        }
    }

    /// Profile text never brings a control or escape character to the terminal: every text
    /// report of every command, on a profile with them in every free-text field.
    @Test func noControlCharacterFromAProfileReachesTheTerminal() throws {
        let folder = try hostileFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let profile = folder + "/hostile.json"
        let runs: [[String]] = [
            ["show", profile], ["simulate", profile, "--months", "30"], ["capacity", profile],
            ["check", profile, "--observed", folder + "/observed.csv"], ["validate", profile],
            ["simulate", profile, "--trials", "30", "--months", "30"],
        ]
        for arguments in runs {
            let result = runCLI(arguments)
            #expect(result.status == 0 || result.status == 1, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.isEmpty)
            #expect(!hasControlCharacters(result.stdout), "\(arguments)")
            #expect(!hasControlCharacters(result.stderr), "\(arguments)")
        }
        // `list` over a folder holding the profile.
        let list = runCLI(["list"], environment: ["SCALEPLAN_PROFILES": folder])
        #expect(list.status == 0 && list.stdout.contains("tiny"), "\(list.stderr)")
        #expect(!hasControlCharacters(list.stdout))
        // JSON escapes them instead (a raw ESC never appears).
        for arguments in [
            ["show", profile], ["simulate", profile, "--months", "30"], ["capacity", profile],
            ["check", profile, "--observed", folder + "/observed.csv"],
        ] {
            let json = runCLI(arguments + ["--format", "json"]).stdout
            #expect(!json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(arguments)")
            _ = try JSONParser.parse(json)
            expectValidJSON(json, "\(arguments) --format json")
        }
        #expect(runCLI(["show", profile, "--format", "json"]).stdout.contains("\\u001b]0;pwned\\u0007"))
    }
}

// MARK: - Atomic writes and write failures

/// Runs the built binary through `/bin/sh -c script` (for `ulimit`), with the bundled profiles.
func runShell(_ script: String, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
    let binary = try Tools.scaleplan.required()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script, binary] + arguments
    process.environment = ["SCALEPLAN_PROFILES": repositoryRoot + "/profiles", "PATH": "/usr/bin:/bin"]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
}

@Suite struct AtomicWriteTests {
    /// The commands that take `-o`, each with a run that succeeds.
    static let writers: [[String]] = [
        ["simulate", "sayar", "--format", "json"], ["simulate", "oviya", "--trials", "50", "--months", "12", "--format", "csv"],
        ["capacity", "sayar", "--format", "markdown"],
        ["check", "sayar", "--observed", badInputFixtures + "/observed/firing.json", "--format", "json"],
    ]

    /// Tests run as root, for whom a chmod 0555 folder is still writable; these places refuse
    /// root too: /proc and /sys take no new files, a regular file cannot be a folder, and a
    /// folder cannot be replaced by a file. Each is a clear "cannot create" (73); /dev/full
    /// fails while writing (74); nothing is left behind.
    @Test(arguments: writers)
    func unwritablePlacesGiveAClearErrorAnd73Or74(_ command: [String]) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array("a file".utf8), to: folder + "/file.txt")
        let version = try FileIO.read("/proc/version", limit: 1 << 16)
        let cases: [(path: String, status: Int32, reason: String)] = [
            ("/proc/scaleplan-out.txt", 73, "no such file or directory (in folder '/proc')"),
            ("/proc/version", 73, "(in folder '/proc')"),
            ("/sys/scaleplan-out.txt", 73, "(in folder '/sys')"),
            (folder + "/file.txt/out.txt", 73, "a parent is not a directory"),
            (folder + "/missing/out.txt", 73, "no such file or directory"),
            (folder, 73, "is a directory"),
            ("/dev/full", 74, "no space left on device; the file was left unchanged"),
        ]
        for (path, status, reason) in cases {
            let result = runCLI(command + ["-o", path])
            #expect(result.status == status, "\(command) -o \(path): \(result.stderr)")
            let verb = status == 73 ? "Error: cannot create '\(path)': " : "Error: writing '\(path)' failed: "
            #expect(result.stderr.hasPrefix(verb) && result.stderr.contains(reason), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try FileIO.read("/proc/version", limit: 1 << 16) == version)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["file.txt"])
        #expect(try FileIO.read(folder + "/file.txt", limit: 100) == Array("a file".utf8))
    }

    /// An existing output file is untouched whatever fails: a usage error, an invalid profile,
    /// a missing or bad input file, or the write itself (here the file-size limit, which makes
    /// write(2) fail with EFBIG part-way through, as a full disk would) — and no temporary file
    /// is left in its folder.
    @Test func anExistingFileIsUntouchedOnAnyError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/out.txt"
        let original = Array("KEEP ME\n".utf8)
        try FileIO.writeAtomically(original, to: target)
        try FileIO.writeAtomically(Array("{\"version\": 2}".utf8), to: folder + "/bad.json")
        try FileIO.writeAtomically(Array("0,1\n1,x\n".utf8), to: folder + "/bad.csv")
        let failures: [([String], Int32)] = [
            (["capacity", "sayar", "--tier", "nope"], 64),
            (["simulate", folder + "/bad.json"], 65),
            (["simulate", "sayar", "--growth-csv", folder + "/bad.csv"], 65),
            (["simulate", "sayar", "--growth-csv", folder + "/none.csv"], 66),
            (["check", "sayar", "--observed", badInputFixtures + "/observed/non-numeric.csv"], 65),
            (["capacity", folder + "/none.json"], 66),
        ]
        for (arguments, status) in failures {
            let result = runCLI(arguments + ["-o", target])
            #expect(result.status == status, "\(arguments): \(result.stderr)")
        }
        // A write that fails part-way: 1 block (512 bytes) allowed, the JSON is far larger. The
        // shell ignores SIGXFSZ, and an ignored signal stays ignored across exec.
        let limited = try runShell(
            "trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\"",
            ["simulate", "sayar", "--format", "json", "-o", target])
        #expect(limited.status == 74, "\(limited.stderr)")
        #expect(limited.stderr == "Error: writing '\(target)' failed: file too large; the file was left unchanged\n")
        #expect(try FileIO.read(target, limit: 100) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["bad.csv", "bad.json", "out.txt"])
        // And a successful run replaces it whole.
        #expect(runCLI(["capacity", "sayar", "--format", "csv", "-o", target]).status == 0)
        #expect(
            String(decoding: try FileIO.read(target, limit: 1 << 20), as: UTF8.self)
                == runCLI(["capacity", "sayar", "--format", "csv"]).stdout)
    }
}

// MARK: - Determinism

@Suite struct DeterminismTests {
    /// capacity, show, check and list: byte-identical across runs in every format, and `-o`
    /// writes exactly what stdout shows.
    @Test(arguments: bundledIDs)
    func everyCommandIsByteIdenticalAcrossRunsInEveryFormat(id: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let profile = try ProfileLoader.load(path: repositoryRoot + "/profiles/\(id).json").profile
        let observed = folder + "/observed.csv"
        try FileIO.writeAtomically(
            Array("\(profile.driver.name),\(NumberFormatting.plain(profile.tiers[0].range.min + 1))\n".utf8),
            to: observed)
        var runs: [[String]] = ReportFormat.allCases.map { ["capacity", id, "--format", $0.rawValue] }
        runs += ["table", "json"].map { ["show", id, "--format", $0] }
        runs += ["table", "json", "markdown"].map { ["check", id, "--observed", observed, "--format", $0] }
        runs += ["table", "json"].map { ["list", "--format", $0] }
        for arguments in runs {
            let first = runCLI(arguments)
            #expect(first.status == 0 || first.status == 1, "\(arguments): \(first.stderr)")
            #expect(!first.stdout.isEmpty)
            #expect(runCLI(arguments) == first, "\(arguments)")
            if arguments.contains("json") { expectValidJSON(first.stdout, "\(arguments)") }
            if arguments[0] == "capacity" || arguments[0] == "check" {
                let file = folder + "/out"
                #expect(runCLI(arguments + ["-o", file]).stdout.isEmpty)
                #expect(try FileIO.read(file, limit: 1 << 24) == Array(first.stdout.utf8), "\(arguments)")
            }
        }
    }

    /// Monte Carlo with explicit seeds (the extremes too) and a growth CSV: byte-identical for
    /// 1, 2 and 3 threads in every format; a different seed gives different output.
    @Test(arguments: ["0", "18446744073709551615"])
    func monteCarloWithAnySeedIsThreadIndependent(seed: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array("month,value\n0,20\n6,90\n12,300\n".utf8), to: folder + "/growth.csv")
        for format in ReportFormat.allCases {
            let base = ["simulate", "sayar", "--trials", "800", "--months", "13", "--seed", seed, "--format", format.rawValue]
            let one = runCLI(base + ["--threads", "1"])
            #expect(one.status == 0, "\(one.stderr)")
            #expect(runCLI(base + ["--threads", "2"]).stdout == one.stdout)
            #expect(runCLI(base + ["--threads", "3"]).stdout == one.stdout)
            let csv = ["--growth-csv", folder + "/growth.csv"]
            let fixed = runCLI(base + csv + ["--threads", "1"])
            #expect(fixed.status == 0)
            #expect(runCLI(base + csv + ["--threads", "3"]).stdout == fixed.stdout)
            if format == .json {
                expectValidJSON(one.stdout, "seed \(seed)")
                expectValidJSON(fixed.stdout, "seed \(seed) with a growth CSV")
                let other = runCLI(["simulate", "sayar", "--trials", "800", "--months", "13", "--seed", "1", "--format", "json"])
                #expect(other.stdout != one.stdout)
            }
        }
    }
}

extension RunResult: Equatable {
    static func == (a: RunResult, b: RunResult) -> Bool {
        a.status == b.status && a.stdout == b.stdout && a.stderr == b.stderr
    }
}

// MARK: - Regressions: traps, hangs and what the fuzzers found

@Suite(.timeLimit(.minutes(1))) struct RobustnessRegressionTests {
    /// A lead time of 1e308 months trapped in EventDetector (`Int(lead.high.rounded(.up))`).
    @Test func aHugeMigrationLeadTimeIsReportedNotATrap() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = tinyProfile.replacingOccurrences(
            of: "\"range\": { \"min\": 1000 },",
            with: "\"range\": { \"min\": 1000 }, \"migration\": { \"lead_time_months\": { \"low\": 1, \"high\": 1e308 } },")
        try FileIO.writeAtomically(Array(text.utf8), to: folder + "/plan.json")
        for format in ReportFormat.allCases {
            let result = runCLI(["simulate", folder + "/plan.json", "--months", "36", "--format", format.rawValue])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let table = runCLI(["simulate", folder + "/plan.json", "--months", "36"]).stdout
        let unwrapped = table.replacing(/\n +/, with: " ")
        #expect(unwrapped.contains("The migration to Large is already 1e308 months late: it is needed at month 25"), "\(table)")
        // An ordinary lead time still gives the month to start.
        let normal = tinyProfile.replacingOccurrences(
            of: "\"range\": { \"min\": 1000 },",
            with: "\"range\": { \"min\": 1000 }, \"migration\": { \"lead_time_months\": 2.5 },")
        try FileIO.writeAtomically(Array(normal.utf8), to: folder + "/normal.json")
        let json = runCLI(["simulate", folder + "/normal.json", "--months", "36", "--format", "json"]).stdout
        expectValidJSON(json)
        #expect(json.contains("\"kind\": \"migration-start\""))
        #expect(
            runCLI(["simulate", folder + "/normal.json", "--months", "36"]).stdout.contains(
                "Start the migration to Large this month"))
    }

    /// A version of ±1e300 trapped converting to Int (ProfileDecoder); a million does not.
    @Test(arguments: ["1e300", "-1e300", "1e6", "9223372036854775808"])
    func aHugeVersionIsAnError(_ version: String) {
        let text = tinyProfile.replacingOccurrences(of: "\"version\": 1", with: "\"version\": \(version)")
        let (compiled, diagnostics) = ProfileLoader.validate(bytes: Array(text.utf8))
        #expect(compiled == nil)
        #expect(diagnostics.contains { $0.message.hasPrefix("unsupported profile version") })
    }

    /// 5,000 metrics that each read an unknown name took 131 s (debug) to validate: a
    /// did-you-mean search over every name for every error, and the 100 KB source line copied
    /// for every error. Now suggestions are budgeted and long lines are skipped up front.
    @Test func thousandsOfErrorsInOneFileStayFast() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let metrics = (0..<5000).map { "\"m\($0)\": \"x\($0) + 1\"" }.joined(separator: ", ")
        let text = tinyProfile.replacingOccurrences(
            of: "\"peak_rps\": \"users * rps_per_user\"",
            with: "\"peak_rps\": \"users * rps_per_user\", " + metrics
        ).replacingOccurrences(of: "\n", with: " ")
        try FileIO.writeAtomically(Array(text.utf8), to: folder + "/many.json")
        var result = RunResult(status: -1, stdout: "", stderr: "")
        let elapsed = ContinuousClock().measure { result = runCLI(["validate", folder + "/many.json"]) }
        #expect(result.status == 65)
        #expect(result.stderr.hasSuffix("many.json: 5000 errors\n"))
        #expect(result.stderr.contains("error: in metric 'm0': unknown name 'x0'"))
        #expect(result.stderr.contains("did you mean 'm0'?"), "the first errors still get suggestions")
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    /// Back edges into a long chain of metrics: each cost a scan of the search stack.
    @Test func manyMetricCyclesStayFast() {
        // m0 ← m1 ← … ← m2999, and every m(i) also reads m(i+1): 2,999 two-metric cycles.
        let metrics = (0..<3000).map { i in
            "\"m\(i)\": \"" + (i == 0 ? "users" : "m\(i - 1)") + (i < 2999 ? " + m\(i + 1)" : "") + "\""
        }.joined(separator: ", ")
        let text = tinyProfile.replacingOccurrences(
            of: "\"peak_rps\": \"users * rps_per_user\"",
            with: "\"peak_rps\": \"users * rps_per_user\", " + metrics)
        var diagnostics: [Diagnostic] = []
        let elapsed = ContinuousClock().measure { diagnostics = ProfileLoader.validate(bytes: Array(text.utf8)).diagnostics }
        #expect(diagnostics.first?.message.hasPrefix("metric cycle: m0 → m1 → m0") ?? false, "\(diagnostics.prefix(2))")
        #expect(
            diagnostics.count { $0.message.hasPrefix("metric cycle") } == 1500, "each cycle sharing no metric with a reported one"
        )
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    /// Monte Carlo allocated a column per tier per cost category: 2,000 tiers each with its own
    /// category made 4 million columns of 384 trials (12 GB) before the first trial.
    @Test func monteCarloMemoryDoesNotGrowWithTiersTimesCategories() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tiers = (0..<2000).map { i in
            "{ \"id\": \"t\(i)\", \"name\": \"T\(i)\", \"range\": { \"min\": \(i * 10)"
                + (i < 1999 ? ", \"max\": \((i + 1) * 10)" : "")
                + " }, \"costs\": [ { \"item\": \"I\", \"category\": \"c\(i)\", \"amount\": \"users * 0.1\" } ] }"
        }.joined(separator: ",\n")
        let text = """
            { "version": 1, "id": "wide", "name": "Wide", "currency": "USD", "driver": { "name": "users" },
              "tiers": [\(tiers)],
              "triggers": [ { "when": "cost.c1 > 0.5 or cost.c1999 > 1", "action": "Look" } ],
              "scenarios": [ { "id": "s", "default": true, "growth": { "kind": "linear", "start": 10, "step": 1000 } } ] }
            """
        try FileIO.writeAtomically(Array(text.utf8), to: folder + "/wide.json")
        var result = RunResult(status: -1, stdout: "", stderr: "")
        let elapsed = ContinuousClock().measure {
            result = runCLI(["simulate", folder + "/wide.json", "--trials", "20", "--months", "24", "--format", "json"])
        }
        #expect(result.status == 0, "\(result.stderr)")
        expectValidJSON(result.stdout)
        #expect(result.stdout.contains("\"probability\": 1"), "the trigger on cost.c1 / cost.c1999 fires")
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }

    /// A name a megabyte long gets no suggestion, at once.
    @Test func suggestionsIgnoreHugeWords() {
        let huge = String(repeating: "a", count: 1 << 20)
        #expect(Suggestions.closest(to: huge, in: [huge + "b", "users"]) == nil)
        #expect(Suggestions.closest(to: "usres", in: ["users", String(repeating: "u", count: 1 << 20)]) == "users")
    }
}
