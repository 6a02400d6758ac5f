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
        guard storedTotalCount > 0 else { return percentiles.map { _ in 0 } }
        let ranks = percentiles.map { Self.rank(ofPercentile: $0, totalCount: storedTotalCount) }
        let order = ranks.indices.sorted { ranks[$0] < ranks[$1] }
        var results = [Int](repeating: storedMax, count: percentiles.count)
        var next = 0
        var seen = 0
        let pointer = counts.pointer
        for index in 0..<Self.bucketCount where pointer[index] != 0 {
            seen += pointer[index]
            while next < order.count, ranks[order[next]] <= seen {
                // The last rank is the max itself, exact even past the range.
                if ranks[order[next]] < storedTotalCount {
                    let lowest = Layout.lowestValue(atIndex: index)
                    let highest = lowest + Layout.width(atIndex: index) - 1
                    results[order[next]] = Swift.min(Swift.max(highest, min), storedMax)
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
        guard storedTotalCount > 0 else { return 0 }
        var sum = 0.0
        forEachCounter { middle, count in sum += middle * Double(count) }
        return sum / Double(storedTotalCount)
    }

    /// The population standard deviation in microseconds, with values taken as for `mean`, or 0
    /// when empty. O(`bucketCount`).
    public var standardDeviation: Double {
        guard storedTotalCount > 0 else { return 0 }
        let mean = self.mean
        var sumOfSquares = 0.0
        forEachCounter { middle, count in
            let deviation = middle - mean
            sumOfSquares += deviation * deviation * Double(count)
        }
        return (sumOfSquares / Double(storedTotalCount)).squareRoot()
    }

    /// Calls `body` with the middle value and the count of every non-empty counter.
    private func forEachCounter(_ body: (_ middle: Double, _ count: Int) -> Void) {
        let pointer = counts.pointer
        for index in 0..<Self.bucketCount where pointer[index] != 0 {
            let width = Layout.width(atIndex: index)
            let middle = Double(Layout.lowestValue(atIndex: index)) + Double(width - 1) / 2
            body(middle, pointer[index])
        }
    }
}
