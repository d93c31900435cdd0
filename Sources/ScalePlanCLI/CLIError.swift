import ScalePlanKit

/// Why a command stopped; each case maps to one exit status and one way of printing.
enum CLIError: Error {
    /// Wrong invocation (64): printed with the usage line.
    case usage(UsageError)
    /// A profile failed validation (65): every diagnostic, with source excerpts.
    case invalidProfile(path: String, diagnostics: [Diagnostic], text: String)
    /// Other invalid input data (65).
    case data(String)
    /// An input file is missing or unreadable (66).
    case noInput(path: String, reason: String)
    /// A server cannot be reached or refuses us (69), with its address and the reason.
    case unavailable(String)
    /// The output cannot be created (73).
    case cannotCreate(path: String, reason: String)
    /// Writing failed (74).
    case io(path: String, reason: String)

    var exitCode: ExitCode {
        switch self {
        case .usage: .usage
        case .invalidProfile, .data: .dataError
        case .noInput: .noInput
        case .unavailable: .unavailable
        case .cannotCreate: .cannotCreate
        case .io: .ioError
        }
    }

    init(_ failure: FileIO.Failure) {
        switch failure {
        case .cannotRead(let path, let reason): self = .noInput(path: path, reason: reason)
        case .tooLarge(let path, let limit):
            self = .invalidProfile(
                path: path,
                diagnostics: [.error("file is larger than \(limit / 1024 / 1024) MiB", hint: "is this the right file?")],
                text: "")
        case .cannotCreate(let path, let reason): self = .cannotCreate(path: path, reason: reason)
        case .writeFailed(let path, let reason): self = .io(path: path, reason: reason)
        }
    }
}
