import ScalePlanKit

/// Every file a command reads comes through here: a path, or `-` for standard input (which can
/// be read once), and none of them may be the file `-o` is about to replace — that is refused
/// (73) as the input is opened, before any work is done.
final class InputFiles {
    /// What messages call standard input.
    static let standardInputName = "<stdin>"

    private let standardInput: ByteInput
    private var standardInputReader: String?
    /// The file `-o` names (not `-`), once the arguments are parsed.
    var output: String?

    init(standardInput: ByteInput) {
        self.standardInput = standardInput
    }

    /// The bytes of `argument` (a path, or `-`) and the name messages should use for it.
    /// - Parameter what: the input's role, for the message when standard input is taken twice
    ///   (`--observed`, `<profile>`).
    func read(_ argument: String, limit: Int, what: String, for spec: CommandSpec) throws(CLIError) -> (
        bytes: [UInt8], name: String
    ) {
        if argument == "-" {
            if let earlier = standardInputReader {
                throw .usage(
                    UsageError(
                        "Standard input ('-') can be read only once: \(earlier) already takes it; give \(what) as a file.",
                        command: spec))
            }
            standardInputReader = what
            if let output, let target = FileIO.identity(of: output), target == standardInput.identity {
                throw .cannotCreate(
                    path: output,
                    reason: "it is also an input (\(what) from standard input); write the output to another file")
            }
            do {
                return (try standardInput.readAll(name: Self.standardInputName, limit: limit), Self.standardInputName)
            } catch {
                throw CLIError(error)
            }
        }
        if let output, let target = FileIO.identity(of: output), target == FileIO.identity(of: argument) {
            throw .cannotCreate(
                path: output, reason: "it is also an input (\(what) '\(argument)'); write the output to another file")
        }
        do {
            return (try FileIO.read(argument, limit: limit), argument)
        } catch {
            throw CLIError(error)
        }
    }
}
