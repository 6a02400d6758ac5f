import SartorMetrics
import Synchronization

/// Everything a run records, written by every agent and read by snapshots.
///
/// Writers touch only their operation's lock and interval recorders; the whole-run histograms,
/// the last-10-seconds windows and the per-second series are brought up to date by `harvest`,
/// which the housekeeping tick and every snapshot call.
final class RunRecorder: Sendable {
    let operations: [OperationRecorder]
    private let harvested: Mutex<Harvest>
    private let feed = ErrorFeed()
    let log = OperationLog()

    /// The figures folded in from the recorders so far.
    struct Harvest: Sendable {
        var latency: [Histogram]
        var rawLatency: [Histogram?]
        var recent: [RecentWindow]
        var perSecond = PerSecondSeries()
        /// Completed operations, errors and bytes at the last harvest, for per-second deltas.
        var lastTotals = Totals()
        /// Completed operations in each of the last seconds, for the achieved rate.
        var completedBySecond: [Int: Int] = [:]
    }

    struct Totals: Sendable {
        var completed = 0
        var errors = 0
        var bytes = 0
    }

    init(operationCount: Int, keepsRawLatency: Bool) {
        operations = (0..<operationCount).map { _ in
            OperationRecorder(keepsRawLatency: keepsRawLatency)
        }
        harvested = Mutex(
            Harvest(
                latency: Array(repeating: Histogram(), count: operationCount),
                rawLatency: Array(
                    repeating: keepsRawLatency ? Histogram() : nil, count: operationCount),
                recent: Array(repeating: RecentWindow(), count: operationCount)
            )
        )
    }

    /// Records a run of operation `index` that ended in `outcome`. Latencies in µs; `corrected`
    /// only in the open model. Failures also go to the error feed, stamped `activeSeconds`.
    func record(
        _ outcome: Outcome, operation index: Int, name: String, counters: OperationCounters,
        latencyMicros: Int, correctedMicros: Int?, activeSeconds: Double
    ) {
        let recorder = operations[index]
        if let correctedMicros {
            recorder.latency.record(correctedMicros)
            recorder.rawLatency?.record(latencyMicros)
        } else {
            recorder.latency.record(latencyMicros)
        }
        log.record(
            OperationEvent(
                time: activeSeconds, operation: name, outcome: outcome,
                latencyMicros: correctedMicros ?? latencyMicros))
        recorder.tally.withLock { $0.count(outcome, counters: counters) }
        switch outcome {
        case .success: break
        case .failure(let kind, let message):
            recordError(kind, operation: name, message: message, activeSeconds: activeSeconds)
        case .skipped(let reason):
            recordError(.skipped, operation: name, message: reason, activeSeconds: activeSeconds)
        case .conflict(let reason):
            recordError(.conflict, operation: name, message: reason, activeSeconds: activeSeconds)
        }
    }

    /// Counts a pick of operation `index` skipped by a rate limit.
    func recordRateLimited(operation index: Int) {
        operations[index].tally.withLock { $0.countRateLimited() }
    }

    /// Adds an event to the error feed without counting an operation; one not `counted` (a
    /// failed connect or disconnect, counted apart) stays out of the feed's counts by kind.
    func recordError(
        _ kind: ErrorKind, operation: String, message: String, activeSeconds: Double,
        counted: Bool = true
    ) {
        feed.record(
            time: activeSeconds, operation: operation, kind: kind, message: message,
            counted: counted)
    }

    /// The tallies of every operation, copied under their locks.
    func tallies() -> [OperationTally] {
        operations.map { recorder in recorder.tally.withLock { $0 } }
    }

    /// The error feed as it is now.
    func errorFeed() -> ErrorFeed.Snapshot {
        feed.snapshot()
    }

    /// The harvested figures as a snapshot needs them.
    struct View: Sendable {
        var latency: [Histogram]
        var rawLatency: [Histogram?]
        var recentLatency: [Histogram]
        var perSecond: PerSecondSeries
        /// Operations completed from the start of second `recentStartSecond` until now.
        var recentCompleted: Int
        var recentStartSecond: Int
    }

    /// Folds everything recorded since the last harvest into the whole-run figures, attributing
    /// it to whole second `second` of active time, and returns a copy of them. Costs a few
    /// histogram merges per operation.
    @discardableResult
    func harvest(atSecond second: Int, tallies: [OperationTally]) -> View {
        harvested.withLock { state in
            for (index, recorder) in operations.enumerated() {
                let interval = recorder.latency.takeInterval()
                if !interval.isEmpty { state.latency[index].add(interval) }
                state.recent[index].add(interval, atSecond: second)
                if let raw = recorder.rawLatency?.takeInterval(), !raw.isEmpty {
                    state.rawLatency[index]?.add(raw)
                }
            }
            let totals = Totals(
                completed: tallies.reduce(0) { $0 + $1.completed },
                errors: tallies.reduce(0) { $0 + $1.errors },
                bytes: tallies.reduce(0) { $0 + $1.bytesSent + $1.bytesReceived }
            )
            let delta = Totals(
                completed: totals.completed - state.lastTotals.completed,
                errors: totals.errors - state.lastTotals.errors,
                bytes: totals.bytes - state.lastTotals.bytes
            )
            state.lastTotals = totals
            state.perSecond.add(
                SecondCounts(
                    operations: delta.completed, errors: delta.errors, bytes: delta.bytes),
                atSecond: second)
            state.completedBySecond[second, default: 0] += delta.completed
            let recentStart = max(0, second - 9)
            state.completedBySecond = state.completedBySecond.filter { $0.key >= recentStart }
            return View(
                latency: state.latency,
                rawLatency: state.rawLatency,
                recentLatency: state.recent.indices.map { state.recent[$0].merged() },
                perSecond: state.perSecond,
                recentCompleted: state.completedBySecond.values.reduce(0, +),
                recentStartSecond: recentStart
            )
        }
    }
}
