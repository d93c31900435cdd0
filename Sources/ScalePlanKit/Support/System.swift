// The C library by platform. The product links no Foundation: what it asks of the system —
// the processors it may use, the type of a file, a folder's entries, a symbolic link, the
// environment, the time — POSIX answers, and a static binary that imports FoundationEssentials
// for these few calls is 12 MB larger (`make bench` prints the size).
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few questions the library and the command line ask of the operating system.
public enum System {
    /// The processors this process may run on: on Linux its CPU affinity (what `taskset` and
    /// container CPU sets restrict: the `Cpus_allowed` mask of /proc/self/status), elsewhere the
    /// online processors; at least 1.
    public static var processorCount: Int {
        #if os(Linux)
            // FileIO.read reads to the end: a /proc file has no size to ask for.
            if let bytes = try? FileIO.read("/proc/self/status", limit: 1 << 20),
                let line = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first(where: {
                    $0.hasPrefix("Cpus_allowed:")
                })
            {
                let count = line.dropFirst("Cpus_allowed:".count).reduce(0) { total, character in
                    total + (character.hexDigitValue?.nonzeroBitCount ?? 0)
                }
                if count > 0 { return count }
            }
        #endif
        return Swift.max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// What kind of thing a path names.
    public enum FileKind: Sendable {
        case regular, directory, other
    }

    /// The kind of file at `path` (following symbolic links); nil when nothing is there.
    public static func fileKind(_ path: String) -> FileKind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The names in a folder (without `.` and `..`), in no particular order; nil when it cannot
    /// be read.
    public static func directoryEntries(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The target of the symbolic link at `path`, as stored (possibly relative); nil when `path`
    /// is not a symbolic link.
    public static func symbolicLinkTarget(_ path: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let length = buffer.withUnsafeMutableBufferPointer { bytes in
            bytes.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { readlink(path, $0, bytes.count) }
            } ?? -1
        }
        guard length > 0 && length < buffer.count else { return nil }
        return String(decoding: buffer[..<length], as: UTF8.self)
    }

    /// The process environment (the first of a repeated name wins, as `getenv` does).
    public static var environment: [String: String] {
        var result: [String: String] = [:]
        // macOS declares no `environ` for programs; its C library hands it out by a function.
        #if canImport(Darwin)
            guard var entry: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = _NSGetEnviron()?.pointee else {
                return [:]
            }
        #else
            var entry = environ
        #endif
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "="), result[String(text[..<equals])] == nil {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }

    /// Whole seconds since 1970-01-01 UTC.
    public static func secondsSinceEpoch() -> Int64 { Int64(time(nil)) }
}
