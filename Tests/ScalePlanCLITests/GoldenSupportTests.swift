import Foundation
import Testing

@testable import ScalePlanKit

/// The helpers golden tests stand on besides the line diff: the JSON comparison and
/// `expectGolden` itself, which must fail in record mode and on any difference.
@Suite struct JSONComparisonTests {
    func parse(_ text: String) throws -> Any { try #require(expectValidJSON(text)) }

    @Test func keyOrderAndNumberSpellingDoNotMatter() throws {
        let a = try parse(#"{"a": 1, "b": [true, null, "x"], "c": {"d": 2.5}}"#)
        let b = try parse(#"{"c": {"d": 2.50}, "b": [true, null, "x"], "a": 1.0}"#)
        #expect(JSONComparison.firstDifference(a, b) == nil)
    }

    @Test func everyValueMattersAndTheDifferenceIsNamedByPath() throws {
        let golden = try parse(#"{"months": [{"cost": 10, "ok": true, "tier": "a"}]}"#)
        #expect(
            JSONComparison.firstDifference(golden, try parse(#"{"months": [{"cost": 11, "ok": true, "tier": "a"}]}"#))
                == "$.months[0].cost: expected 10, found 11")
        #expect(
            JSONComparison.firstDifference(golden, try parse(#"{"months": [{"cost": 10, "ok": 1, "tier": "a"}]}"#))
                == "$.months[0].ok: expected true, found 1")
        #expect(
            JSONComparison.firstDifference(golden, try parse(#"{"months": [{"cost": 10, "ok": true, "tier": "b"}]}"#))
                == "$.months[0].tier: expected \"a\", found \"b\"")
        #expect(JSONComparison.firstDifference(golden, try parse(#"{"months": []}"#)) == "$.months: 1 elements expected, 0 found")
        #expect(
            JSONComparison.firstDifference(golden, try parse(#"{"months": [{"cost": 10, "ok": true}]}"#))
                == "$.months[0]: key \"tier\" is missing")
        #expect(JSONComparison.firstDifference(golden, try parse(#"{"months": [], "extra": 1}"#)) != nil)
        #expect(JSONComparison.firstDifference(try parse("[null]"), try parse("[0]")) == "$[0]: expected null, found 0")
    }

    @Test func invalidJSONIsAnIssue() {
        withKnownIssue {
            #expect(expectValidJSON(#"{"a": NaN}"#) == nil)
        }
    }
}

/// Each call says `record:` itself, so these tests mean the same under SCALEPLAN_RECORD=1.
@Suite struct ExpectGoldenTests {
    @Test func recordModeWritesTheFileAndFails() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try withKnownIssue {
            try expectGolden("new output\n", "out.txt", folder: folder, record: true)
        } matching: { issue in
            issue.comments.contains { $0.rawValue == "recorded out.txt; run again without SCALEPLAN_RECORD to check" }
        }
        #expect(try FileIO.read(folder + "/out.txt", limit: 100) == Array("new output\n".utf8))
        try expectGolden("new output\n", "out.txt", folder: folder, record: false)
    }

    @Test func aMismatchFailsWithALineDiff() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array("a\nb\nc\n".utf8), to: folder + "/out.txt")
        try withKnownIssue {
            try expectGolden("a\nB\nc\n", "out.txt", folder: folder, record: false)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("- 2 | b\n+ 2 | B") }
        }
        try withKnownIssue {
            try expectGolden("a\n", "missing.txt", folder: folder, record: false)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.hasPrefix("no golden file missing.txt") }
        }
    }

    @Test func jsonGoldensAreComparedAfterParsing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileIO.writeAtomically(Array("{\n  \"a\": 1,\n  \"b\": [true]\n}\n".utf8), to: folder + "/out.json")
        try expectGolden(#"{"b": [true], "a": 1.0}"#, "out.json", folder: folder, record: false)
        try withKnownIssue {
            try expectGolden(#"{"b": [false], "a": 1}"#, "out.json", folder: folder, record: false)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("as JSON at $.b[0]: expected true, found false") }
        }
        withKnownIssue {
            try expectGolden(#"{"b": [true], "a": 1"#, "out.json", folder: folder, record: false)
        }
    }
}
