import Testing

@testable import SartorMetrics

@Suite struct HistogramRangeTests {
    @Test func rangeReachesAnHour() {
        #expect(Histogram.highestTrackableValue >= 3_600_000_000)
        #expect(
            Histogram.highestEquivalentValue(Histogram.highestTrackableValue)
                == Histogram.highestTrackableValue)
        var histogram = Histogram()
        histogram.record(3_600_000_000)
        #expect(histogram.overflowCount == 0)
        #expect(abs(histogram.value(atPercentile: 50) - 3_600_000_000) <= 3_600_000)
    }

    @Test func everyCounterIndexIsInBoundsAndOrdered() {
        var previous = -1
        var value = 0
        while value <= Histogram.highestTrackableValue {
            let index = Histogram.Layout.index(of: value)
            #expect(index > previous && index < Histogram.bucketCount)
            #expect(Histogram.Layout.lowestValue(atIndex: index) == value)
            previous = index
            value += Histogram.Layout.width(atIndex: index)
        }
        #expect(previous == Histogram.bucketCount - 1)
    }

    @Test func overflowIsCountedNotDropped() {
        var histogram = Histogram()
        histogram.record(500)
        histogram.record(Histogram.highestTrackableValue + 1)
        histogram.record(10_000_000_000, count: 3)

        #expect(histogram.totalCount == 5)
        #expect(histogram.overflowCount == 4)
        #expect(histogram.max == 10_000_000_000)
        #expect(histogram.value(atPercentile: 100) == 10_000_000_000)
        #expect(histogram.value(atPercentile: 50) >= Histogram.highestTrackableValue)
    }

    @Test func negativeValuesCountAsZero() {
        var histogram = Histogram()
        histogram.record(-5)
        #expect(histogram.totalCount == 1)
        #expect(histogram.min == 0 && histogram.max == 0)
    }

    @Test func recordWithCountEqualsRepeatedRecords() {
        var once = Histogram()
        var repeated = Histogram()
        once.record(12_345, count: 7)
        once.record(3, count: 0)
        for _ in 0..<7 { repeated.record(12_345) }
        #expect(once == repeated)
    }

    @Test func copiesAreIndependent() {
        var original = Histogram()
        original.record(100)
        var copy = original
        copy.record(200)
        #expect(original.totalCount == 1 && original.max == 100)
        #expect(copy.totalCount == 2 && copy.max == 200)
        copy.reset()
        #expect(copy.isEmpty && original.totalCount == 1)
        #expect(copy == Histogram())
    }
}
