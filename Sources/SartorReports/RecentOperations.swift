import SartorEngine
import Synchronization

/// The last operations of a run, for the report's log: a bounded ring, safe to record into from
/// any agent (one `Mutex`, taken once per operation).
///
/// Records are stamped with the run's active time, kept by a clock that `align(activeTime:)`
/// sets from each snapshot; between two alignments it runs with the wall clock, so an operation
/// that ends during a pause is stamped up to one alignment late.
public final class RecentOperations: Sendable {
    public static let capacity = 100
    private let ring: Mutex<Ring>

    private struct Ring {
        var records: [OperationRecord] = []
        var next = 0
        /// When active time was zero, had the run never been paused.
        var origin: ContinuousClock.Instant

        mutating func keep(_ record: OperationRecord) {
            if records.count < RecentOperations.capacity {
                records.append(record)
            } else {
                records[next] = record
            }
            next = (next + 1) % RecentOperations.capacity
        }
    }

    /// An empty log whose active time starts now.
    public init() {
        ring = Mutex(Ring(origin: .now))
    }

    /// Sets the clock: active time is `activeTime` now. O(1).
    public func align(activeTime: Duration) {
        let origin = ContinuousClock.now - activeTime
        ring.withLock { $0.origin = origin }
    }

    /// Keeps `record`, dropping the oldest once `capacity` are held. O(1).
    public func record(_ record: OperationRecord) {
        ring.withLock { $0.keep(record) }
    }

    /// Keeps the end of one operation, stamped with the active time now. `latencyMicros` is its
    /// latency in µs. O(1).
    public func record(operation: String, outcome: Outcome, latencyMicros: Int) {
        let now = ContinuousClock.now
        ring.withLock { ring in
            let time = max((now - ring.origin).seconds, 0)
            ring.keep(
                OperationRecord(
                    time: time, operation: operation, outcome: outcome,
                    latencyMicros: latencyMicros))
        }
    }

    /// The records held, oldest first.
    public func records() -> [OperationRecord] {
        let inOrderOfRecording = ring.withLock { ring in
            guard ring.records.count == Self.capacity else { return ring.records }
            return Array(ring.records[ring.next...] + ring.records[..<ring.next])
        }
        // Stamps come from a clock corrected once a second, so neighbours may be a hair out of
        // order; the stable sort keeps the order of recording among equal times.
        return inOrderOfRecording.enumerated().sorted {
            ($0.element.time, $0.offset) < ($1.element.time, $1.offset)
        }.map(\.element)
    }
}

extension OperationRecord {
    /// The record of an operation that ended in `outcome` at `time` (seconds of active time),
    /// after `latencyMicros` µs: a failure's detail is its kind's label, a skip's or conflict's
    /// its reason.
    public init(time: Double, operation: String, outcome: Outcome, latencyMicros: Int) {
        let (name, detail): (String, String?) =
            switch outcome {
            case .success: ("success", nil)
            case .failure(let kind, _): ("error", kind.label)
            case .skipped(let reason): ("skipped", reason)
            case .conflict(let reason): ("conflict", reason)
            }
        self.init(
            time: time, operation: operation, outcome: name,
            latencyMs: Double(max(latencyMicros, 0)) / 1000, detail: detail)
    }
}
