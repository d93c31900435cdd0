import ScalePlanKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Facts about the terminal, read once at start-up and passed down (so tests can fix them).
public enum Terminal {
    /// Whether the descriptor is a terminal.
    public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// Columns to lay text out in: `$COLUMNS` when set (also on a terminal, as
    /// swift-argument-parser does, so a user can ask for narrower output), else the width of the
    /// terminal on `descriptor`, else nil (a pipe or a file: the caller uses 80).
    public static func width(_ descriptor: Int32, environment: [String: String]) -> Int? {
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return nil
    }

    /// Writes every byte, retrying on EINTR; the reason when a write fails.
    @discardableResult
    static func writeAll(_ descriptor: Int32, _ bytes: inout [UInt8]) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                #if canImport(Darwin)
                    Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #elseif canImport(Musl)
                    Musl.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                    Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if written < 0 && errno == EINTR { continue }
            if written < 0 { return FileIO.describeErrno() }
            if written == 0 { return "no progress" }
            offset += written
        }
        return nil
    }

    /// Removes control and escape characters from text that came from a file.
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        TextSafety.terminal(text, keepNewlines: keepNewlines)
    }
}

/// Bold and colour, only when the output is a terminal and colour is not disabled.
typealias Style = TextStyle
