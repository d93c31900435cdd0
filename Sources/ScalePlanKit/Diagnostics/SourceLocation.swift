/// A place in a text file: 1-based line and column (columns count Unicode scalars), and the
/// 0-based UTF-8 byte offset.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int = 0) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The location `count` scalars further along the same line.
    public func advanced(byColumns count: Int) -> SourceLocation {
        SourceLocation(line: line, column: column + count, offset: offset + count)
    }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
