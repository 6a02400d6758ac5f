import Testing

@testable import SartorMetrics

@Suite struct HistogramPercentileTests {
    static let percentiles: [Double] = [0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100]

    @Test(arguments: LatencyShape.allCases)
    func percentilesMatchSortedOracle(shape: LatencyShape) {
        let samples = shape.samples(count: 20_000, seed: 42)
        let sorted = samples.sorted()
        var histogram = Histogram()
        for value in samples { histogram.record(value) }

        #expect(histogram.totalCount == samples.count)
        #expect(histogram.min == sorted.first)
        #expect(histogram.max == sorted.last)
        for percentile in Self.percentiles {
            let exact = exactPercentile(percentile, ofSorted: sorted)
            let reported = histogram.value(atPercentile: percentile)
            // The reported value is in the same sub-bucket as the exact one: three digits.
            #expect(reported >= Histogram.lowestEquivalentValue(exact), "p\(percentile)")
            #expect(reported <= Histogram.highestEquivalentValue(exact), "p\(percentile)")
            #expect(Double(abs(reported - exact)) <= Double(exact) / 1_000, "p\(percentile)")
        }
    }

    @Test(arguments: LatencyShape.allCases)
    func meanAndDeviationWithinPrecision(shape: LatencyShape) {
        let samples = shape.samples(count: 20_000, seed: 7)
        var histogram = Histogram()
        for value in samples { histogram.record(value) }

        let count = Double(samples.count)
        let exactMean = samples.reduce(0.0) { $0 + Double($1) } / count
        let meanSquare = samples.reduce(0.0) { $0 + Double($1) * Double($1) } / count
        let exactDeviation = (meanSquare - exactMean * exactMean).squareRoot()
        // Each value moves by at most half a sub-bucket (1/2,048 of itself), which bounds how
        // far the mean and the deviation can move.
        #expect(abs(histogram.mean - exactMean) <= exactMean / 1_000)
        #expect(
            abs(histogram.standardDeviation - exactDeviation) <= meanSquare.squareRoot() / 1_000)
    }

    @Test func severalPercentilesInOnePassMatchSingleQueries() {
        var histogram = Histogram()
        for value in LatencyShape.exponential.samples(count: 5_000, seed: 3) {
            histogram.record(value)
        }
        let shuffled: [Double] = [99, 50, 100, 0, 99.9, 25]
        let together = histogram.values(atPercentiles: shuffled)
        #expect(together == shuffled.map { histogram.value(atPercentile: $0) })
    }

    @Test func stallShowsOnlyInTheTail() {
        var histogram = Histogram()
        histogram.record(1_000, count: 10_000)
        histogram.record(100_000_000)

        #expect(histogram.totalCount == 10_001)
        #expect(histogram.value(atPercentile: 50) == 1_000)
        #expect(histogram.value(atPercentile: 99) == 1_000)
        #expect(histogram.value(atPercentile: 99.99) == 1_000)
        let stall = histogram.value(atPercentile: 99.999)
        #expect(abs(stall - 100_000_000) <= 100_000)
        #expect(histogram.max == 100_000_000)
        #expect(abs(histogram.mean - 110_000_000.0 / 10_001) <= 10)
    }

    @Test func emptyHistogramReportsZeros() {
        let histogram = Histogram()
        #expect(histogram.isEmpty)
        #expect(histogram.value(atPercentile: 99) == 0)
        #expect(histogram.min == 0 && histogram.max == 0)
        #expect(histogram.mean == 0 && histogram.standardDeviation == 0)
    }

    @Test func smallValuesAreExact() {
        var histogram = Histogram()
        for value in 0..<2_048 { histogram.record(value) }
        #expect(histogram.value(atPercentile: 50) == 1_023)
        #expect(histogram.recordedBuckets.count == 2_048)
        #expect(histogram.recordedBuckets.allSatisfy { $0.lowestValue == $0.highestValue })
    }
}
