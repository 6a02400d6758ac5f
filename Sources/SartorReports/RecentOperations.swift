import Synchronization

/// The last operations of a run, for the report's log: a bounded ring, safe to record into from
/// any agent (one `Mutex`, taken once per operation).
public final class RecentOperations: Sendable {
    public static let capacity = 100
    private let ring = Mutex(Ring())

    private struct Ring {
        var records: [OperationRecord] = []
        var next = 0
    }

    public init() {}

    /// Keeps `record`, dropping the oldest once `capacity` are held. O(1).
    public func record(_ record: OperationRecord) {
        ring.withLock { ring in
            if ring.records.count < Self.capacity {
                ring.records.append(record)
            } else {
                ring.records[ring.next] = record
            }
            ring.next = (ring.next + 1) % Self.capacity
        }
    }

    /// The records held, oldest first.
    public func records() -> [OperationRecord] {
        ring.withLock { ring in
            guard ring.records.count == Self.capacity else { return ring.records }
            return Array(ring.records[ring.next...] + ring.records[..<ring.next])
        }
    }
}
