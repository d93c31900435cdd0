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
    /// A release binary built for x86-64-v3 started on a CPU without AVX2 and FMA (EX_OSERR); the
    /// check is in C, before any Swift code runs (`Sources/CPUCheck`, which repeats the number).
    case unsupportedCPU = 71
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
        case .unsupportedCPU:
            "the binary was built for x86-64 CPUs with AVX2 and FMA and this one lacks them: build it with make release PORTABLE=1"
        case .cannotCreate: "the output file cannot be created, or -o names one of the inputs"
        case .ioError: "an I/O error while writing output, to a file or to standard output"
        }
    }
}
