extension Bool {
    /// `self && other` with both sides evaluated: an AND of the two bytes, no branch. For loops
    /// over a block's trials, where a branch per trial on data-dependent flags mispredicts and
    /// keeps the loop from vectorising. (`other` is evaluated either way, so it must be cheap and
    /// free of effects.)
    @inline(__always)
    func and(_ other: Bool) -> Bool {
        unsafeBitCast(unsafeBitCast(self, to: UInt8.self) & unsafeBitCast(other, to: UInt8.self), to: Bool.self)
    }
}
