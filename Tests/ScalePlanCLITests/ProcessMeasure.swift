#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a child process cost: its exit status, wall time, and peak resident memory (from
/// `wait4`'s `rusage`, the child's own — other tests running meanwhile do not count).
struct ProcessCost {
    var status: Int32
    var seconds: Double
    var peakMegabytes: Double
}

/// Runs `arguments` (the executable first) with stdout and stderr sent to /dev/null.
func measureProcess(_ arguments: [String]) -> ProcessCost? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var start = timespec(), end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    var pid: pid_t = 0
    guard posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    guard wait4(pid, &status, 0, &usage) == pid else { return nil }
    clock_gettime(CLOCK_MONOTONIC, &end)
    let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    // Linux reports ru_maxrss in KiB (macOS in bytes; these tests run on Linux in CI).
    let exit = (status >> 8) & 0xFF
    return ProcessCost(status: (status & 0x7F) == 0 ? exit : -1, seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024)
}
