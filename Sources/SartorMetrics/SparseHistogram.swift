/// A histogram kept for reading rather than recording: only its non-empty counters, packed.
///
/// It has the layout, precision and statistics of `Histogram`, but its memory follows the
/// number of distinct counters used (two or three bytes each) instead of being fixed at about
/// 184 KiB. It is meant for histograms that are stored in numbers and rarely changed, such as
/// the slices of a latency timeline: a slice of a few thousand samples takes a few KiB.
/// Merging two is O(their counters); statistics walk the packed counters once.
public struct SparseHistogram: Sendable, Equatable {
    private var counters: PackedCounters
    /// The number of values held, overflowed ones included.
    public private(set) var totalCount: Int
    /// The number of values held above `Histogram.highestTrackableValue`.
    public private(set) var overflowCount: Int
    private var storedMin: Int
    private var storedMax: Int

    /// An empty histogram; allocates nothing.
    public init() {
        counters = PackedCounters()
        totalCount = 0
        overflowCount = 0
        storedMin = 0
        storedMax = 0
    }

    /// The same values as `histogram`. O(`Histogram.bucketCount`).
    public init(_ histogram: Histogram) {
        counters = histogram.packedCounters()
        totalCount = histogram.totalCount
        overflowCount = histogram.overflowCount
        storedMin = histogram.min
        storedMax = histogram.max
    }

    /// What `later` holds beyond `earlier`, an earlier state of the same recording: each
    /// counter's difference (counters that did not grow are left out). Values are known only to
    /// the counter, so `min` and `max` are the lowest values of the first and last counters.
    /// O(`Histogram.bucketCount`).
    public init(_ later: Histogram, since earlier: Histogram) {
        self.init()
        let laterCounts = later.counts.pointer
        let earlierCounts = earlier.counts.pointer
        var firstIndex: Int?
        var lastIndex = 0
        for index in 0..<Histogram.bucketCount where laterCounts[index] > earlierCounts[index] {
            let count = laterCounts[index] - earlierCounts[index]
            counters.append(index: index, count: count)
            totalCount += count
            if firstIndex == nil { firstIndex = index }
            lastIndex = index
        }
        counters.shrinkToFit()
        guard let firstIndex else { return }
        overflowCount = Swift.min(
            Swift.max(later.overflowCount - earlier.overflowCount, 0), totalCount)
        storedMin = Histogram.Layout.lowestValue(atIndex: firstIndex)
        storedMax = Histogram.Layout.lowestValue(atIndex: lastIndex)
    }

    /// True when nothing is held.
    public var isEmpty: Bool { totalCount == 0 }

    /// The smallest value held, or 0 when empty.
    public var min: Int { storedMin }

    /// The largest value held (exact when it came from a `Histogram`), or 0 when empty.
    public var max: Int { storedMax }

    /// The same values in a dense `Histogram`, for recording into or for the statistics only a
    /// dense one offers. Allocates its counters. O(`Histogram.bucketCount`).
    public var histogram: Histogram {
        var dense = Histogram()
        for counter in counters {
            dense.counts.pointer[counter.index] = counter.count
        }
        dense.storedTotalCount = totalCount
        dense.storedOverflowCount = overflowCount
        if totalCount > 0 {
            dense.storedMin = storedMin
            dense.storedMax = storedMax
        }
        return dense
    }

    /// Adds every value of `other`, as `Histogram.add(_:)` does. O(counters of both).
    public mutating func add(_ other: SparseHistogram) {
        guard !other.isEmpty else { return }
        guard !isEmpty else {
            self = other
            return
        }
        counters = PackedCounters.merging(counters, other.counters)
        totalCount += other.totalCount
        overflowCount += other.overflowCount
        storedMin = Swift.min(storedMin, other.storedMin)
        storedMax = Swift.max(storedMax, other.storedMax)
    }

    /// The value at a percentile in 0...100, as `Histogram.value(atPercentile:)` gives it.
    /// O(counters).
    public func value(atPercentile percentile: Double) -> Int {
        values(atPercentiles: [percentile])[0]
    }

    /// `value(atPercentile:)` for several percentiles in one pass, results in the same order.
    public func values(atPercentiles percentiles: [Double]) -> [Int] {
        Histogram.values(
            atPercentiles: percentiles, totalCount: totalCount, min: storedMin, max: storedMax,
            counters: counters)
    }

    /// The mean in microseconds, as `Histogram.mean` gives it. O(counters).
    public var mean: Double {
        Histogram.mean(totalCount: totalCount, counters: counters)
    }

    /// The bytes this value holds, its packed counters' whole capacity included.
    public var storedBytes: Int {
        MemoryLayout<Self>.size + counters.bytes.capacity
    }

    /// The text of `Histogram.encoded()` for the same values, made without a dense histogram.
    public func encoded() -> String {
        Histogram.encoded(
            overflowCount: overflowCount, min: storedMin, max: storedMax, counters: counters)
    }

    /// Decodes the text of `Histogram.encoded()`; nil where `Histogram(encoded:)` is nil.
    public init?(encoded text: String) {
        guard let histogram = Histogram(encoded: text) else { return nil }
        self.init(histogram)
    }
}
