/// Reads a response body as it arrives, in place of the client keeping it whole: for a large
/// body of which the caller needs only a digest (one key chosen from a collection, a count), so
/// that memory per request in flight stays at the size of a receive buffer.
///
/// Thread-safety: the client calls it on its loop thread, one transfer at a time; the caller
/// reads its digest only after `send` has returned, which orders the calls before the read.
public protocol ResponseBodyConsumer: AnyObject, Sendable {
    /// A transfer of the request starts, the first or a retry: forget any earlier body.
    func begin()
    /// The next bytes of the body, as received (after any transfer decoding).
    func consume(_ bytes: UnsafeRawBufferPointer)
}
