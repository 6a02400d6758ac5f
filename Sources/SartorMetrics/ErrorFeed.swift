/// One failed or refused operation, as shown in the dashboard's feed and in reports.
public struct ErrorEvent: Hashable, Sendable {
    /// Seconds since the start of the run.
    public var time: Double
    /// The name of the operation that failed.
    public var operation: String
    public var kind: ErrorKind
    /// What went wrong, for a person; at most `ErrorFeed.messageLimit` characters are kept.
    public var message: String

    public init(time: Double, operation: String, kind: ErrorKind, message: String) {
        self.time = time
        self.operation = operation
        self.kind = kind
        self.message = message
    }
}

/// The most recent failures of a run in bounded rings, plus the count of every failure by kind.
///
/// Real errors and client-side outcomes (`ErrorKind.isClientSide`: rate limited, skipped,
/// conflict) are kept in separate rings, so that a flood of expected refusals never pushes the
/// real errors out of sight, and are counted apart. Thread-safe: every call takes one lock.
public final class ErrorFeed: Sendable {
    /// What the feed holds at one moment.
    public struct Snapshot: Hashable, Sendable {
        /// The most recent real errors, newest first.
        public var recentErrors: [ErrorEvent]
        /// The most recent client-side outcomes, newest first.
        public var recentClientSide: [ErrorEvent]
        /// Every counted event recorded, by kind, including those that have left the rings:
        /// the operations' outcomes, not the failures of an agent's connect or disconnect.
        public var countsByKind: [ErrorKind: Int]

        /// The number of real errors recorded.
        public var errorCount: Int {
            countsByKind.reduce(0) { $0 + ($1.key.isClientSide ? 0 : $1.value) }
        }

        /// The number of client-side outcomes recorded.
        public var clientSideCount: Int {
            countsByKind.reduce(0) { $0 + ($1.key.isClientSide ? $1.value : 0) }
        }
    }

    /// Messages are cut to this many characters so that the feed's memory stays bounded.
    public static let messageLimit = 240

    /// The number of events each ring keeps.
    public let capacity: Int
    private let state: Locked<State>

    /// A feed keeping the `capacity` (at least 1) most recent events of each side.
    public init(capacity: Int = 100) {
        self.capacity = Swift.max(capacity, 1)
        state = Locked(State(capacity: self.capacity))
    }

    /// Records an event; an event not `counted` is shown in the rings but left out of
    /// `countsByKind` (a failure around the operations, such as an agent's sign-off, counted
    /// by its owner). O(1) plus the cost of cutting a long message.
    public func record(_ event: ErrorEvent, counted: Bool = true) {
        var event = event
        if event.message.utf8.count > Self.messageLimit {
            event.message = String(event.message.prefix(Self.messageLimit))
        }
        state.withLock { state in
            if counted { state.countsByKind[event.kind, default: 0] += 1 }
            if event.kind.isClientSide {
                state.clientSide.append(event)
            } else {
                state.errors.append(event)
            }
        }
    }

    /// Records an event made of its parts.
    public func record(
        time: Double, operation: String, kind: ErrorKind, message: String, counted: Bool = true
    ) {
        record(
            ErrorEvent(time: time, operation: operation, kind: kind, message: message),
            counted: counted)
    }

    /// The counts by kind so far.
    public var countsByKind: [ErrorKind: Int] {
        state.withLock { $0.countsByKind }
    }

    /// The rings, newest first, and the counts, taken together. O(`capacity`).
    public func snapshot() -> Snapshot {
        state.withLock { state in
            Snapshot(
                recentErrors: state.errors.newestFirst(),
                recentClientSide: state.clientSide.newestFirst(),
                countsByKind: state.countsByKind
            )
        }
    }

    private struct State: Sendable {
        var errors: BoundedRing<ErrorEvent>
        var clientSide: BoundedRing<ErrorEvent>
        var countsByKind: [ErrorKind: Int] = [:]

        init(capacity: Int) {
            errors = BoundedRing(capacity: capacity)
            clientSide = BoundedRing(capacity: capacity)
        }
    }
}
