import ScalePlanKit

/// Where a command writes its text; tests capture it, the real binary writes to file
/// descriptors 1 and 2.
public protocol TextOutput: AnyObject {
    func write(_ text: String)
}

/// Collects output in memory (tests, and commands that must finish before writing a file).
public final class OutputBuffer: TextOutput {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) { self.text += text }
}

/// Writes to a POSIX file descriptor (1 or 2), unbuffered, ignoring a closed pipe.
public final class FileDescriptorOutput: TextOutput {
    let descriptor: Int32

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        Terminal.writeAll(descriptor, &bytes)
    }
}
