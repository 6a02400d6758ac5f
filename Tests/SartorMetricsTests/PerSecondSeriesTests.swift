import Testing

@testable import SartorMetrics

@Suite struct PerSecondSeriesTests {
    @Test func ringWrapsAndKeepsTheLastSeconds() {
        var series = PerSecondSeries(capacity: 5)
        for second in 0...12 {
            for _ in 0...second { series.record(atSecond: second, bytes: 10) }
        }
        #expect(series.latestSecond == 12)
        #expect(series.last(5).map(\.operations) == [9, 10, 11, 12, 13])
        #expect(series.counts(atSecond: 7) == .zero)
        #expect(series.counts(atSecond: 12) == SecondCounts(operations: 13, errors: 0, bytes: 130))
        #expect(series.totals.operations == (1...13).reduce(0, +))
    }

    @Test func skippedSecondsAreCleared() {
        var series = PerSecondSeries(capacity: 4)
        for second in 0..<4 { series.add(SecondCounts(operations: 5), atSecond: second) }
        series.record(atSecond: 6, failed: true)
        #expect(series.last(4).map(\.operations) == [5, 0, 0, 1])
        #expect(series.counts(atSecond: 6).errors == 1)
        series.record(atSecond: 100)
        #expect(series.last(4).map(\.operations) == [0, 0, 0, 1])
    }

    @Test func lateSecondsInsideTheWindowStillCount() {
        var series = PerSecondSeries(capacity: 3)
        series.record(atSecond: 10)
        series.record(atSecond: 9)
        series.record(atSecond: 2)
        #expect(series.counts(atSecond: 9).operations == 1)
        #expect(series.counts(atSecond: 2) == .zero)
        #expect(series.totals.operations == 3)
        #expect(series.latestSecond == 10)
    }

    @Test func lastPadsBeforeTheStartAndPastTheLatest() {
        var series = PerSecondSeries(capacity: 10)
        series.record(atSecond: 1)
        #expect(series.last(4).map(\.operations) == [0, 0, 0, 1])
        #expect(series.last(3, endingAt: 3).map(\.operations) == [1, 0, 0])
        #expect(PerSecondSeries().last(2) == [.zero, .zero])
    }

    @Test func recorderSnapshotsAreIndependentCopies() {
        let recorder = PerSecondRecorder(capacity: 60)
        recorder.record(atSecond: 0, bytes: 100)
        let snapshot = recorder.snapshot()
        recorder.add(SecondCounts(operations: 2, errors: 1, bytes: 5), atSecond: 0)
        #expect(snapshot.counts(atSecond: 0).operations == 1)
        #expect(
            recorder.snapshot().counts(atSecond: 0)
                == SecondCounts(
                    operations: 3, errors: 1, bytes: 105))
    }
}
