import SartorEngine
import SartorMetrics

extension DashboardModel {
    /// The dashboard's view of an engine snapshot.
    ///
    /// - Parameters:
    ///   - initialWeights: the weights the workload declared, to mark changed ones.
    ///   - target: the base URL being loaded, as shown in the header.
    ///   - root: the database path under which the workload writes.
    public init(
        snapshot: RunSnapshot, initialWeights: [Double], target: String, root: String
    ) {
        let load: Load =
            switch snapshot.load {
            case .agents(let count): .agents(count)
            case .rate(let rate): .ratePerSecond(rate)
            }
        let operations = snapshot.operations.enumerated().map { index, stats in
            Operation(
                name: stats.name, weight: stats.targetWeight,
                initialWeight: index < initialWeights.count
                    ? initialWeights[index] : stats.targetWeight,
                count: stats.completed, errors: stats.errors, skipped: stats.skipped,
                conflicts: stats.conflicts, rateLimited: stats.rateLimited, retries: stats.retries,
                wholeRun: LatencySummary(stats.latency), recent: LatencySummary(stats.recentLatency)
            )
        }
        let active = snapshot.activeTime.components
        let elapsed = Double(active.seconds) + Double(active.attoseconds) / 1e18
        // Only whole seconds: the one in progress would always look like a dip.
        let completedSeconds = max(0, Int(elapsed.rounded(.down)))
        let series = snapshot.perSecond
        let shown = min(completedSeconds, series.capacity, 600)
        let seconds = series.last(shown, endingAt: completedSeconds - 1).map {
            Second(operations: $0.operations, errors: $0.errors)
        }
        let errors = snapshot.errors.recentErrors.map {
            ErrorLine(
                timeSeconds: $0.time, operation: $0.operation, kind: $0.kind.label,
                message: $0.message)
        }
        // The operations' own counts by kind, taken under the same lock as their error
        // counts, so that they add up to the errors shown; the feed's ring holds events.
        let byKind = snapshot.operations.reduce(into: [String: Int]()) { counts, stats in
            for (kind, count) in stats.errorsByKind { counts[kind.label, default: 0] += count }
        }
        let counts = byKind.map { (kind: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.kind < $1.kind }
        self.init(
            target: target, root: root, load: load, state: RunState(snapshot.state),
            elapsedSeconds: elapsed, durationSeconds: snapshot.durationLimit.map(Self.seconds),
            operations: operations, seconds: seconds, errors: errors, errorCounts: counts,
            connectFailures: snapshot.connectFailures,
            disconnectFailures: snapshot.disconnectFailures, inFlight: snapshot.inFlight)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

extension DashboardModel.RunState {
    init(_ state: SartorEngine.RunState) {
        switch state {
        case .starting: self = .starting
        case .running: self = .running
        case .paused: self = .paused
        case .stopping: self = .stopping
        case .finished: self = .finished
        }
    }
}

extension DashboardModel.LatencySummary {
    /// The figures of a histogram of microseconds.
    init(_ histogram: Histogram) {
        let values = histogram.values(atPercentiles: [50, 95, 99])
        self.init(
            count: histogram.totalCount, meanMicros: Int(histogram.mean.rounded()),
            p50Micros: values[0], p95Micros: values[1], p99Micros: values[2],
            maxMicros: histogram.max)
    }
}
