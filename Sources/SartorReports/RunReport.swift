import SartorMetrics

/// Everything a report says about one run (or several merged), independent of the engine's live
/// types: built from snapshots during a run, or decoded from `report.json` afterwards, and
/// rendered as Markdown, JSON, status lines and threshold results.
public struct RunReport: Sendable, Equatable {
    public var summary: Summary
    /// In the workload's order.
    public var operations: [OperationReport]
    /// Counts per whole second of active time, oldest first.
    public var perSecond: [SecondSample]
    /// Per-operation latency by time slice.
    public var timeline: LatencyTimeline
    /// Real errors of the operations by `ErrorKind.label`; they add up to `summary.errors`.
    /// Client-side outcomes and failed connects and disconnects have summary fields of their own.
    public var errorsByKind: [String: Int]
    /// The most recent real errors, failed connects and disconnects included, newest first.
    public var recentErrors: [ErrorRecord]
    /// The last operations (at most `RunSnapshot.recentOperationLimit`), oldest first.
    public var lastOperations: [OperationRecord]
    /// Sizes of the data under test, sampled during the run, oldest first.
    public var dataGrowth: [DataSizeSample]
    public var context: ReportContext
    public var verify: VerifySummary?
    public var thresholds: [ThresholdResult]

    public init(
        summary: Summary, operations: [OperationReport], perSecond: [SecondSample] = [],
        timeline: LatencyTimeline = LatencyTimeline(), errorsByKind: [String: Int] = [:],
        recentErrors: [ErrorRecord] = [], lastOperations: [OperationRecord] = [],
        dataGrowth: [DataSizeSample] = [], context: ReportContext = ReportContext(),
        verify: VerifySummary? = nil, thresholds: [ThresholdResult] = []
    ) {
        self.summary = summary
        self.operations = operations
        self.perSecond = perSecond
        self.timeline = timeline
        self.errorsByKind = errorsByKind
        self.recentErrors = recentErrors
        self.lastOperations = lastOperations
        self.dataGrowth = dataGrowth
        self.context = context
        self.verify = verify
        self.thresholds = thresholds
    }

    /// Every operation's latency merged, in µs.
    public var latency: Histogram {
        operations.reduce(into: Histogram()) { $0.add($1.latency) }
    }

    public func operation(named name: String) -> OperationReport? {
        operations.first { $0.name == name }
    }

    /// The labels of the client-side kinds (`ErrorKind.isClientSide`), which are not errors;
    /// reports written before `errorsByKind` left them out may still hold them.
    static let clientSideLabels: Set<String> = Set(
        [ErrorKind.rateLimited, .skipped, .conflict].map(\.label))
}

/// The totals of a run.
public struct Summary: Sendable, Equatable {
    /// Operations that ran to an outcome, failed ones included.
    public var operations: Int
    /// Real errors (client-side outcomes excluded).
    public var errors: Int
    public var skipped: Int
    public var conflicts: Int
    public var rateLimited: Int
    public var retries: Int
    /// Open model: starts later than intended or never made.
    public var missedStarts: Int
    /// Operations cancelled at the stop's deadline, counted in neither operations nor errors.
    public var interrupted: Int
    /// Agents' failed connects (each retried after a think time) and failed disconnects;
    /// they are not operations, so they count in neither `operations` nor `errors`.
    public var connectFailures: Int
    public var disconnectFailures: Int
    /// Active time (pauses excluded).
    public var durationSeconds: Double
    public var bytesSent: Int
    public var bytesReceived: Int

    public init(
        operations: Int = 0, errors: Int = 0, skipped: Int = 0, conflicts: Int = 0,
        rateLimited: Int = 0, retries: Int = 0, missedStarts: Int = 0, interrupted: Int = 0,
        connectFailures: Int = 0, disconnectFailures: Int = 0, durationSeconds: Double = 0,
        bytesSent: Int = 0, bytesReceived: Int = 0
    ) {
        self.operations = operations
        self.errors = errors
        self.skipped = skipped
        self.conflicts = conflicts
        self.rateLimited = rateLimited
        self.retries = retries
        self.missedStarts = missedStarts
        self.interrupted = interrupted
        self.connectFailures = connectFailures
        self.disconnectFailures = disconnectFailures
        self.durationSeconds = durationSeconds
        self.bytesSent = bytesSent
        self.bytesReceived = bytesReceived
    }

    /// Operations per second of active time.
    public var opsPerSecond: Double {
        durationSeconds > 0 ? Double(operations) / durationSeconds : 0
    }

    /// Real errors as a fraction of operations, 0 when none ran.
    public var errorRate: Double {
        operations > 0 ? Double(errors) / Double(operations) : 0
    }
}

/// The figures of one operation.
public struct OperationReport: Sendable, Equatable {
    public var name: String
    /// Share of the mix asked for, in 0...1.
    public var targetShare: Double
    /// Runs that ended in an outcome.
    public var count: Int
    public var errors: Int
    public var skipped: Int
    public var conflicts: Int
    public var rateLimited: Int
    public var retries: Int
    public var bytesSent: Int
    public var bytesReceived: Int
    /// Whole-run latency in µs (the agent's own time excluded).
    public var latency: Histogram

    public init(
        name: String, targetShare: Double = 0, count: Int = 0, errors: Int = 0, skipped: Int = 0,
        conflicts: Int = 0, rateLimited: Int = 0, retries: Int = 0, bytesSent: Int = 0,
        bytesReceived: Int = 0, latency: Histogram = Histogram()
    ) {
        self.name = name
        self.targetShare = targetShare
        self.count = count
        self.errors = errors
        self.skipped = skipped
        self.conflicts = conflicts
        self.rateLimited = rateLimited
        self.retries = retries
        self.bytesSent = bytesSent
        self.bytesReceived = bytesReceived
        self.latency = latency
    }

    /// Real errors as a fraction of runs.
    public var errorRate: Double { count > 0 ? Double(errors) / Double(count) : 0 }
}
