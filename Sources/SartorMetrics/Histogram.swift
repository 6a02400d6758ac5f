/// A latency histogram in microseconds with HdrHistogram's log-linear buckets.
///
/// Values from 0 to `highestTrackableValue` (2^32 - 1 µs, about 71.6 minutes) are kept at three
/// significant digits: every value below 2,048 µs exactly, every larger value within 1/1,024 of
/// itself. Memory is fixed (`bucketCount` counters, about 184 KiB) whatever the number of
/// samples.
///
/// Values above the range are never dropped: each is counted in `overflowCount`, recorded as
/// `highestTrackableValue` (so high percentiles read "at least the range"), and `max` keeps the
/// true value. Negative values are recorded as 0.
///
/// `Histogram` is a value type with copy-on-write storage: copying is O(1) until one of the
/// copies is changed. `record` costs a few nanoseconds and never allocates unless the storage is
/// shared with another copy. It is not thread-safe by itself; share it through
/// `IntervalRecorder` or a lock.
public struct Histogram: Sendable {
    /// The smallest value told apart from 0, in microseconds.
    public static let lowestDiscernibleValue = 1
    /// The largest value recorded as itself, in microseconds (about 71.6 minutes).
    public static let highestTrackableValue = Int(UInt32.max)
    /// Decimal digits of precision kept for every value in range.
    public static let significantDigits = 3
    /// The number of counters, fixed by the range and the precision.
    public static let bucketCount = (Layout.bucketGroups + 1) << Layout.subBucketHalfCountMagnitude

    @usableFromInline var counts: HistogramCounts
    @usableFromInline var storedTotalCount = 0
    @usableFromInline var storedOverflowCount = 0
    @usableFromInline var storedMin = Int.max
    @usableFromInline var storedMax = 0

    /// An empty histogram. Allocates its counters (O(`bucketCount`)).
    public init() {
        counts = HistogramCounts()
    }

    /// The number of values recorded, overflowed ones included.
    public var totalCount: Int { storedTotalCount }

    /// The number of values recorded above `highestTrackableValue`.
    public var overflowCount: Int { storedOverflowCount }

    /// True when nothing has been recorded.
    public var isEmpty: Bool { storedTotalCount == 0 }

    /// The smallest value recorded, exact, or 0 when empty.
    public var min: Int { storedTotalCount == 0 ? 0 : storedMin }

    /// The largest value recorded, exact (even past the range), or 0 when empty.
    public var max: Int { storedMax }

    /// Records one value in microseconds. O(1), no allocation unless the storage is shared.
    @inlinable
    public mutating func record(_ valueMicros: Int) {
        recordUnchecked(valueMicros, count: 1)
    }

    /// Records `count` occurrences of a value in microseconds; `count` must not be negative.
    @inlinable
    public mutating func record(_ valueMicros: Int, count: Int) {
        precondition(count >= 0, "Histogram.record: count \(count) is negative")
        guard count > 0 else { return }
        recordUnchecked(valueMicros, count: count)
    }

    @inlinable
    mutating func recordUnchecked(_ valueMicros: Int, count: Int) {
        if !isKnownUniquelyReferenced(&counts) {
            counts = HistogramCounts(copying: counts)
        }
        let value = valueMicros < 0 ? 0 : valueMicros
        var tracked = value
        if value > Self.highestTrackableValue {
            tracked = Self.highestTrackableValue
            storedOverflowCount &+= count
        }
        counts.pointer[Layout.index(of: tracked)] &+= count
        storedTotalCount &+= count
        if value < storedMin { storedMin = value }
        if value > storedMax { storedMax = value }
    }

    /// Adds every value of `other` to this histogram, as if they had been recorded here.
    /// O(`bucketCount`).
    public mutating func add(_ other: Histogram) {
        guard other.storedTotalCount > 0 else { return }
        if !isKnownUniquelyReferenced(&counts) {
            counts = HistogramCounts(copying: counts)
        }
        let target = counts.pointer
        let source = other.counts.pointer
        for index in 0..<Self.bucketCount where source[index] != 0 {
            target[index] &+= source[index]
        }
        storedTotalCount &+= other.storedTotalCount
        storedOverflowCount &+= other.storedOverflowCount
        storedMin = Swift.min(storedMin, other.storedMin)
        storedMax = Swift.max(storedMax, other.storedMax)
    }

    /// Forgets every value, keeping the storage. O(`bucketCount`).
    public mutating func reset() {
        if isKnownUniquelyReferenced(&counts) {
            counts.pointer.update(repeating: 0, count: Self.bucketCount)
        } else {
            counts = HistogramCounts()
        }
        storedTotalCount = 0
        storedOverflowCount = 0
        storedMin = Int.max
        storedMax = 0
    }
}

extension Histogram: Equatable {
    /// Two histograms are equal when they hold the same counts and the same exact min and max.
    public static func == (lhs: Histogram, rhs: Histogram) -> Bool {
        guard lhs.storedTotalCount == rhs.storedTotalCount,
            lhs.storedOverflowCount == rhs.storedOverflowCount,
            lhs.min == rhs.min, lhs.max == rhs.max
        else { return false }
        if lhs.counts === rhs.counts { return true }
        let left = lhs.counts.pointer
        let right = rhs.counts.pointer
        for index in 0..<bucketCount where left[index] != right[index] {
            return false
        }
        return true
    }
}

/// The counters of a `Histogram`, one allocation of `Histogram.bucketCount` integers.
// Safe to send: `Histogram` copies the counters before writing whenever they are shared, so a
// shared instance is never mutated.
@usableFromInline
final class HistogramCounts: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<Int>

    @usableFromInline
    init() {
        pointer = .allocate(capacity: Histogram.bucketCount)
        pointer.initialize(repeating: 0, count: Histogram.bucketCount)
    }

    @usableFromInline
    init(copying other: HistogramCounts) {
        pointer = .allocate(capacity: Histogram.bucketCount)
        pointer.initialize(from: other.pointer, count: Histogram.bucketCount)
    }

    deinit {
        pointer.deallocate()
    }
}
