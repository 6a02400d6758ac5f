extension Histogram {
    /// A duration in whole microseconds, rounded to the nearest and saturating at the ends of
    /// `Int`; negative durations stay negative (and are recorded as 0).
    public static func microseconds(of duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        let (wholeSeconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
        if overflow { return seconds < 0 ? Int.min : Int.max }
        // 10^12 attoseconds in a microsecond; round half away from zero.
        let fraction =
            (attoseconds + (attoseconds < 0 ? -500_000_000_000 : 500_000_000_000))
            / 1_000_000_000_000
        let (total, sumOverflow) = Int(wholeSeconds).addingReportingOverflow(Int(fraction))
        if sumOverflow { return seconds < 0 ? Int.min : Int.max }
        return total
    }

    /// Records a duration, rounded to the nearest microsecond.
    public mutating func record(_ duration: Duration) {
        record(Self.microseconds(of: duration))
    }
}

extension IntervalRecorder {
    /// Records a duration, rounded to the nearest microsecond. Thread-safe.
    public func record(_ duration: Duration) {
        record(Histogram.microseconds(of: duration))
    }
}

extension Histogram: CustomStringConvertible {
    /// A one-line summary for logs and test failures, such as
    /// `Histogram(count: 3, min: 10, p50: 20, p99: 30, max: 30, overflow: 0)` (µs).
    public var description: String {
        let (median, p99) = (value(atPercentile: 50), value(atPercentile: 99))
        return "Histogram(count: \(totalCount), min: \(min), p50: \(median), p99: \(p99), "
            + "max: \(max), overflow: \(overflowCount))"
    }
}

extension Histogram: Codable {
    /// Decodes the string of `encoded()`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let histogram = Histogram(encoded: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "not a histogram encoding: \(text.prefix(40))")
        }
        self = histogram
    }

    /// Encodes as the single string of `encoded()`, so that JSON reports stay compact.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(encoded())
    }
}
