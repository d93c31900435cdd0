import Foundation
import Testing

/// What the built binary links, read from its symbols with binutils' `nm`: no Foundation module
/// (the product calls the system through `Support/System.swift`) and none of the string-processing
/// modules, whose regex parser alone is 0.6 MB of a static binary (`Support/TextSearch.swift` does
/// the three searches the product needs). `make bench` prints the static binary's size.
@Suite struct BinaryTests {
    static let unwanted = [
        "FoundationEssentials", "FoundationInternationalization", "10Foundation", "_StringProcessing", "_RegexParser",
    ]

    @Test(.requires(Tools.nm), .requires(Tools.releaseScaleplan))
    func theBinaryLinksNoFoundationAndNoRegex() throws {
        let binary = try Tools.releaseScaleplan.required()
        let symbols = try runProcess(try Tools.nm.required(), [binary])
        try #require(symbols.status == 0, "nm failed: \(symbols.stderr)")
        // The check can fail: the binary's own symbols are there to be seen.
        #expect(symbols.stdout.contains("ScalePlanKit"))
        let found = symbols.stdout.split(separator: "\n").filter { line in Self.unwanted.contains { line.contains($0) } }
        #expect(found.isEmpty, "\(found.count) symbols of unwanted modules, e.g. \(found.prefix(3))")
    }
}
