/// What happened during one whole second of a run.
public struct SecondCounts: Hashable, Sendable {
    /// Operations completed during the second, failed ones included.
    public var operations: Int
    /// Operations that failed with a real error (client-side outcomes excluded).
    public var errors: Int
    /// Bytes sent and received by the operations completed during the second.
    public var bytes: Int

    public init(operations: Int = 0, errors: Int = 0, bytes: Int = 0) {
        self.operations = operations
        self.errors = errors
        self.bytes = bytes
    }

    public static let zero = SecondCounts()

    public static func += (lhs: inout SecondCounts, rhs: SecondCounts) {
        lhs.operations &+= rhs.operations
        lhs.errors &+= rhs.errors
        lhs.bytes &+= rhs.bytes
    }
}

/// Counts by whole second since the start of a run, kept for the last `capacity` seconds in a
/// ring: enough to draw throughput over the last minutes in fixed memory.
///
/// Second `s` covers the time from `s` to `s + 1` seconds after the start. Recording a second
/// later than any before moves the window forward and clears the seconds it skips. Counts for a
/// second that has already left the window still go into `totals`, never into the ring.
/// A value type; share it through `PerSecondRecorder`.
public struct PerSecondSeries: Hashable, Sendable {
    /// The number of seconds kept.
    public let capacity: Int
    /// The latest second recorded, or -1 before the first record.
    public private(set) var latestSecond = -1
    /// Everything recorded, including seconds that have left the window.
    public private(set) var totals = SecondCounts.zero
    private var slots: [SecondCounts]

    /// An empty series keeping `capacity` seconds (at least 1; 600 is ten minutes).
    public init(capacity: Int = 600) {
        self.capacity = Swift.max(capacity, 1)
        slots = Array(repeating: .zero, count: self.capacity)
    }

    /// Adds counts to a second (0 or more). O(1), or O(seconds skipped) when moving forward.
    public mutating func add(_ counts: SecondCounts, atSecond second: Int) {
        precondition(second >= 0, "PerSecondSeries: second \(second) is negative")
        totals += counts
        if second > latestSecond {
            advance(to: second)
        } else if second <= latestSecond - capacity {
            return
        }
        slots[second % capacity] += counts
    }

    /// Adds one completed operation to a second.
    public mutating func record(atSecond second: Int, failed: Bool = false, bytes: Int = 0) {
        add(SecondCounts(operations: 1, errors: failed ? 1 : 0, bytes: bytes), atSecond: second)
    }

    /// The counts of one second, zero when it is outside the window or has nothing.
    public func counts(atSecond second: Int) -> SecondCounts {
        guard second >= 0, second <= latestSecond, second > latestSecond - capacity else {
            return .zero
        }
        return slots[second % capacity]
    }

    /// The counts of the `count` seconds ending with `lastSecond` (by default the latest
    /// recorded), oldest first; seconds outside the window or before the start are zero.
    public func last(_ count: Int, endingAt lastSecond: Int? = nil) -> [SecondCounts] {
        let end = lastSecond ?? latestSecond
        let count = Swift.max(count, 0)
        return (0..<count).map { counts(atSecond: end - count + 1 + $0) }
    }

    private mutating func advance(to second: Int) {
        let first = Swift.max(latestSecond + 1, second - capacity + 1)
        for skipped in first...second {
            slots[skipped % capacity] = .zero
        }
        latestSecond = second
    }
}

/// A `PerSecondSeries` shared by the threads that complete operations and the readers that
/// draw it; every call takes one lock.
public final class PerSecondRecorder: Sendable {
    private let series: Locked<PerSecondSeries>

    /// A recorder keeping `capacity` seconds.
    public init(capacity: Int = 600) {
        series = Locked(PerSecondSeries(capacity: capacity))
    }

    /// Adds counts to a second since the start. Thread-safe.
    public func add(_ counts: SecondCounts, atSecond second: Int) {
        series.withLock { $0.add(counts, atSecond: second) }
    }

    /// Adds one completed operation to a second since the start. Thread-safe.
    public func record(atSecond second: Int, failed: Bool = false, bytes: Int = 0) {
        series.withLock { $0.record(atSecond: second, failed: failed, bytes: bytes) }
    }

    /// A copy of the series as it is now. O(1); the next record then copies the ring once.
    public func snapshot() -> PerSecondSeries {
        series.withLock { $0 }
    }
}
