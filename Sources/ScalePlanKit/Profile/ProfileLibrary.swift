/// Finds the bundled profiles (`inphrone`, `sayar`, …) from any working directory, and resolves a
/// `<profile>` argument that is either a bundled id or a path.
public struct ProfileLibrary: Sendable {
    /// Environment variable that overrides where bundled profiles are looked for.
    public static let environmentKey = "SCALEPLAN_PROFILES"

    /// The folder holding the bundled `*.json` profiles, if one was found.
    public let directory: String?

    public init(directory: String?) {
        self.directory = directory
    }

    /// Looks, in order: `$SCALEPLAN_PROFILES`; `<prefix>/share/scaleplan/profiles` next to an
    /// installed binary; a `profiles/` folder in the binary's ancestors (a `swift build` tree);
    /// and the source checkout this library was compiled from (`swift run`).
    public static func locate(environment: [String: String], executablePath: String?) -> ProfileLibrary {
        if let override = environment[environmentKey], !override.isEmpty {
            return ProfileLibrary(directory: override)
        }
        var candidates: [String] = []
        if let executablePath {
            let binDirectory = parent(of: resolveSymlinks(executablePath))
            candidates.append(parent(of: binDirectory) + "/share/scaleplan/profiles")
            var folder = binDirectory
            for _ in 0..<6 {
                candidates.append(folder + "/profiles")
                let up = parent(of: folder)
                if up == folder { break }
                folder = up
            }
        }
        // #filePath is …/Sources/ScalePlanKit/Profile/ProfileLibrary.swift in the checkout.
        var source = #filePath
        for _ in 0..<4 { source = parent(of: source) }
        candidates.append(source + "/profiles")
        let found = candidates.first { System.fileKind($0 + "/schema/profile.schema.json") != nil }
        return ProfileLibrary(directory: found)
    }

    /// Ids of the bundled profiles, sorted.
    public var ids: [String] {
        guard let directory, let names = System.directoryEntries(directory) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The path of a bundled profile.
    public func path(of id: String) -> String? {
        guard let directory, ids.contains(id) else { return nil }
        return directory + "/" + id + ".json"
    }

    /// Whether an argument names a file rather than a bundled id: it contains a slash, ends in
    /// `.json`, or is an existing regular file (a folder named like a profile id is not).
    public static func looksLikePath(_ argument: String) -> Bool {
        if argument.contains("/") || argument.hasSuffix(".json") { return true }
        guard let kind = System.fileKind(argument) else { return false }
        return kind != .directory
    }

    /// The folder part of a path (`.` for a bare name).
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func resolveSymlinks(_ path: String) -> String {
        System.symbolicLinkTarget(path).map { target in
            target.hasPrefix("/") ? target : parent(of: path) + "/" + target
        } ?? path
    }
}
