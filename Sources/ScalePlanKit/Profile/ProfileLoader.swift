/// Reads, parses, decodes and compiles a profile file in one step.
public enum ProfileLoader {
    /// Larger files are refused before parsing: no real plan comes near it, and it bounds the
    /// time and memory a malicious or mistaken input can take.
    public static let maximumFileSize = 8 * 1024 * 1024

    /// A profile that passed validation.
    public struct Loaded: Sendable {
        public let path: String
        /// The plan to run (with any command-line overrides applied, `CompiledProfile.withParams`).
        public var compiled: CompiledProfile
        /// Problems that do not stop the profile from running.
        public let warnings: [Diagnostic]

        public var profile: Profile { compiled.profile }
    }

    /// Why a profile could not be loaded.
    public enum Failure: Error, Sendable {
        /// The file is missing or unreadable (exit 66).
        case unreadable(path: String, reason: String)
        /// The file was read but is not a valid profile (exit 65): every diagnostic found.
        case invalid(path: String, diagnostics: [Diagnostic], text: String)
    }

    /// Loads and validates the profile at `path`.
    /// - Throws: `Failure`.
    public static func load(path: String) throws(Failure) -> Loaded {
        let bytes = try readFile(path)
        return try load(bytes: bytes, path: path)
    }

    /// Reads a whole file, refusing directories and files over `limit` bytes.
    public static func readFile(_ path: String, limit: Int = maximumFileSize) throws(Failure) -> [UInt8] {
        do {
            return try FileIO.read(path, limit: limit)
        } catch .tooLarge {
            throw .invalid(
                path: path,
                diagnostics: [
                    .error(
                        "file is larger than \(limit / 1024 / 1024) MiB",
                        hint: "a profile is a few kilobytes; is this the right file?")
                ], text: "")
        } catch {
            if case .cannotRead(_, let reason) = error { throw .unreadable(path: path, reason: reason) }
            throw .unreadable(path: path, reason: "unreadable")
        }
    }

    /// Validates profile bytes that claim to come from `path`.
    public static func load(bytes: [UInt8], path: String) throws(Failure) -> Loaded {
        let result = validate(bytes: bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        guard let compiled = result.compiled else {
            throw .invalid(path: path, diagnostics: result.diagnostics, text: text)
        }
        return Loaded(path: path, compiled: compiled, warnings: result.diagnostics.filter { $0.severity == .warning })
    }

    /// Runs every check and returns all diagnostics, sorted by place.
    public static func validate(bytes: [UInt8]) -> (compiled: CompiledProfile?, diagnostics: [Diagnostic]) {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return (nil, [.error(error.message, at: error.location, hint: error.hint)])
        }
        var bag = DiagnosticBag()
        let (profile, decodeDiagnostics) = ProfileDecoder.decode(root)
        bag.append(contentsOf: decodeDiagnostics)
        guard let profile else { return (nil, bag.sorted) }
        let (compiled, compileDiagnostics) = ProfileCompiler.compile(profile)
        bag.append(contentsOf: compileDiagnostics)
        return (bag.hasErrors ? nil : compiled, bag.sorted)
    }
}
