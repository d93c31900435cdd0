import ScalePlanKit

/// Where a command writes its text; tests capture it, the real binary writes to file
/// descriptors 1 and 2.
public protocol TextOutput: AnyObject {
    func write(_ text: String)
    /// Why a write failed (`No space left on device`), once one has: output was lost.
    var failure: String? { get }
}

/// Collects output in memory (tests, and commands that must finish before writing a file).
public final class OutputBuffer: TextOutput {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) { self.text += text }

    public var failure: String? { nil }
}

/// Writes to a POSIX file descriptor (1 or 2), unbuffered. After a write fails (a full disk,
/// a closed descriptor) it writes nothing more and keeps the reason, so the command can end with
/// an I/O error instead of reporting success for output that was lost.
public final class FileDescriptorOutput: TextOutput {
    let descriptor: Int32
    public private(set) var failure: String?

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public func write(_ text: String) {
        guard failure == nil else { return }
        var bytes = Array(text.utf8)
        failure = Terminal.writeAll(descriptor, &bytes)
    }
}
