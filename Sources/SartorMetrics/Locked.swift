#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value that is only reached under a `pthread_mutex_t`, in a cache-line-aligned allocation of
/// its own so that two `Locked` never share a cache line (no false sharing between shards).
///
/// Used instead of `Synchronization.Mutex` because, on Linux, `Mutex` locks with futexes that
/// the thread sanitizer does not see, so every access it guards is reported as a race; the
/// sanitizer does understand pthread mutexes. The cost is the same: one atomic each way when
/// the lock is free.
// Safe to send: `value` is only read or written between pthread_mutex_lock and unlock of
// `mutex`, and `Value` is itself Sendable.
final class Locked<Value: Sendable>: @unchecked Sendable {
    /// Two cache lines, so that adjacent-line prefetching does not couple neighbours either.
    private static var lineSize: Int { 128 }
    private let base: UnsafeMutableRawPointer
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let value: UnsafeMutablePointer<Value>

    init(_ initialValue: Value) {
        let valueOffset = Self.roundedUp(
            MemoryLayout<pthread_mutex_t>.size, to: MemoryLayout<Value>.alignment)
        let byteCount = Self.roundedUp(valueOffset + MemoryLayout<Value>.size, to: Self.lineSize)
        base = .allocate(byteCount: byteCount, alignment: Self.lineSize)
        mutex = base.bindMemory(to: pthread_mutex_t.self, capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed with error \(status)")
        value = (base + valueOffset).bindMemory(to: Value.self, capacity: 1)
        value.initialize(to: initialValue)
    }

    deinit {
        value.deinitialize(count: 1)
        pthread_mutex_destroy(mutex)
        base.deallocate()
    }

    /// Runs `body` with the value while holding the lock. Never call it again from `body`.
    @inline(__always)
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value.pointee)
    }

    private static func roundedUp(_ size: Int, to alignment: Int) -> Int {
        (size + alignment - 1) / alignment * alignment
    }
}
