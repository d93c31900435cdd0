import ScalePlanKit

/// The process environment as a dictionary.
public func currentEnvironment() -> [String: String] {
    System.environment
}

/// The running binary's path: `/proc/self/exe` on Linux (correct even when started through
/// `PATH`), else `argv[0]`.
public func executablePath() -> String? {
    if let target = System.symbolicLinkTarget("/proc/self/exe") { return target }
    return CommandLine.arguments.first
}
