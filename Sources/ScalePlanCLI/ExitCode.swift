/// Process exit statuses, following sysexits(3) as swift-argument-parser does.
public enum ExitCode: Int32, Sendable, CaseIterable {
    /// Success.
    case success = 0
    /// `check` found a trigger at or above `--fail-on`; `diff --fail-on-increase` exceeded.
    case failure = 1
    /// The command was used wrongly (EX_USAGE).
    case usage = 64
    /// An input file is not valid: profile, CSV, observed metrics (EX_DATAERR).
    case dataError = 65
    /// An input file is missing or unreadable (EX_NOINPUT).
    case noInput = 66
    /// A server the command needs cannot be reached or refuses it: Prometheus for `check
    /// --prometheus` (EX_UNAVAILABLE).
    case unavailable = 69
    /// The output file cannot be created (EX_CANTCREAT).
    case cannotCreate = 73
    /// Writing the output failed (EX_IOERR).
    case ioError = 74

    /// One line for the README and `--help`.
    var meaning: String {
        switch self {
        case .success: "success"
        case .failure:
            "check: a trigger at or above --fail-on fires; diff: the projected cost rises by more than --fail-on-increase (standard error says which)"
        case .usage: "usage error: unknown command, option or profile id, a missing or bad value"
        case .dataError:
            "invalid input data: profile, growth CSV or observed metrics, or a bad answer or rejected query from Prometheus"
        case .noInput: "an input file is missing or unreadable"
        case .unavailable:
            "check --prometheus: the server cannot be reached (refused, unknown host, timed out, https asked for) or refuses the credentials"
        case .cannotCreate: "the output file cannot be created, or -o names one of the inputs"
        case .ioError: "an I/O error while writing output, to a file or to standard output"
        }
    }
}
