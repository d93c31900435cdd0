#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary file an atomic write is filling, kept where a signal handler can reach it, so
/// that SIGINT, SIGTERM or SIGHUP during a write never leaves `.NAME.tmp-XXXXXX` behind.
///
/// The path lives in fixed storage and the handler only calls `unlink`, `signal` and `raise`,
/// which are async-signal-safe. One write is pending at a time: a lock is held from `create`
/// until `rename` succeeds or `remove` runs.
public enum PendingFile {
    /// Room for the temporary file's path, NUL included.
    static let capacity = Int(PATH_MAX) + 1

    nonisolated(unsafe) private static let path: UnsafeMutablePointer<CChar> = {
        let storage = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        storage.initialize(repeating: 0, count: capacity)
        return storage
    }()
    /// 1 while `path` names a file this process created and has not yet renamed or removed.
    nonisolated(unsafe) private static var active: Int32 = 0
    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        return lock
    }()

    /// Creates the temporary file from a `mkstemp` template (shorter than `capacity`); its
    /// descriptor, or -1 with `errno` set.
    static func create(_ template: [UInt8]) -> Int32 {
        pthread_mutex_lock(lock)
        for (index, byte) in template.enumerated() { path[index] = CChar(bitPattern: byte) }
        path[template.count] = 0
        // Active before the file exists: a signal inside mkstemp then removes at most the file
        // mkstemp was creating.
        active = 1
        let descriptor = mkstemp(path)
        if descriptor < 0 {
            let saved = errno
            active = 0
            pthread_mutex_unlock(lock)
            errno = saved
        }
        return descriptor
    }

    /// Renames the temporary file over `target`: 0, or -1 with `errno` set (the file is still
    /// pending: call `remove`).
    static func rename(to target: String) -> Int32 {
        let result = Glue.rename(path, target)
        if result == 0 {
            active = 0
            pthread_mutex_unlock(lock)
        }
        return result
    }

    /// Removes the temporary file after a failed write.
    static func remove() {
        let saved = errno
        unlink(path)
        active = 0
        pthread_mutex_unlock(lock)
        errno = saved
    }

    /// Makes SIGINT, SIGTERM and SIGHUP remove a pending temporary file before the process ends
    /// the way the signal would have ended it. A signal the process was started with ignored
    /// (`nohup`, a background job) stays ignored. Call once, from `main`.
    public static func removeOnSignals() {
        _ = path
        _ = lock
        let handler: @convention(c) (Int32) -> Void = { signal in
            if PendingFile.active != 0 { unlink(PendingFile.path) }
            Glue.signal(signal, SIG_DFL)
            raise(signal)
        }
        for number in [SIGINT, SIGTERM, SIGHUP] {
            let previous = Glue.signal(number, handler)
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                Glue.signal(number, SIG_IGN)
            }
        }
    }
}

/// The C calls whose names collide with Swift names in scope.
private enum Glue {
    static func rename(_ from: UnsafePointer<CChar>, _ to: String) -> Int32 {
        #if canImport(Darwin)
            Darwin.rename(from, to)
        #elseif canImport(Musl)
            Musl.rename(from, to)
        #else
            Glibc.rename(from, to)
        #endif
    }

    typealias Handler = @convention(c) (Int32) -> Void

    @discardableResult
    static func signal(_ number: Int32, _ handler: Handler?) -> Handler? {
        #if canImport(Darwin)
            Darwin.signal(number, handler)
        #elseif canImport(Musl)
            Musl.signal(number, handler)
        #else
            Glibc.signal(number, handler)
        #endif
    }
}
