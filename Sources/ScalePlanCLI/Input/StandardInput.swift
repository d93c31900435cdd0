import ScalePlanKit

/// Where `-` reads from: the process's standard input in the real binary, bytes in tests.
public protocol ByteInput: AnyObject {
    /// Everything up to the end, at most `limit` bytes; `name` is what a failure calls it.
    func readAll(name: String, limit: Int) throws(FileIO.Failure) -> [UInt8]
    /// The file behind it, when it is one (`< plan.json`): `-o` must not replace it.
    var identity: FileIO.Identity? { get }
}

/// Reads a POSIX file descriptor (0) to its end.
public final class FileDescriptorInput: ByteInput {
    let descriptor: Int32

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public func readAll(name: String, limit: Int) throws(FileIO.Failure) -> [UInt8] {
        try FileIO.read(descriptor: descriptor, name: name, limit: limit)
    }

    public var identity: FileIO.Identity? { FileIO.identity(ofDescriptor: descriptor) }
}

/// Fixed bytes as standard input (tests; empty by default, like `< /dev/null`).
public final class InputBuffer: ByteInput {
    let bytes: [UInt8]

    public init(_ bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    public func readAll(name: String, limit: Int) throws(FileIO.Failure) -> [UInt8] {
        guard bytes.count <= limit else { throw .tooLarge(path: name, limit: limit) }
        return bytes
    }

    public var identity: FileIO.Identity? { nil }
}
