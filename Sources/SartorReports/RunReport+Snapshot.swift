import SartorEngine
import SartorMetrics

extension RunReport {
    /// The report of a run as `snapshot` shows it, with what a snapshot does not hold given
    /// apart. Thresholds are left empty, to be evaluated on the result.
    ///
    /// `errorsByKind` holds the operations' real errors only, so that it adds up to
    /// `summary.errors`; client-side outcomes have summary fields of their own, and so do the
    /// failed connects and disconnects, which are in `recentErrors` (newest first) but in no
    /// count of operations or errors.
    public init(
        snapshot: RunSnapshot, timeline: LatencyTimeline,
        dataGrowth: [DataSizeSample], context: ReportContext, verify: VerifySummary?
    ) {
        let operations = snapshot.operations
        var errorsByKind: [String: Int] = [:]
        for (kind, count) in operations.flatMap(\.errorsByKind) {
            errorsByKind[kind.label, default: 0] += count
        }
        self.init(
            summary: Summary(
                operations: snapshot.completedOperations, errors: snapshot.errorCount,
                skipped: operations.reduce(0) { $0 + $1.skipped },
                conflicts: operations.reduce(0) { $0 + $1.conflicts },
                rateLimited: operations.reduce(0) { $0 + $1.rateLimited },
                retries: snapshot.retries, missedStarts: snapshot.missedStarts,
                interrupted: snapshot.interrupted, connectFailures: snapshot.connectFailures,
                disconnectFailures: snapshot.disconnectFailures,
                durationSeconds: snapshot.activeTime.seconds,
                bytesSent: operations.reduce(0) { $0 + $1.bytesSent },
                bytesReceived: operations.reduce(0) { $0 + $1.bytesReceived }),
            operations: operations.map(OperationReport.init),
            perSecond: Self.perSecond(snapshot.perSecond),
            timeline: timeline, errorsByKind: errorsByKind,
            recentErrors: snapshot.errors.recentErrors.map(ErrorRecord.init),
            lastOperations: snapshot.recentOperations.map(OperationRecord.init),
            dataGrowth: dataGrowth, context: context,
            verify: verify)
    }

    /// The seconds the series still holds, oldest first.
    static func perSecond(_ series: PerSecondSeries) -> [SecondSample] {
        let count = min(series.capacity, series.latestSecond + 1)
        guard count > 0 else { return [] }
        let first = series.latestSecond - count + 1
        return series.last(count).enumerated().map { offset, counts in
            SecondSample(
                second: first + offset, operations: counts.operations, errors: counts.errors,
                bytes: counts.bytes)
        }
    }
}

extension OperationReport {
    /// The figures of one operation of a snapshot.
    public init(_ stats: OperationStats) {
        self.init(
            name: stats.name, targetShare: stats.targetShare, count: stats.completed,
            errors: stats.errors, skipped: stats.skipped, conflicts: stats.conflicts,
            rateLimited: stats.rateLimited, retries: stats.retries, bytesSent: stats.bytesSent,
            bytesReceived: stats.bytesReceived, latency: stats.latency)
    }
}

extension ErrorRecord {
    /// One event of the error feed.
    public init(_ event: ErrorEvent) {
        self.init(
            time: event.time, operation: event.operation, kind: event.kind.label,
            message: event.message)
    }
}

extension OperationRecord {
    /// The record of one of the run's last operations: a failure's detail is its kind's label,
    /// a skip's or conflict's its reason.
    public init(_ event: OperationEvent) {
        let (name, detail): (String, String?) =
            switch event.outcome {
            case .success: ("success", nil)
            case .failure(let kind, _): ("error", kind.label)
            case .skipped(let reason): ("skipped", reason)
            case .conflict(let reason): ("conflict", reason)
            }
        self.init(
            time: event.time, operation: event.operation, outcome: name,
            latencyMs: Double(max(event.latencyMicros, 0)) / 1000, detail: detail)
    }
}
