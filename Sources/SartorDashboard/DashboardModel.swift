/// Everything the panels show, in plain values: the dashboard's view of one engine snapshot.
///
/// Built from a `RunSnapshot` ten times a second (see `DashboardModel+Snapshot.swift`), or by
/// hand in tests, so that every panel is a pure function of this value and the UI state.
public struct DashboardModel: Equatable, Sendable {
    public enum RunState: String, Equatable, Sendable {
        case starting, running, paused, stopping, finished
    }

    /// The load model and its current size.
    public enum Load: Equatable, Sendable {
        case agents(Int)
        case ratePerSecond(Double)
    }

    /// Latency figures of one operation over a window, in microseconds.
    public struct LatencySummary: Equatable, Sendable {
        public var count: Int
        public var meanMicros: Int
        public var p50Micros: Int
        public var p95Micros: Int
        public var p99Micros: Int
        public var maxMicros: Int

        public init(
            count: Int = 0, meanMicros: Int = 0, p50Micros: Int = 0, p95Micros: Int = 0,
            p99Micros: Int = 0, maxMicros: Int = 0
        ) {
            self.count = count
            self.meanMicros = meanMicros
            self.p50Micros = p50Micros
            self.p95Micros = p95Micros
            self.p99Micros = p99Micros
            self.maxMicros = maxMicros
        }
    }

    /// One operation of the mix: its weights, counters and latency in two windows.
    public struct Operation: Equatable, Sendable {
        public var name: String
        public var weight: Double
        public var initialWeight: Double
        public var count: Int
        public var errors: Int
        public var skipped: Int
        public var conflicts: Int
        public var rateLimited: Int
        public var retries: Int
        /// The whole run, paused time excluded.
        public var wholeRun: LatencySummary
        /// The last 10 seconds; its `count` drives the realised share of the mix.
        public var recent: LatencySummary

        public init(
            name: String, weight: Double, initialWeight: Double, count: Int = 0, errors: Int = 0,
            skipped: Int = 0, conflicts: Int = 0, rateLimited: Int = 0, retries: Int = 0,
            wholeRun: LatencySummary = .init(), recent: LatencySummary = .init()
        ) {
            self.name = name
            self.weight = weight
            self.initialWeight = initialWeight
            self.count = count
            self.errors = errors
            self.skipped = skipped
            self.conflicts = conflicts
            self.rateLimited = rateLimited
            self.retries = retries
            self.wholeRun = wholeRun
            self.recent = recent
        }
    }

    /// Operations and errors finished in one whole second of active time.
    public struct Second: Equatable, Sendable {
        public var operations: Int
        public var errors: Int

        public init(operations: Int, errors: Int) {
            self.operations = operations
            self.errors = errors
        }
    }

    /// One failed operation, as the error feed shows it.
    public struct ErrorLine: Equatable, Sendable {
        public var timeSeconds: Double
        public var operation: String
        public var kind: String
        public var message: String

        public init(timeSeconds: Double, operation: String, kind: String, message: String) {
            self.timeSeconds = timeSeconds
            self.operation = operation
            self.kind = kind
            self.message = message
        }
    }

    public var target: String
    public var root: String
    public var load: Load
    public var state: RunState
    /// Active time since the start, paused time excluded.
    public var elapsedSeconds: Double
    /// The planned duration, or nil for a run bounded only by an operation count or by hand.
    public var durationSeconds: Double?
    public var operations: [Operation]
    /// Whole seconds of the run, oldest first, the one in progress excluded.
    public var seconds: [Second]
    /// The most recent errors, newest first.
    public var errors: [ErrorLine]
    /// Error counts by kind label, largest first: the operations' real errors only, so that
    /// they add up to `totalErrors`.
    public var errorCounts: [(kind: String, count: Int)]
    /// Failed agent connects and disconnects: in `errors`, but neither operations nor errors.
    public var connectFailures: Int
    public var disconnectFailures: Int
    public var inFlight: Int

    public init(
        target: String, root: String, load: Load, state: RunState, elapsedSeconds: Double,
        durationSeconds: Double?, operations: [Operation], seconds: [Second] = [],
        errors: [ErrorLine] = [], errorCounts: [(kind: String, count: Int)] = [],
        connectFailures: Int = 0, disconnectFailures: Int = 0, inFlight: Int = 0
    ) {
        self.target = target
        self.root = root
        self.load = load
        self.state = state
        self.elapsedSeconds = elapsedSeconds
        self.durationSeconds = durationSeconds
        self.operations = operations
        self.seconds = seconds
        self.errors = errors
        self.errorCounts = errorCounts
        self.connectFailures = connectFailures
        self.disconnectFailures = disconnectFailures
        self.inFlight = inFlight
    }

    public static func == (lhs: DashboardModel, rhs: DashboardModel) -> Bool {
        lhs.target == rhs.target && lhs.root == rhs.root && lhs.load == rhs.load
            && lhs.state == rhs.state && lhs.elapsedSeconds == rhs.elapsedSeconds
            && lhs.durationSeconds == rhs.durationSeconds && lhs.operations == rhs.operations
            && lhs.seconds == rhs.seconds && lhs.errors == rhs.errors
            && lhs.errorCounts.map(\.kind) == rhs.errorCounts.map(\.kind)
            && lhs.errorCounts.map(\.count) == rhs.errorCounts.map(\.count)
            && lhs.connectFailures == rhs.connectFailures
            && lhs.disconnectFailures == rhs.disconnectFailures && lhs.inFlight == rhs.inFlight
    }
}

extension DashboardModel {
    public var totalOperations: Int { operations.reduce(0) { $0 + $1.count } }
    public var totalErrors: Int { operations.reduce(0) { $0 + $1.errors } }

    /// Seconds left of a timed run, never negative; nil when the run has no duration.
    public var remainingSeconds: Double? {
        durationSeconds.map { max(0, $0 - elapsedSeconds) }
    }

    /// Operations in the last whole second of active time; 0 while paused, since the last
    /// active second is from before the pause and no operation starts now.
    public var operationsPerSecondNow: Double {
        state == .paused ? 0 : Double(seconds.last?.operations ?? 0)
    }

    /// True while the run is meant to go on but every weight is 0, so no operation starts.
    public var isIdle: Bool {
        state == .running && !operations.isEmpty && operations.allSatisfy { $0.weight <= 0 }
    }

    /// Operations per second of active time over the whole run.
    public var operationsPerSecondAverage: Double {
        elapsedSeconds > 0 ? Double(totalOperations) / elapsedSeconds : 0
    }

    /// Errors as a fraction of finished operations, 0...1.
    public var errorRate: Double {
        totalOperations > 0 ? Double(totalErrors) / Double(totalOperations) : 0
    }
}
