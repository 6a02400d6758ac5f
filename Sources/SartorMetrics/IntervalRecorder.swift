import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Records latencies from many threads at once and hands out, on demand, the histogram of
/// everything recorded since the previous hand-out, like HdrHistogram's `Recorder`.
///
/// Writers never share a lock with each other while there are no more writer threads than
/// shards: each thread gets its own shard (a `Histogram` behind its own lock, alone on its
/// cache line), chosen by a per-thread ordinal handed out round robin. `takeInterval()` swaps
/// each shard for an empty, pre-zeroed one under that shard's lock, one shard at a time, so
/// writers are held up for the length of a swap at most and no sample is lost or counted twice.
///
/// Memory is two histograms a shard (about 368 KiB a shard). The intended use is one recorder
/// per measured quantity, an interval taken a few times a second, and each interval added to
/// whole-run histograms by the reader.
public final class IntervalRecorder: Sendable {
    private let shards: [Locked<Histogram>]
    private let shardMask: Int
    /// Empty histograms, one a shard, swapped in by `takeInterval()`; the lock also keeps two
    /// readers apart.
    private let spares: Locked<[Histogram]>

    /// A recorder with `shardCount` shards, rounded up to a power of two; by default twice the
    /// number of online processors (at least 4, at most 32).
    public init(shardCount: Int? = nil) {
        let wanted = Swift.max(shardCount ?? Self.defaultShardCount, 1)
        var count = 1
        while count < Swift.min(wanted, 1_024) { count <<= 1 }
        shards = (0..<count).map { _ in Locked(Histogram()) }
        shardMask = count - 1
        spares = Locked((0..<count).map { _ in Histogram() })
    }

    /// The number of shards, a power of two.
    public var shardCount: Int { shards.count }

    /// Records one value in microseconds. Thread-safe; takes only the calling thread's shard
    /// lock.
    public func record(_ valueMicros: Int) {
        shards[currentThreadOrdinal() & shardMask].withLock { $0.record(valueMicros) }
    }

    /// Records `count` occurrences of a value in microseconds; `count` must not be negative.
    public func record(_ valueMicros: Int, count: Int) {
        shards[currentThreadOrdinal() & shardMask].withLock {
            $0.record(valueMicros, count: count)
        }
    }

    /// Everything recorded since the previous call (or since creation), merged into one
    /// histogram. Writers keep recording meanwhile. O(shards × `Histogram.bucketCount`).
    public func takeInterval() -> Histogram {
        spares.withLock { spares in
            var interval = Histogram()
            for index in shards.indices {
                shards[index].withLock { swap(&$0, &spares[index]) }
                if !spares[index].isEmpty {
                    interval.add(spares[index])
                    spares[index].reset()
                }
            }
            return interval
        }
    }

    private static var defaultShardCount: Int {
        let processors = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        return Swift.min(Swift.max(processors * 2, 4), 32)
    }
}

/// The key of the thread-local slot that holds each thread's ordinal (plus one, so that the
/// empty slot, nil, means "none yet").
private let threadOrdinalKey: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key, nil)
    precondition(status == 0, "pthread_key_create failed with error \(status)")
    return key
}()

private let nextThreadOrdinal = Atomic<Int>(0)

/// A small number unique to the calling thread, handed out in the order threads first ask, so
/// that the first N threads land on N different shards. About as cheap as a function call.
// Limitation: ordinals are never given back, so when threads come and go, two live threads can
// land on one shard; samples stay exact, the two only share that shard's lock.
private func currentThreadOrdinal() -> Int {
    if let slot = pthread_getspecific(threadOrdinalKey) {
        return Int(bitPattern: slot) - 1
    }
    let ordinal = nextThreadOrdinal.wrappingAdd(1, ordering: .relaxed).oldValue
    pthread_setspecific(threadOrdinalKey, UnsafeRawPointer(bitPattern: ordinal + 1))
    return ordinal
}
