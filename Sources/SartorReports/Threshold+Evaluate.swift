/// The verdict of one threshold on a run.
public struct ThresholdResult: Sendable, Equatable, Codable {
    public enum Verdict: String, Sendable, Codable {
        case passed
        case failed
        /// Not decided, during a run only: no data yet, or a figure that can still change its
        /// verdict before the end. At the end a threshold with no data has failed instead.
        case undecided
    }

    /// The threshold as written.
    public var threshold: String
    public var verdict: Verdict
    /// The measured value in the metric's unit (ms, fraction, per second, count).
    public var actual: Double?
    /// The measured value for a person: `p95 = 1234 ms`.
    public var detail: String

    public init(threshold: String, verdict: Verdict, actual: Double?, detail: String) {
        self.threshold = threshold
        self.verdict = verdict
        self.actual = actual
        self.detail = detail
    }
}

extension Threshold {
    /// Operations a latency or rate figure needs before a verdict is given during a run.
    public static let samplesBeforeJudging = 20

    /// Judges the threshold on `report`. With `final` false (during a run), figures that can
    /// still move either way (throughput; counts that only grow towards a `>` limit) are left
    /// undecided, as are latencies and rates with fewer than `samplesBeforeJudging` samples,
    /// and figures with no data yet. At the end (`final`), no data fails the threshold, so that
    /// a gate never passes on nothing measured.
    public func evaluate(_ report: RunReport, final: Bool) -> ThresholdResult {
        let scope = operation.map { report.operation(named: $0) } ?? nil
        let count = scope?.count ?? report.summary.operations
        guard let actual = measure(report, scope) else {
            return final
                ? result(.failed, nil, "no data: \(missingData(report, scope))")
                : result(.undecided, nil, "no data")
        }
        let detail = "\(operation.map { "\($0)." } ?? "")\(metricLabel) = \(format(actual))"
        if !final {
            let growsOnly = [.errors, .operations, .retries].contains(metric)
            let tooFew =
                (metric.isLatency || metric == .errorRate || metric == .conflictRate)
                && count < Self.samplesBeforeJudging
            let waits =
                metric == .opsPerSecond
                || (growsOnly && (comparison == .greater || comparison == .greaterOrEqual))
            if tooFew || waits { return result(.undecided, actual, detail) }
        }
        return result(comparison.holds(actual, limit) ? .passed : .failed, actual, detail)
    }

    private func result(_ verdict: ThresholdResult.Verdict, _ actual: Double?, _ detail: String)
        -> ThresholdResult
    {
        ThresholdResult(threshold: text, verdict: verdict, actual: actual, detail: detail)
    }

    private func measure(_ report: RunReport, _ scope: OperationReport?) -> Double? {
        if operation != nil && scope == nil { return nil }
        let latency = scope?.latency ?? report.latency
        let count = scope?.count ?? report.summary.operations
        switch metric {
        case .percentile(let percentile):
            return latency.isEmpty ? nil : Double(latency.value(atPercentile: percentile)) / 1000
        case .maxLatency: return latency.isEmpty ? nil : Double(latency.max) / 1000
        case .meanLatency: return latency.isEmpty ? nil : latency.mean / 1000
        case .errorRate:
            return count == 0 ? nil : Double(scope?.errors ?? report.summary.errors) / Double(count)
        case .conflictRate:
            let conflicts = scope?.conflicts ?? report.summary.conflicts
            return count == 0 ? nil : Double(conflicts) / Double(count)
        case .errors: return Double(scope?.errors ?? report.summary.errors)
        case .operations: return Double(count)
        case .retries: return Double(scope?.retries ?? report.summary.retries)
        case .opsPerSecond:
            let seconds = report.summary.durationSeconds
            return seconds > 0 ? Double(count) / seconds : nil
        }
    }

    /// Why `measure` found nothing: `status_query never ran`.
    private func missingData(_ report: RunReport, _ scope: OperationReport?) -> String {
        if let operation, scope == nil { return "\(operation) is not an operation of this run" }
        let count = scope?.count ?? report.summary.operations
        if count == 0 { return operation.map { "\($0) never ran" } ?? "no operation ran" }
        if metric == .opsPerSecond { return "the run had no active time" }
        return "no latency was recorded"
    }

    private var metricLabel: String {
        switch metric {
        case .percentile(let value): "p\(Format.number(value))"
        case .maxLatency: "max"
        case .meanLatency: "mean"
        case .errorRate: "error_rate"
        case .conflictRate: "conflict_rate"
        case .errors: "errors"
        case .operations: "operations"
        case .retries: "retries"
        case .opsPerSecond: "ops_per_second"
        }
    }

    private func format(_ value: Double) -> String {
        switch metric {
        case .percentile, .maxLatency, .meanLatency: Format.milliseconds(value)
        case .errorRate, .conflictRate: Format.percent(value)
        case .opsPerSecond: "\(Format.number(value, decimals: 1))/s"
        case .errors, .operations, .retries: Format.number(value)
        }
    }
}
