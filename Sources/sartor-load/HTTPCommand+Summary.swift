import Foundation
import SartorEngine
import SartorMetrics

/// What `sartor-load http` prints at the end, as text or as one JSON object.
struct HTTPSummary: Codable, Equatable {
    /// Latency figures in milliseconds.
    struct Latency: Codable, Equatable {
        var p50, p90, p95, p99, p999, max, mean: Double

        init(_ histogram: Histogram) {
            let (p50, p90, p95, p99, p999) = (
                histogram.value(atPercentile: 50), histogram.value(atPercentile: 90),
                histogram.value(atPercentile: 95), histogram.value(atPercentile: 99),
                histogram.value(atPercentile: 99.9)
            )
            self.p50 = Double(p50) / 1000
            self.p90 = Double(p90) / 1000
            self.p95 = Double(p95) / 1000
            self.p99 = Double(p99) / 1000
            self.p999 = Double(p999) / 1000
            self.max = Double(histogram.max) / 1000
            self.mean = histogram.mean / 1000
        }
    }

    var method: String
    var url: String
    /// `closed` (fixed connections, each sending its next request as soon as it can) or
    /// `open` (a fixed request rate).
    var model: String
    var connections: Int
    var targetRate: Double?
    /// Completed requests, failures included.
    var requests: Int
    var requestsPerSecond: Double
    var durationSeconds: Double
    /// In the open model, from each request's scheduled start (corrected for coordinated
    /// omission); in the closed model, from its actual start.
    var latencyMs: Latency
    /// Open model only: from each request's actual start.
    var rawLatencyMs: Latency?
    var missedStarts: Int?
    /// Requests still running at the stop's deadline and cancelled: in neither `requests` nor
    /// `errors`.
    var interrupted: Int
    var statusCodes: [String: Int]
    /// Responses by HTTP version (`HTTP/1.1`, `HTTP/2`).
    var httpVersions: [String: Int]
    /// Failed requests by kind (`timeout`, `connection refused`, `http 503`, ...).
    var errors: [String: Int]
    var recentErrors: [String]
    var bytesSent: Int
    var bytesReceived: Int

    init(
        snapshot: RunSnapshot, counts: StatusCounts.Counts, method: String, url: String,
        connections: Int
    ) {
        self.method = method
        self.url = url
        self.connections = connections
        let stats = snapshot.operations.first
        if case .open(let rate, _) = snapshot.model {
            model = "open"
            targetRate = rate
            rawLatencyMs = stats?.rawLatency.map(Latency.init)
            missedStarts = snapshot.missedStarts
        } else {
            model = "closed"
        }
        requests = snapshot.completedOperations
        interrupted = snapshot.interrupted
        requestsPerSecond = snapshot.overallRate
        durationSeconds = snapshot.activeTime.seconds
        latencyMs = Latency(stats?.latency ?? Histogram())
        statusCodes = Dictionary(
            uniqueKeysWithValues: counts.statuses.map { (String($0.key), $0.value) })
        httpVersions = Dictionary(
            uniqueKeysWithValues: counts.versions.map { ($0.key.label, $0.value) })
        errors = Dictionary(
            uniqueKeysWithValues: (stats?.errorsByKind ?? [:]).map { ($0.key.label, $0.value) })
        var seen = Set<String>()
        recentErrors = snapshot.errors.recentErrors.reversed().map(\.message)
            .filter { seen.insert($0).inserted }.prefix(5).map { $0 }
        bytesSent = stats?.bytesSent ?? 0
        bytesReceived = stats?.bytesReceived ?? 0
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    func text() -> String {
        let load =
            targetRate.map { "\(number($0)) requests/s, at most \(connections) in flight" }
            ?? "\(connections) connections"
        var lines = [
            "\(method) \(url) (\(load), \(model) model)",
            "  requests      \(requests) in \(String(format: "%.2f", durationSeconds)) s",
            "  requests/s    \(number(requestsPerSecond))",
        ]
        if let rawLatencyMs {
            lines.append("  latency (ms)  \(render(latencyMs))  from scheduled start")
            lines.append("                \(render(rawLatencyMs))  from actual start")
        } else {
            lines.append("  latency (ms)  \(render(latencyMs))")
        }
        if let missedStarts {
            lines.append("  missed starts \(missedStarts)")
        }
        if interrupted > 0 {
            lines.append("  interrupted   \(interrupted) (cancelled at the stop's deadline)")
        }
        lines.append("  status codes  \(counts(statusCodes, orNone: "no response"))")
        if !httpVersions.isEmpty {
            lines.append("  protocol      \(counts(httpVersions, orNone: ""))")
        }
        lines.append("  errors        \(counts(errors, orNone: "none"))")
        lines.append(
            "  traffic       sent \(megabytes(bytesSent)), received \(megabytes(bytesReceived))")
        for message in recentErrors {
            lines.append("  recent error  \(message)")
        }
        return lines.joined(separator: "\n")
    }

    private func render(_ latency: Latency) -> String {
        let values = [
            ("p50", latency.p50), ("p90", latency.p90), ("p95", latency.p95),
            ("p99", latency.p99), ("p99.9", latency.p999), ("max", latency.max),
            ("mean", latency.mean),
        ]
        return values.map { "\($0.0) \(String(format: "%.3f", $0.1))" }.joined(separator: "  ")
    }

    private func counts(_ counts: [String: Int], orNone none: String) -> String {
        guard !counts.isEmpty else { return none }
        return counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            .joined(separator: ", ")
    }

    private func number(_ value: Double) -> String { String(format: "%.1f", value) }

    private func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
