import Dispatch

/// Work on disjoint parts of an array from several threads: the merging and the percentiles at
/// the end of a Monte Carlo run, which would otherwise be the serial part the threads wait on.
enum ParallelChunks {
    /// Calls `body` on consecutive, disjoint ranges that cover `0 ..< count`, one per thread (one
    /// range on this thread when there is little to share).
    static func forEach(count: Int, threads: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let parts = Swift.max(1, Swift.min(threads, count / 64))
        guard parts > 1 else {
            body(0..<count)
            return
        }
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            body((part * count / parts)..<((part + 1) * count / parts))
        }
    }

    /// Elements that disjoint ranges read and write from several threads: each element by one
    /// thread only, through a pointer (an array's copy-on-write check is not thread-safe), hence
    /// `@unchecked Sendable`.
    final class Shared<Element>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Element>
        let count: Int

        init(_ elements: [Element]) {
            count = elements.count
            base = .allocate(capacity: Swift.max(1, count))
            base.initialize(from: elements, count: count)
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }

        var elements: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
    }
}
