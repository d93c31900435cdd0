import ScalePlanKit

/// What a command needs from the outside world, passed in so tests can control all of it.
final class CommandContext {
    let stdout: TextOutput
    let stderr: TextOutput
    let environment: [String: String]
    let terminal: TerminalInfo
    let library: ProfileLibrary
    /// Every file the command reads, `-` for standard input.
    let inputs: InputFiles

    init(
        stdout: TextOutput, stderr: TextOutput, stdin: ByteInput, environment: [String: String], terminal: TerminalInfo,
        library: ProfileLibrary
    ) {
        self.stdout = stdout
        self.stderr = stderr
        self.inputs = InputFiles(standardInput: stdin)
        self.environment = environment
        self.terminal = terminal
        self.library = library
    }

    /// `--color`, once the arguments are parsed.
    var color = ColorChoice.auto

    /// Columns that text output fits in: `COLUMNS` when set, else the terminal's width, else 80
    /// (a pipe or a file).
    var width: Int { terminal.width ?? 80 }

    /// Emphasis for standard output.
    var style: Style { Style(enabled: color.enabled(isTerminal: terminal.stdoutIsTerminal, environment: environment)) }

    /// How terminal reports are laid out on standard output.
    var layout: TerminalLayout { TerminalLayout(width: width, style: style) }

    /// Emphasis for standard error.
    var errorStyle: Style { Style(enabled: color.enabled(isTerminal: terminal.stderrIsTerminal, environment: environment)) }

    /// The index of a tier id, or a usage error with a did-you-mean and the valid ids.
    func tierIndex(_ id: String, in profile: Profile, for spec: CommandSpec) throws(CLIError) -> Int {
        let ids = profile.tiers.map(\.id)
        guard let index = ids.firstIndex(of: id) else {
            throw .usage(
                UsageError(
                    "Unknown tier '\(id)' in profile '\(profile.id)'."
                        + (Suggestions.closest(to: id, in: ids).map { " Did you mean '\($0)'?" } ?? "")
                        + " Tiers: \(ids.joined(separator: ", ")).", command: spec))
        }
        return index
    }

    /// Loads `<profile>`: a bundled id, a path, or `-` for standard input.
    /// - Throws: usage error for an unknown id (with did-you-mean), `noInput` for a missing file,
    ///   `invalidProfile` with every diagnostic.
    /// Loads a profile and applies the command's `--set` overrides to it.
    func loadProfile(_ argument: String, for spec: CommandSpec, arguments: ParsedArguments) throws(CLIError)
        -> ProfileLoader.Loaded
    {
        var loaded = try loadProfile(argument, for: spec)
        let overrides = try ParamOverrideOption.overrides(arguments, spec: spec)
        guard !overrides.isEmpty else { return loaded }
        if let problem = loaded.compiled.problems(with: overrides).first {
            throw .usage(UsageError("Invalid '--set <name=value>': \(problem).", command: spec))
        }
        loaded.compiled = loaded.compiled.withParams(overrides)
        return loaded
    }

    func loadProfile(_ argument: String, for spec: CommandSpec) throws(CLIError) -> ProfileLoader.Loaded {
        let path: String
        if argument == "-" || ProfileLibrary.looksLikePath(argument) {
            path = argument
        } else if let bundled = library.path(of: argument) {
            path = bundled
        } else {
            let ids = library.ids
            var message = "Unknown profile '\(argument)'."
            if let suggestion = Suggestions.closest(to: argument, in: ids) {
                message += " Did you mean '\(suggestion)'?"
            }
            message +=
                ids.isEmpty
                ? " No bundled profiles were found; set \(ProfileLibrary.environmentKey) or give a path."
                : " Bundled profiles: \(ids.joined(separator: ", ")); or give a path to a .json file."
            throw .usage(UsageError(message, command: spec))
        }
        let input = try inputs.read(path, limit: ProfileLoader.maximumFileSize, what: "the profile", for: spec)
        do {
            return try ProfileLoader.load(bytes: input.bytes, path: input.name)
        } catch {
            switch error {
            case .unreadable(let path, let reason): throw .noInput(path: path, reason: reason)
            case .invalid(let path, let diagnostics, let text):
                throw .invalidProfile(path: path, diagnostics: diagnostics, text: text)
            }
        }
    }
}

/// Terminal facts for stdout and stderr.
public struct TerminalInfo: Sendable {
    public var stdoutIsTerminal: Bool
    public var stderrIsTerminal: Bool
    public var width: Int?

    public init(stdoutIsTerminal: Bool = false, stderrIsTerminal: Bool = false, width: Int? = nil) {
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.width = width
    }

    /// Read from the process's real descriptors.
    public static func current(environment: [String: String]) -> TerminalInfo {
        TerminalInfo(
            stdoutIsTerminal: Terminal.isTerminal(1), stderrIsTerminal: Terminal.isTerminal(2),
            width: Terminal.width(1, environment: environment))
    }
}
