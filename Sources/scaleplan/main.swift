import ScalePlanCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

let environment = currentEnvironment()
let status = ScalePlan.run(
    arguments: Array(CommandLine.arguments.dropFirst()),
    stdout: FileDescriptorOutput(descriptor: 1),
    stderr: FileDescriptorOutput(descriptor: 2),
    environment: environment,
    terminal: .current(environment: environment),
    executablePath: executablePath())
exit(status)
