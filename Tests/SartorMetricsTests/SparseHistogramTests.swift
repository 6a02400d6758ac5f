import Testing

@testable import SartorMetrics

@Suite struct SparseHistogramTests {
    static func dense(_ values: [Int]) -> Histogram {
        var histogram = Histogram()
        for value in values { histogram.record(value) }
        return histogram
    }

    @Test(arguments: LatencyShape.allCases)
    func holdsTheSameValuesAsTheDenseHistogram(shape: LatencyShape) {
        var dense = Self.dense(shape.samples(count: 5_000, seed: 21))
        dense.record(Histogram.highestTrackableValue + 5)
        let sparse = SparseHistogram(dense)
        #expect(sparse.histogram == dense)
        #expect(sparse.totalCount == dense.totalCount)
        #expect(sparse.overflowCount == 1)
        #expect((sparse.min, sparse.max) == (dense.min, dense.max))
        let percentiles = [0, 25, 50, 90, 99, 99.9, 100]
        #expect(
            sparse.values(atPercentiles: percentiles) == dense.values(atPercentiles: percentiles))
        #expect(sparse.mean == dense.mean)
        #expect(sparse.encoded() == dense.encoded())
        #expect(SparseHistogram(encoded: dense.encoded()) == sparse)
    }

    @Test(arguments: LatencyShape.allCases)
    func mergeEqualsTheDenseMerge(shape: LatencyShape) {
        let left = Self.dense(shape.samples(count: 3_000, seed: 31))
        let right = Self.dense(LatencyShape.bimodal.samples(count: 2_000, seed: 32))
        var expected = left
        expected.add(right)
        var merged = SparseHistogram(left)
        merged.add(SparseHistogram(right))
        #expect(merged.histogram == expected)
        #expect(merged == SparseHistogram(expected))
    }

    @Test func mergingEmptyChangesNothing() {
        let one = SparseHistogram(Self.dense([42, 4_200]))
        var merged = one
        merged.add(SparseHistogram())
        #expect(merged == one)
        var empty = SparseHistogram()
        empty.add(one)
        #expect(empty == one)
        #expect(SparseHistogram().histogram == Histogram())
        #expect(SparseHistogram().value(atPercentile: 50) == 0)
    }

    @Test func differenceHoldsOnlyWhatWasRecordedSince() {
        let first = LatencyShape.exponential.samples(count: 2_000, seed: 41)
        let second = LatencyShape.heavyTail.samples(count: 1_000, seed: 42)
        let earlier = Self.dense(first)
        let later = Self.dense(first + second)
        let delta = SparseHistogram(later, since: earlier)
        let onlySecond = Self.dense(second)
        #expect(delta.totalCount == second.count)
        #expect(
            delta.histogram.recordedBuckets.map(\.count) == onlySecond.recordedBuckets.map(\.count))
        #expect(delta.min == Histogram.lowestEquivalentValue(onlySecond.min))
        #expect(delta.max == Histogram.lowestEquivalentValue(onlySecond.max))
        #expect(SparseHistogram(later, since: later).isEmpty)
    }

    @Test func storesAFewBytesPerUsedCounter() {
        let sparse = SparseHistogram(
            Self.dense(LatencyShape.exponential.samples(count: 20_000, seed: 51)))
        let counters = sparse.histogram.recordedBuckets.count
        #expect(sparse.storedBytes <= 96 + 6 * counters)
        #expect(sparse.storedBytes < Histogram.bucketCount * MemoryLayout<Int>.size / 20)
    }
}
