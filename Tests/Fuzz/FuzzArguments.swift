// libFuzzer entry point: the command line. The input is split into arguments at newlines and
// NULs and run through `ScalePlan.run` in-process, with the bundled profiles and the bad-input
// fixtures available. So that fuzzing has no side effects and cannot block:
// - `-o`/`--output` (and `-oFILE`, `--output=FILE`) are dropped, so nothing is ever written;
// - an argument holding '/' must start with `@P/` (the bundled profiles folder) or `@F/` (the
//   bad-input fixtures) and contain no `..`, else it is dropped: no /dev/stdin, no FIFOs;
// - the working folder is an empty scratch folder, so bare names find nothing;
// - `--trials` is capped at 500.
// A first argument starting with '%' sets the terminal: `t` stdout is a terminal, `e` stderr
// is, `w<N>` the width.
import ScalePlanCLI
import ScalePlanKit

#if canImport(Glibc)
    import Glibc
#endif

private let profiles = (System.environment["SCALEPLAN_PROFILES"] ?? "profiles")
private let fixtures = System.environment["SCALEPLAN_FUZZ_FIXTURES"] ?? "Tests/Fixtures/bad-inputs"
/// An empty working folder: `$SCALEPLAN_FUZZ_SCRATCH` (run.sh empties it), else a new one.
private let sandbox: Void = {
    if let scratch = System.environment["SCALEPLAN_FUZZ_SCRATCH"], chdir(scratch) == 0 { return }
    var template = Array("/tmp/scaleplan-fuzz-XXXXXX".utf8CString)
    template.withUnsafeMutableBufferPointer { buffer in
        if let base = buffer.baseAddress, let folder = mkdtemp(base) { _ = chdir(folder) }
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArguments(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = sandbox
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var arguments = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        .flatMap { $0.split(separator: 0x00, omittingEmptySubsequences: false) }
        .map { String(decoding: $0, as: UTF8.self) }
    if arguments.last == "" { arguments.removeLast() }
    var terminal = TerminalInfo(stdoutIsTerminal: false, stderrIsTerminal: false, width: 80)
    if let first = arguments.first, first.hasPrefix("%") {
        arguments.removeFirst()
        terminal.stdoutIsTerminal = first.contains("t")
        terminal.stderrIsTerminal = first.contains("e")
        if let w = first.split(separator: "w").last.flatMap({ Int($0.prefix(4)) }), w > 0 { terminal.width = w }
    }
    var safe: [String] = []
    var cappingTrials = false
    for var argument in arguments {
        if argument.hasPrefix("-o") || argument.hasPrefix("--output") || argument.hasPrefix("--o=") { continue }
        if argument.hasPrefix("@P/") {
            argument = profiles + argument.dropFirst(2)
        } else if argument.hasPrefix("@F/") {
            argument = fixtures + argument.dropFirst(2)
        } else if argument.contains("/") {
            continue
        }
        if argument.contains("..") && argument.contains("/") { continue }
        if cappingTrials, let trials = Int(argument), trials > 500 { argument = "500" }
        if argument.hasPrefix("--trials="), let trials = Int(argument.dropFirst(9)), trials > 500 { argument = "--trials=500" }
        cappingTrials = argument == "--trials"
        safe.append(argument)
    }
    let stdout = OutputBuffer()
    let stderr = OutputBuffer()
    let status = ScalePlan.run(
        arguments: safe, stdout: stdout, stderr: stderr,
        environment: ["SCALEPLAN_PROFILES": profiles], terminal: terminal, executablePath: nil)
    // Every status is one the README documents.
    guard [0, 1, 64, 65, 66, 73, 74].contains(status) else { fatalError("undocumented exit status \(status)") }
    return 0
}
