import Foundation
import Synchronization
import Testing

@testable import SartorMetrics

@Suite struct ErrorFeedTests {
    @Test func ringsAreBoundedAndNewestFirst() {
        let feed = ErrorFeed(capacity: 3)
        for second in 0..<5 {
            feed.record(time: Double(second), operation: "post", kind: .timeout, message: "slow")
        }
        for second in 0..<4 {
            feed.record(time: Double(second), operation: "claim", kind: .conflict, message: "lost")
        }
        let snapshot = feed.snapshot()
        #expect(snapshot.recentErrors.map(\.time) == [4, 3, 2])
        #expect(snapshot.recentClientSide.map(\.time) == [3, 2, 1])
        #expect(snapshot.errorCount == 5)
        #expect(snapshot.clientSideCount == 4)
    }

    @Test func countsByKindKeepStatusCodesApart() {
        let feed = ErrorFeed()
        let kinds: [ErrorKind] = [
            .httpStatus(503), .httpStatus(503), .httpStatus(404), .connectionRefused, .rateLimited,
            .skipped,
        ]
        for kind in kinds {
            feed.record(time: 1, operation: "read", kind: kind, message: kind.label)
        }
        #expect(feed.countsByKind[.httpStatus(503)] == 2)
        #expect(feed.countsByKind[.httpStatus(404)] == 1)
        #expect(feed.countsByKind[.rateLimited] == 1)
        #expect(feed.snapshot().errorCount == 4)
        #expect(feed.snapshot().clientSideCount == 2)
        #expect(feed.snapshot().recentErrors.first?.kind == .connectionRefused)
    }

    @Test func longMessagesAreCut() {
        let feed = ErrorFeed(capacity: 1)
        feed.record(
            time: 0, operation: "x", kind: .other, message: String(repeating: "é", count: 1_000))
        #expect(feed.snapshot().recentErrors[0].message.count == ErrorFeed.messageLimit)
    }

    @Test func concurrentRecordsAreAllCounted() {
        let feed = ErrorFeed(capacity: 10)
        let threads = 4
        let perThread = 2_000
        let finished = Atomic<Int>(0)
        for index in 0..<threads {
            Thread {
                for step in 0..<perThread {
                    let kind: ErrorKind = step.isMultiple(of: 2) ? .timeout : .skipped
                    feed.record(
                        time: Double(step), operation: "op\(index)", kind: kind, message: "")
                }
                finished.add(1, ordering: .releasing)
            }.start()
        }
        while finished.load(ordering: .acquiring) < threads {
            _ = feed.snapshot()
        }
        let snapshot = feed.snapshot()
        #expect(snapshot.errorCount == threads * perThread / 2)
        #expect(snapshot.clientSideCount == threads * perThread / 2)
        #expect(snapshot.recentErrors.count == 10)
    }
}
