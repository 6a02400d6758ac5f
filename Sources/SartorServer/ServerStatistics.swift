import Synchronization

/// What a server has done since it started: requests by status, bytes, faults, streams.
public struct ServerStatistics: Sendable, Equatable {
    /// Responses sent (injected failures included), by HTTP status.
    public var responsesByStatus: [Int: Int] = [:]
    /// Response body bytes sent (event streams excluded).
    public var bodyBytesSent = 0
    /// Faults injected.
    public var faults = FaultCounts()
    /// Event streams open now.
    public var openStreams = 0

    /// All responses sent.
    public var requests: Int { responsesByStatus.values.reduce(0, +) }

    /// One line for logs: `requests: 1200 (200=1180 503=20)`.
    public var summary: String {
        let statuses = responsesByStatus.keys.sorted().map { "\($0)=\(responsesByStatus[$0]!)" }
        let detail = statuses.isEmpty ? "" : " (" + statuses.joined(separator: " ") + ")"
        return "requests: \(requests)\(detail)"
    }
}

/// Response counts shared by the server threads.
///
/// Thread-safety: one `Mutex`; each response takes it once, briefly.
final class ResponseCounters: Sendable {
    private struct State {
        var byStatus: [Int: Int] = [:]
        var bodyBytes = 0
    }
    private let state = Mutex(State())

    func record(status: Int, bodyBytes: Int) {
        state.withLock { state in
            state.byStatus[status, default: 0] += 1
            state.bodyBytes += bodyBytes
        }
    }

    /// The counts so far, as `(responsesByStatus, bodyBytesSent)`.
    var current: (byStatus: [Int: Int], bodyBytes: Int) {
        state.withLock { ($0.byStatus, $0.bodyBytes) }
    }
}
