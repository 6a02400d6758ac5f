import Foundation
import SartorMetrics
import Synchronization

/// Runs `record` `records` times on each of `count` threads started together, calling
/// `whileWaiting` every 100 ms on the calling thread until they finish. Returns the CPU time
/// the writer threads spent recording, in nanoseconds.
func runWriters(
    _ count: Int, records: Int, record: @escaping @Sendable (Int) -> Void,
    whileWaiting: () -> Void = {}
) -> Double {
    let started = Atomic<Int>(0)
    let finished = Atomic<Int>(0)
    let cpuNanoseconds = Atomic<Int>(0)
    for _ in 0..<count {
        Thread {
            started.add(1, ordering: .sequentiallyConsistent)
            while started.load(ordering: .sequentiallyConsistent) < count {}
            let cpu = threadCPUNanoseconds {
                sampleValues.withUnsafeBufferPointer { values in
                    for index in 0..<records { record(values[index & sampleMask]) }
                }
            }
            cpuNanoseconds.add(Int(cpu), ordering: .relaxed)
            finished.add(1, ordering: .releasing)
        }.start()
    }
    while finished.load(ordering: .acquiring) < count {
        Thread.sleep(forTimeInterval: 0.1)
        whileWaiting()
    }
    return Double(cpuNanoseconds.load(ordering: .relaxed))
}

/// The CPU time the calling thread spends in `body`, in nanoseconds.
func threadCPUNanoseconds(_ body: () -> Void) -> Double {
    func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
    }
    let start = now()
    body()
    return now() - start
}

/// The design the recorder avoids: every writer takes the same lock.
final class SharedLockHistogram: Sendable {
    private let histogram = Mutex(Histogram())

    func record(_ valueMicros: Int) {
        histogram.withLock { $0.record(valueMicros) }
    }

    var totalCount: Int { histogram.withLock { $0.totalCount } }
}
