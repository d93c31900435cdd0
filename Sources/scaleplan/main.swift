import ScalePlanCLI
import ScalePlanKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// An interrupted write must not leave its temporary file behind.
PendingFile.removeOnSignals()
let environment = currentEnvironment()
let status = ScalePlan.run(
    arguments: Array(CommandLine.arguments.dropFirst()),
    stdout: FileDescriptorOutput(descriptor: 1),
    stderr: FileDescriptorOutput(descriptor: 2),
    stdin: FileDescriptorInput(descriptor: 0),
    environment: environment,
    terminal: .current(environment: environment),
    executablePath: executablePath())
exit(status)
