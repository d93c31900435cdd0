/// Searching a string for a string, by characters. The standard library's `firstRange(of:)`,
/// `contains(_:)` and `split(separator:)` for a string argument live in `_StringProcessing`,
/// which brings the regex parser with it: 0.9 MB of the static binary for these three calls.
extension StringProtocol {
    /// The first place `needle` occurs; nil when it does not (or is empty).
    public func firstRange(ofText needle: some StringProtocol) -> Range<Index>? {
        guard let first = needle.first else { return nil }
        var index = startIndex
        while let found = self[index...].firstIndex(of: first) {
            if self[found...].hasPrefix(needle) { return found..<self.index(found, offsetBy: needle.count) }
            index = self.index(after: found)
        }
        return nil
    }

    /// Whether `needle` occurs (an empty needle never does).
    public func contains(text needle: some StringProtocol) -> Bool { firstRange(ofText: needle) != nil }

    /// The pieces between the occurrences of `separator`, empty ones kept (`"a,,b"` → a, "", b).
    public func pieces(separatedBy separator: some StringProtocol) -> [String] {
        var pieces: [String] = []
        var rest = self[...]
        while let range = rest.firstRange(ofText: separator) {
            pieces.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        pieces.append(String(rest))
        return pieces
    }
}
