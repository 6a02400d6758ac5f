extension Histogram {
    /// One counter with something in it: `count` values between `lowestValue` and
    /// `highestValue` inclusive, in microseconds.
    public struct Bucket: Hashable, Sendable {
        public var lowestValue: Int
        public var highestValue: Int
        public var count: Int
    }

    /// The non-empty counters in increasing order of value. O(`bucketCount`).
    public var recordedBuckets: [Bucket] {
        var buckets: [Bucket] = []
        let pointer = counts.pointer
        for index in 0..<Self.bucketCount where pointer[index] != 0 {
            let lowest = Layout.lowestValue(atIndex: index)
            let highest = lowest + Layout.width(atIndex: index) - 1
            buckets.append(
                Bucket(lowestValue: lowest, highestValue: highest, count: pointer[index]))
        }
        return buckets
    }

    /// The value at a percentile in 0...100 (clamped to it), in microseconds, or 0 when empty.
    ///
    /// Nearest rank: the smallest recorded value such that at least `percentile`% of the values
    /// are at or below it, reported as the highest value equivalent to it and clamped to the
    /// exact `min` and `max`. So `value(atPercentile: 100) == max` and the result is within
    /// three significant digits of the exact answer. O(`bucketCount`).
    public func value(atPercentile percentile: Double) -> Int {
        values(atPercentiles: [percentile])[0]
    }

    /// `value(atPercentile:)` for several percentiles in one pass over the counters. The
    /// percentiles may come in any order; the results are in the same order.
    public func values(atPercentiles percentiles: [Double]) -> [Int] {
        Self.values(
            atPercentiles: percentiles, totalCount: storedTotalCount, min: min, max: storedMax,
            counters: DenseCounters(counts: counts))
    }

    /// The percentiles of any histogram given by its non-empty counters in index order, as
    /// `values(atPercentiles:)` defines them. O(counters).
    static func values(
        atPercentiles percentiles: [Double], totalCount: Int, min: Int, max: Int,
        counters: some Sequence<Counter>
    ) -> [Int] {
        guard totalCount > 0 else { return percentiles.map { _ in 0 } }
        let ranks = percentiles.map { rank(ofPercentile: $0, totalCount: totalCount) }
        let order = ranks.indices.sorted { ranks[$0] < ranks[$1] }
        var results = [Int](repeating: max, count: percentiles.count)
        var next = 0
        var seen = 0
        for counter in counters {
            seen += counter.count
            while next < order.count, ranks[order[next]] <= seen {
                // The last rank is the max itself, exact even past the range.
                if ranks[order[next]] < totalCount {
                    let lowest = Layout.lowestValue(atIndex: counter.index)
                    let highest = lowest + Layout.width(atIndex: counter.index) - 1
                    results[order[next]] = Swift.min(Swift.max(highest, min), max)
                }
                next += 1
            }
            if next == order.count { break }
        }
        return results
    }

    /// The 1-based rank of the value at `percentile` among `totalCount` sorted values: the
    /// smallest rank whose share of the values reaches the percentile.
    static func rank(ofPercentile percentile: Double, totalCount: Int) -> Int {
        precondition(!percentile.isNaN, "Histogram: the percentile is not a number")
        let share = Swift.min(Swift.max(percentile, 0), 100) / 100
        let exact = share * Double(totalCount)
        // A share such as 99.9% of 10,000 is 9,990.000000000002 in binary floating point: round
        // away errors far below one sample before taking the ceiling.
        let nearest = exact.rounded()
        let rank = abs(exact - nearest) < 1e-7 ? nearest : exact.rounded(.up)
        return Swift.min(Swift.max(Int(rank), 1), totalCount)
    }

    /// The mean in microseconds, each value taken at the middle of its counter (exact below
    /// 2,048 µs), or 0 when empty. O(`bucketCount`).
    public var mean: Double {
        Self.mean(totalCount: storedTotalCount, counters: DenseCounters(counts: counts))
    }

    /// The mean of any histogram given by its non-empty counters, as `mean` defines it.
    static func mean(totalCount: Int, counters: some Sequence<Counter>) -> Double {
        guard totalCount > 0 else { return 0 }
        var sum = 0.0
        for counter in counters { sum += middle(ofIndex: counter.index) * Double(counter.count) }
        return sum / Double(totalCount)
    }

    /// The population standard deviation in microseconds, with values taken as for `mean`, or 0
    /// when empty. O(`bucketCount`).
    public var standardDeviation: Double {
        guard storedTotalCount > 0 else { return 0 }
        let mean = self.mean
        var sumOfSquares = 0.0
        for counter in DenseCounters(counts: counts) {
            let deviation = Self.middle(ofIndex: counter.index) - mean
            sumOfSquares += deviation * deviation * Double(counter.count)
        }
        return (sumOfSquares / Double(storedTotalCount)).squareRoot()
    }

    /// The middle of the values that land in counter `index`.
    private static func middle(ofIndex index: Int) -> Double {
        Double(Layout.lowestValue(atIndex: index)) + Double(Layout.width(atIndex: index) - 1) / 2
    }
}

/// The non-empty counters of a dense histogram in index order, read in place.
struct DenseCounters: Sequence, IteratorProtocol {
    let counts: HistogramCounts
    var index = 0

    init(counts: HistogramCounts) {
        self.counts = counts
    }

    mutating func next() -> Counter? {
        let pointer = counts.pointer
        while index < Histogram.bucketCount {
            defer { index += 1 }
            if pointer[index] != 0 { return Counter(index: index, count: pointer[index]) }
        }
        return nil
    }
}
