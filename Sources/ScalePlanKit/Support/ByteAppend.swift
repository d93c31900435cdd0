extension [UInt8] {
    /// Appends a string's UTF-8 bytes as one copy where the string is contiguous (native strings
    /// always are), rather than through its UTF-8 view's iterator: what output writers that build
    /// bytes (JSON, numbers) call for every piece of text.
    @inline(__always)
    mutating func append(utf8Of text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            append(contentsOf: text.utf8)
        }
    }
}
