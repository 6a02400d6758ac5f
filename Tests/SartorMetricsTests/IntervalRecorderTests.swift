import Foundation
import Synchronization
import Testing

@testable import SartorMetrics

@Suite struct IntervalRecorderTests {
    @Test func intervalHoldsWhatWasRecordedSinceTheLastOne() {
        let recorder = IntervalRecorder(shardCount: 2)
        recorder.record(100)
        recorder.record(2_000, count: 3)
        let first = recorder.takeInterval()
        #expect(first.totalCount == 4)
        #expect(first.min == 100 && first.max == 2_000)

        #expect(recorder.takeInterval().isEmpty)
        recorder.record(7)
        let third = recorder.takeInterval()
        #expect(third.totalCount == 1 && third.max == 7)
    }

    @Test func shardCountIsAPowerOfTwo() {
        #expect(IntervalRecorder(shardCount: 5).shardCount == 8)
        #expect(IntervalRecorder(shardCount: 1).shardCount == 1)
        #expect(IntervalRecorder().shardCount >= 4)
    }

    /// Several writer threads record known values while the reader takes intervals as fast as it
    /// can; the intervals together must equal the histogram of every value recorded. Writers
    /// start after the reader's first interval and wait for its second halfway, so that intervals
    /// are taken while they write however the threads are scheduled.
    @Test func concurrentWritersLoseNoSample() {
        let writers = 4
        let perWriter = 20_000
        let recorder = IntervalRecorder(shardCount: 4)
        let finished = Atomic<Int>(0)
        let taken = Atomic<Int>(0)
        for writer in 0..<writers {
            let thread = Thread {
                for index in 0..<perWriter {
                    if index == 0 || index == perWriter / 2 {
                        let wanted = index == 0 ? 1 : 2
                        while taken.load(ordering: .acquiring) < wanted { sched_yield() }
                    }
                    recorder.record(Self.value(writer: writer, index: index))
                }
                finished.add(1, ordering: .releasing)
            }
            thread.start()
        }

        var merged = Histogram()
        var intervals = 0
        while finished.load(ordering: .acquiring) < writers {
            merged.add(recorder.takeInterval())
            intervals += 1
            taken.store(intervals, ordering: .releasing)
        }
        merged.add(recorder.takeInterval())

        var expected = Histogram()
        for writer in 0..<writers {
            for index in 0..<perWriter {
                expected.record(Self.value(writer: writer, index: index))
            }
        }
        #expect(merged.totalCount == writers * perWriter)
        #expect(merged == expected)
        #expect(intervals > 1)
    }

    private static func value(writer: Int, index: Int) -> Int {
        writer * 100_000 + (index * 7_919) % 50_000
    }
}
