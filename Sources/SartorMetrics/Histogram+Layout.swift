extension Histogram {
    /// Where each value lives: HdrHistogram's log-linear layout with a unit of 1 µs.
    ///
    /// Bucket group 0 holds 0..<2,048 one by one. Each later group `g` holds the values
    /// 2^(10+g) ..< 2^(11+g) in 1,024 sub-buckets of width 2^g, so the width of a sub-bucket is
    /// never more than 1/1,024 of the values it holds: three significant digits.
    @usableFromInline
    enum Layout {
        /// 2,048 sub-buckets are enough to tell apart 2 × 10^3 values: three digits.
        @usableFromInline static let subBucketCountMagnitude = 11
        @usableFromInline static let subBucketHalfCountMagnitude = 10
        @usableFromInline static let subBucketHalfCount = 1 << subBucketHalfCountMagnitude
        @usableFromInline static let subBucketMask = (1 << subBucketCountMagnitude) - 1
        /// 64 minus the bits of a sub-bucket index: turns a leading zero count into a group.
        @usableFromInline static let leadingZeroCountBase = 64 - subBucketCountMagnitude

        /// Groups needed so that the last one reaches `highestTrackableValue`.
        static let bucketGroups: Int = {
            var smallestUntrackable = 1 << subBucketCountMagnitude
            var groups = 1
            while smallestUntrackable <= Histogram.highestTrackableValue {
                smallestUntrackable <<= 1
                groups += 1
            }
            return groups
        }()

        /// The counter index of a value in 0...`highestTrackableValue`. O(1), branch free.
        @inlinable @inline(__always)
        static func index(of value: Int) -> Int {
            let group = leadingZeroCountBase - (value | subBucketMask).leadingZeroBitCount
            let subBucket = value >> group
            return ((group + 1) << subBucketHalfCountMagnitude) + subBucket - subBucketHalfCount
        }

        /// The smallest value that lands in counter `index`.
        static func lowestValue(atIndex index: Int) -> Int {
            var group = (index >> subBucketHalfCountMagnitude) - 1
            var subBucket = (index & (subBucketHalfCount - 1)) + subBucketHalfCount
            if group < 0 {
                subBucket -= subBucketHalfCount
                group = 0
            }
            return subBucket << group
        }

        /// The number of distinct values that land in counter `index`.
        static func width(atIndex index: Int) -> Int {
            let group = Swift.max((index >> subBucketHalfCountMagnitude) - 1, 0)
            return 1 << group
        }
    }

    /// The smallest value counted as equal to `valueMicros` (the start of its sub-bucket).
    public static func lowestEquivalentValue(_ valueMicros: Int) -> Int {
        Layout.lowestValue(atIndex: Layout.index(of: clampedToRange(valueMicros)))
    }

    /// The largest value counted as equal to `valueMicros` (the end of its sub-bucket).
    public static func highestEquivalentValue(_ valueMicros: Int) -> Int {
        let index = Layout.index(of: clampedToRange(valueMicros))
        return Layout.lowestValue(atIndex: index) + Layout.width(atIndex: index) - 1
    }

    static func clampedToRange(_ valueMicros: Int) -> Int {
        Swift.min(Swift.max(valueMicros, 0), highestTrackableValue)
    }
}
