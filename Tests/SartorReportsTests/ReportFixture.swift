import SartorMetrics

@testable import SartorReports

/// A fixed report with every section filled, built from deterministic samples.
enum ReportFixture {
    /// Latencies in µs: `count` values spread evenly from `low` to `high`.
    static func histogram(count: Int, low: Int, high: Int) -> Histogram {
        var histogram = Histogram()
        for index in 0..<count {
            histogram.record(low + (high - low) * index / max(count - 1, 1))
        }
        return histogram
    }

    static var report: RunReport {
        let direct = histogram(count: 300, low: 2_000, high: 40_000)
        let claim = histogram(count: 120, low: 5_000, high: 900_000)
        let status = histogram(count: 80, low: 10_000, high: 60_000)
        var timeline = LatencyTimeline(sliceSeconds: 30)
        timeline.update(
            cumulative: [
                ("direct_message", histogram(count: 100, low: 2_000, high: 10_000)),
                ("status_query", histogram(count: 40, low: 10_000, high: 20_000)),
            ], at: 10)
        timeline.update(
            cumulative: [
                ("direct_message", direct), ("task_claim", claim), ("status_query", status),
            ],
            at: 50)
        return RunReport(
            summary: Summary(
                operations: 500, errors: 6, skipped: 9, conflicts: 4, rateLimited: 3, retries: 11,
                connectFailures: 2, durationSeconds: 60, bytesSent: 512_000,
                bytesReceived: 2_400_000),
            operations: [
                OperationReport(
                    name: "direct_message", targetShare: 0.5, count: 300, errors: 5, retries: 8,
                    bytesSent: 300_000, bytesReceived: 100_000, latency: direct),
                OperationReport(
                    name: "task_claim", targetShare: 0.3, count: 120, errors: 1, skipped: 9,
                    conflicts: 4, rateLimited: 3, retries: 3, bytesSent: 150_000,
                    bytesReceived: 300_000, latency: claim),
                OperationReport(
                    name: "status_query", targetShare: 0.2, count: 80, bytesSent: 62_000,
                    bytesReceived: 2_000_000, latency: status),
            ],
            perSecond: (0..<60).map { second in
                SecondSample(
                    second: second, operations: second < 20 ? 8 : 8 + second % 3,
                    errors: second == 42 ? 5 : (second == 7 ? 1 : 0), bytes: 48_000)
            },
            timeline: timeline,
            errorsByKind: ["http 503": 5, "timeout": 1],
            recentErrors: [
                ErrorRecord(
                    time: 51, operation: "connect", kind: "connection refused",
                    message: "PUT /agents/agent-12.json: connection refused"),
                ErrorRecord(
                    time: 42.5, operation: "direct_message", kind: "http 503",
                    message: "503 Service Unavailable | retry later"),
                ErrorRecord(
                    time: 7.25, operation: "task_claim", kind: "timeout",
                    message: "no response in 10s"),
            ],
            lastOperations: [
                OperationRecord(
                    time: 59.1, operation: "direct_message", outcome: "success", latencyMs: 3.2),
                OperationRecord(
                    time: 59.7, operation: "task_claim", outcome: "conflict", latencyMs: 41.5,
                    detail: "412 precondition failed"),
            ],
            dataGrowth: [
                DataSizeSample(time: 0, records: ["messages": 10, "tasks": 5]),
                DataSizeSample(time: 30, records: ["messages": 200, "tasks": 40]),
                DataSizeSample(time: 60, records: ["messages": 420, "tasks": 70]),
            ],
            context: ReportContext(
                target: "http://127.0.0.1:40123 (embedded)", root: "agents-network",
                startedAt: "2026-01-01T12:00:00Z",
                configuration: [
                    "agents": "16", "duration": "1m", "mix": "default", "claim": "naive",
                    "threshold": "p95<1500ms; error_rate<2%",
                ],
                versions: ["sartor-load": "0.1.0"],
                notes: [
                    "task_claim latency covers its requests only; the simulated work between "
                        + "claim and update is the agent's own time."
                ]),
            verify: VerifySummary(
                passed: false, checked: 620, missing: [], notOffline: ["agent-4"],
                doubleClaims: ["task t-17: agent-3, agent-9"]),
            thresholds: [
                ThresholdResult(
                    threshold: "p95<1500ms", verdict: .passed, actual: 412.3,
                    detail: "p95 = 412 ms"),
                ThresholdResult(
                    threshold: "error_rate<2%", verdict: .passed, actual: 0.012,
                    detail: "error_rate = 1.2%"),
            ])
    }
}
