import Testing

@testable import SartorMetrics

@Suite struct HistogramMergeTests {
    @Test(arguments: LatencyShape.allCases)
    func mergeEqualsRecordingIntoOne(shape: LatencyShape) {
        let first = shape.samples(count: 3_000, seed: 11)
        let second = LatencyShape.heavyTail.samples(count: 2_000, seed: 12)
        var left = Histogram()
        var right = Histogram()
        var both = Histogram()
        for value in first {
            left.record(value)
            both.record(value)
        }
        for value in second {
            right.record(value)
            both.record(value)
        }
        right.record(Histogram.highestTrackableValue * 2)
        both.record(Histogram.highestTrackableValue * 2)

        var merged = left
        merged.add(right)
        #expect(merged == both)
        #expect(merged.overflowCount == 1)
        #expect(left.totalCount == first.count)
        #expect(merged.value(atPercentile: 99) == both.value(atPercentile: 99))
    }

    @Test func mergingEmptyChangesNothing() {
        var histogram = Histogram()
        histogram.record(42)
        let before = histogram
        histogram.add(Histogram())
        #expect(histogram == before)
        var empty = Histogram()
        empty.add(before)
        #expect(empty == before)
    }

    @Test(arguments: LatencyShape.allCases)
    func encodingRoundTrips(shape: LatencyShape) {
        var histogram = Histogram()
        for value in shape.samples(count: 4_000, seed: 5) { histogram.record(value) }
        histogram.record(Histogram.highestTrackableValue + 10)

        let text = histogram.encoded()
        #expect(Histogram(encoded: text) == histogram)
        // Sparse: far smaller than the raw counters.
        #expect(text.utf8.count < 32_000)
    }

    @Test func decodedEncodingsMerge() throws {
        var left = Histogram()
        var right = Histogram()
        var both = Histogram()
        for (index, value) in LatencyShape.bimodal.samples(count: 2_000, seed: 9).enumerated() {
            if index.isMultiple(of: 3) { left.record(value) } else { right.record(value) }
            both.record(value)
        }
        var merged = try #require(Histogram(encoded: left.encoded()))
        merged.add(try #require(Histogram(encoded: right.encoded())))
        #expect(merged == both)
    }

    @Test func emptyEncodingRoundTrips() {
        #expect(Histogram(encoded: Histogram().encoded()) == Histogram())
    }

    @Test(arguments: ["", "not base64!", "AA==", "AgAAAA==", "AQAAAP8="])
    func malformedEncodingsAreRejected(text: String) {
        #expect(Histogram(encoded: text) == nil)
    }
}
