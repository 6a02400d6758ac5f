@testable import SartorDashboard

/// A fixed mid-run model: six operations with different latencies, some errors, a minute and a
/// half of per-second counts with a dip and an error burst.
enum Fixtures {
    static func summary(_ count: Int, p50 milliseconds: Double) -> DashboardModel.LatencySummary {
        let p50 = Int(milliseconds * 1_000)
        return .init(
            count: count, meanMicros: p50 * 12 / 10, p50Micros: p50, p95Micros: p50 * 3,
            p99Micros: p50 * 6, maxMicros: p50 * 15)
    }

    static let operations: [DashboardModel.Operation] = [
        .init(
            name: "direct message", weight: 30, initialWeight: 30, count: 3_120, errors: 4,
            retries: 6, wholeRun: summary(3_120, p50: 18.4), recent: summary(352, p50: 21.0)),
        .init(
            name: "broadcast", weight: 10, initialWeight: 10, count: 1_050, errors: 12,
            rateLimited: 40, retries: 20, wholeRun: summary(1_050, p50: 6.2),
            recent: summary(118, p50: 6.8)),
        .init(
            name: "task create", weight: 15, initialWeight: 15, count: 1_577,
            wholeRun: summary(1_577, p50: 5.9), recent: summary(170, p50: 6.1)),
        .init(
            name: "task claim", weight: 25, initialWeight: 15, count: 1_490, errors: 2,
            skipped: 130, conflicts: 57, wholeRun: summary(1_490, p50: 1_240),
            recent: summary(240, p50: 1_310)),
        .init(
            name: "knowledge add", weight: 20, initialWeight: 20, count: 2_101,
            wholeRun: summary(2_101, p50: 5.4), recent: summary(236, p50: 5.6)),
        .init(
            name: "status query", weight: 10, initialWeight: 10, count: 1_033,
            wholeRun: summary(1_033, p50: 42.5), recent: summary(117, p50: 48.0)),
    ]

    static var seconds: [DashboardModel.Second] {
        (0..<95).map { second in
            let base = 100 + (second * 37 % 23)
            let dip = (40..<46).contains(second) ? 60 : 0
            let errors = (70..<74).contains(second) ? 5 : 0
            return .init(operations: base - dip, errors: errors)
        }
    }

    static let errors: [DashboardModel.ErrorLine] = [
        .init(
            timeSeconds: 93.4, operation: "broadcast", kind: "http 503",
            message: "Service Unavailable"),
        .init(
            timeSeconds: 88.1, operation: "direct message", kind: "timeout",
            message: "no response in 10 s"),
        .init(
            timeSeconds: 73.9, operation: "task claim", kind: "http 500",
            message: "fault injected by the server"),
        .init(
            timeSeconds: 71.0, operation: "broadcast", kind: "http 503",
            message: "Service Unavailable"),
    ]

    static var model: DashboardModel {
        DashboardModel(
            target: "http://127.0.0.1:40123", root: "/sartor", load: .agents(50), state: .running,
            elapsedSeconds: 95.4, durationSeconds: 300, operations: operations, seconds: seconds,
            errors: errors, errorCounts: [("http 503", 12), ("timeout", 4), ("http 500", 2)],
            inFlight: 17)
    }
}
