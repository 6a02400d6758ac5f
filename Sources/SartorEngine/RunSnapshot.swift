import SartorMetrics

/// Where a run is in its life.
public enum RunState: Sendable, Equatable {
    /// Created; `run()` has not started any agent yet.
    case starting
    /// Operations are being started.
    case running
    /// No operation starts; running ones finish. Paused time is not active time.
    case paused
    /// No operation starts; in-flight ones drain until the deadline, then are cancelled.
    case stopping
    /// Every agent has finished; the snapshot is final.
    case finished
}

/// A consistent copy of a run's figures, for the dashboard, status lines and reports.
///
/// Taking one costs a few histogram merges per operation and no per-sample work, so it can be
/// taken 10 times a second. Every figure is cumulative since the start unless its name says
/// otherwise; rates are per second of active time (pauses excluded).
public struct RunSnapshot: Sendable {
    /// How many of the last operations a snapshot carries.
    public static let recentOperationLimit = 100

    public var state: RunState
    /// The model the run was configured with (its initial load).
    public var model: LoadModel
    /// The load asked for now, by the stages or `setLoad`: agents or operations/s.
    public var load: Load
    /// Agents alive now (connected or connecting); in the open model, the pool's size.
    public var agents: Int
    /// Time since the run started, pauses excluded.
    public var activeTime: Duration
    /// Wall-clock time since the run started, pauses included.
    public var elapsedTime: Duration
    /// The active-time limit, if any.
    public var durationLimit: Duration?
    /// The operation limit, if any.
    public var operationLimit: Int?
    /// The stage being played (0-based), or `nil` when there are no stages or they are over.
    public var stageIndex: Int?
    /// One entry per workload operation, in the workload's order.
    public var operations: [OperationStats]
    /// Operations, errors and bytes per whole second of active time.
    public var perSecond: PerSecondSeries
    /// The most recent errors, with counts by kind since the start.
    public var errors: ErrorFeed.Snapshot
    /// The last operations that ended (at most `recentOperationLimit`), oldest first.
    public var recentOperations: [OperationEvent]
    /// Operations running now.
    public var inFlight: Int
    /// Operations picked (including those skipped by a rate limit).
    public var startedOperations: Int
    /// Operations that ran to an outcome (excluding those skipped by a rate limit).
    public var completedOperations: Int
    /// Open model: operations that started later than their intended time by more than the
    /// tolerance, or never started because the run stopped. Always 0 in the closed model.
    public var missedStarts: Int
    /// Failed `connect` calls of agents (retried after a think time), and failed
    /// `disconnect` calls. They are in the error feed's events, not in its counts by kind,
    /// and not in any operation's errors.
    public var connectFailures: Int
    public var disconnectFailures: Int
    /// Operations still running at the stop's deadline and cancelled; they are not counted as
    /// operations or errors.
    public var interrupted: Int
    /// Operations per second asked for now: the rate in the open model; in the closed model
    /// agents divided by (mean think time + recent mean latency).
    public var expectedRate: Double
    /// Operations completed per second over the last (up to) 10 seconds of active time.
    public var achievedRate: Double

    /// Every operation's whole-run latency merged (corrected latency in the open model).
    public var latency: Histogram {
        operations.reduce(into: Histogram()) { $0.add($1.latency) }
    }

    /// Every operation's last-10-seconds latency merged.
    public var recentLatency: Histogram {
        operations.reduce(into: Histogram()) { $0.add($1.recentLatency) }
    }

    /// Real errors (not skipped, conflicts or rate limited) over all operations.
    public var errorCount: Int { operations.reduce(0) { $0 + $1.errors } }

    /// Retries over all operations.
    public var retries: Int { operations.reduce(0) { $0 + $1.retries } }

    /// Completed operations per second of active time over the whole run.
    public var overallRate: Double {
        let seconds = activeTime.seconds
        return seconds > 0 ? Double(completedOperations) / seconds : 0
    }
}

/// The figures of one operation of the workload.
public struct OperationStats: Sendable {
    public var name: String
    /// The weight asked for now (after any `setWeight`).
    public var targetWeight: Double
    /// `targetWeight` as a share of all weights, in `0...1`.
    public var targetShare: Double
    /// Times the operation was picked, rate-limited picks included.
    public var picks: Int
    /// `picks` as a share of all picks, in `0...1`: the realised mix.
    public var realisedShare: Double
    /// Runs that ended in an outcome (picks minus rate-limited ones).
    public var completed: Int
    public var successes: Int
    /// Real failures; `errorsByKind` splits them.
    public var errors: Int
    public var errorsByKind: [ErrorKind: Int]
    public var skipped: Int
    public var conflicts: Int
    /// Picks skipped because the agent was over the operation's rate limit.
    public var rateLimited: Int
    public var requests: Int
    public var retries: Int
    public var bytesSent: Int
    public var bytesReceived: Int
    /// Whole-run latency in µs, the agent's own time excluded; in the open model measured from
    /// the intended start (corrected for coordinated omission).
    public var latency: Histogram
    /// Open model only: latency in µs measured from the actual start; `nil` in the closed model.
    public var rawLatency: Histogram?
    /// `latency` over the last 10 seconds of active time.
    public var recentLatency: Histogram
}
