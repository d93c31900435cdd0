#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// File reading and atomic writing on POSIX calls, so that every failure has its real reason
/// (errno) and a partial write never replaces a good file.
public enum FileIO {
    /// Why a file operation failed.
    public enum Failure: Error, Sendable, Equatable {
        /// The input is missing or unreadable (sysexits EX_NOINPUT, 66).
        case cannotRead(path: String, reason: String)
        /// The input is larger than allowed.
        case tooLarge(path: String, limit: Int)
        /// The output file cannot be created (EX_CANTCREAT, 73).
        case cannotCreate(path: String, reason: String)
        /// Writing failed part-way (EX_IOERR, 74); the target is untouched.
        case writeFailed(path: String, reason: String)
    }

    /// Reads a whole file of at most `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .cannotRead(path: path, reason: describeErrno()) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .cannotRead(path: path, reason: describeErrno()) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .cannotRead(path: path, reason: "is a directory") }
        return try read(descriptor: descriptor, name: path, limit: limit)
    }

    /// Reads an open descriptor (standard input, a pipe) to its end, at most `limit` bytes;
    /// `name` is what a failure calls it.
    public static func read(descriptor: Int32, name: String, limit: Int) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glue.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(path: name, reason: describeErrno())
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw .tooLarge(path: name, limit: limit) }
        }
    }

    /// What makes two paths the same file (device and inode), following symbolic links; nil
    /// when the path does not exist.
    public struct Identity: Equatable, Sendable {
        let device: UInt64
        let inode: UInt64
    }

    public static func identity(of path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The file an open descriptor reads (standard input redirected from a file), nil when
    /// `fstat` fails.
    public static func identity(ofDescriptor descriptor: Int32) -> Identity? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed, then
    /// renamed over the target. On any failure the temporary file is removed and an existing
    /// target is left exactly as it was.
    ///
    /// A target that exists and is not a regular file (`/dev/stdout`, `/dev/full`, a FIFO) is
    /// written in place instead: renaming over a device node would replace the device.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(Failure) {
        let result = bytes.withUnsafeBytes { buffer in Result { () throws(Failure) in try writeAtomically(buffer, to: path) } }
        try result.get()
    }

    /// Writes a text's UTF-8 to `path` atomically (see above), without copying it first.
    public static func writeAtomically(_ text: String, to path: String) throws(Failure) {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(Failure) in try writeAtomically(UnsafeRawBufferPointer(buffer), to: path) }
        }
        try result.get()
    }

    private static func writeAtomically(_ bytes: UnsafeRawBufferPointer, to given: String) throws(Failure) {
        // Through a symbolic link, the file it points at is replaced, not the link.
        guard let path = linkTarget(given) else {
            throw .cannotCreate(path: given, reason: "too many levels of symbolic links (a loop?)")
        }
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists && (info.st_mode & S_IFMT) != S_IFREG {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw .cannotCreate(path: given, reason: "is a directory") }
            let descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { throw .cannotCreate(path: given, reason: describeErrno()) }
            let failure = writeAll(descriptor, bytes, path: given)
            close(descriptor)
            if let failure { throw failure }
            return
        }
        let folder = ProfileLibrary.parent(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let template = Array((folder + "/." + name + ".tmp-XXXXXX").utf8)
        guard template.count < PendingFile.capacity else { throw .cannotCreate(path: given, reason: "the path is too long") }
        let descriptor = PendingFile.create(template)
        // Name the folder: for an existing file in a folder that takes no new files (/proc),
        // "no such file or directory" alone would be puzzling.
        guard descriptor >= 0 else { throw .cannotCreate(path: given, reason: "\(describeErrno()) (in folder '\(folder)')") }
        var failure = writeAll(descriptor, bytes, path: given)
        if failure == nil && fsync(descriptor) != 0 && errno != EINVAL {
            failure = .writeFailed(path: given, reason: describeErrno())
        }
        if exists {
            // An existing file keeps its permissions and, where the system allows it, its owner.
            // Owner first: fchown clears the set-user-ID and set-group-ID bits, which the mode
            // then restores.
            _ = fchown(descriptor, info.st_uid, info.st_gid)
            fchmod(descriptor, info.st_mode & 0o7777)
        } else {
            // mkstemp creates 0600; a new file gets the usual permissions (0666 less the umask).
            let mask = umask(0)
            umask(mask)
            fchmod(descriptor, 0o666 & ~mask)
        }
        if close(descriptor) != 0 && failure == nil { failure = .writeFailed(path: given, reason: describeErrno()) }
        if failure == nil && PendingFile.rename(to: path) != 0 {
            failure = .cannotCreate(path: given, reason: describeErrno())
        }
        if let failure {
            PendingFile.remove()
            throw failure
        }
    }

    /// The file a path names once symbolic links are followed (a dangling link names the file
    /// it would create); the path itself when it is not a link.
    static func linkTarget(_ path: String) -> String? {
        var current = path
        for _ in 0..<40 {  // SYMLOOP_MAX
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return current }
            let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : ProfileLibrary.parent(of: current) + "/" + target
        }
        return nil  // a loop (or a chain longer than the system follows): ELOOP
    }

    /// Writes every byte, retrying on EINTR; the failure, if any.
    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) -> Failure? {
        var written = 0
        while written < bytes.count {
            let count = Glue.write(descriptor, bytes.baseAddress.map { $0 + written }, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                return .writeFailed(path: path, reason: describeErrno())
            }
            if count == 0 { return .writeFailed(path: path, reason: "no progress") }
            written += count
        }
        return nil
    }

    public static func describeErrno() -> String {
        let code = errno
        switch code {
        case ENOENT: return "no such file or directory"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a directory"
        case ENOSPC: return "no space left on device"
        case EFBIG: return "file too large"
        case EROFS: return "read-only file system"
        case ENOTDIR: return "a parent is not a directory"
        default: return String(cString: strerror(code))
        }
    }
}

/// The POSIX calls whose names collide with Swift methods in scope.
private enum Glue {
    static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Darwin)
            Darwin.read(fd, buffer, count)
        #elseif canImport(Musl)
            Musl.read(fd, buffer, count)
        #else
            Glibc.read(fd, buffer, count)
        #endif
    }

    static func write(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Darwin)
            Darwin.write(fd, buffer, count)
        #elseif canImport(Musl)
            Musl.write(fd, buffer, count)
        #else
            Glibc.write(fd, buffer, count)
        #endif
    }
}
