import Synchronization

/// The end of one operation, as the run recorded it.
public struct OperationEvent: Sendable, Equatable {
    /// Seconds of active time when it ended.
    public var time: Double
    public var operation: String
    public var outcome: Outcome
    /// The latency the run recorded: from the intended start in the open model, otherwise from
    /// the actual start, the agent's own time excluded.
    public var latencyMicros: Int

    public init(time: Double, operation: String, outcome: Outcome, latencyMicros: Int) {
        self.time = time
        self.operation = operation
        self.outcome = outcome
        self.latencyMicros = latencyMicros
    }
}

/// The last operations of a run, in a bounded ring: one lock taken per operation, O(1).
final class OperationLog: Sendable {
    private struct Ring {
        var events: [OperationEvent] = []
        var next = 0
    }

    private let ring = Mutex(Ring())

    func record(_ event: OperationEvent) {
        ring.withLock { ring in
            if ring.events.count < RunSnapshot.recentOperationLimit {
                ring.events.append(event)
            } else {
                ring.events[ring.next] = event
            }
            ring.next = (ring.next + 1) % RunSnapshot.recentOperationLimit
        }
    }

    /// The events held, oldest first. Operations ending on several threads at once may have
    /// been recorded a hair out of the order of their times; a stable sort puts them back.
    func events() -> [OperationEvent] {
        let recorded = ring.withLock { ring in
            guard ring.events.count == RunSnapshot.recentOperationLimit else { return ring.events }
            return Array(ring.events[ring.next...] + ring.events[..<ring.next])
        }
        return recorded.enumerated().sorted {
            ($0.element.time, $0.offset) < ($1.element.time, $1.offset)
        }.map(\.element)
    }
}
