import SartorMetrics
import Synchronization

/// The counters of one operation, updated under the operation's own lock once per pick.
struct OperationTally: Sendable {
    var picks = 0
    var completed = 0
    var successes = 0
    var errors = 0
    var errorsByKind: [ErrorKind: Int] = [:]
    var skipped = 0
    var conflicts = 0
    var rateLimited = 0
    var requests = 0
    var retries = 0
    var bytesSent = 0
    var bytesReceived = 0

    /// Counts one run that ended in `outcome`, with what it added to the counters.
    mutating func count(_ outcome: Outcome, counters: OperationCounters) {
        picks += 1
        completed += 1
        switch outcome {
        case .success: successes += 1
        case .failure(let kind, _):
            errors += 1
            errorsByKind[kind, default: 0] += 1
        case .skipped: skipped += 1
        case .conflict: conflicts += 1
        }
        requests += counters.requests
        retries += counters.retries
        bytesSent += counters.bytesSent
        bytesReceived += counters.bytesReceived
    }

    /// Counts one pick skipped by the agent's rate limit.
    mutating func countRateLimited() {
        picks += 1
        rateLimited += 1
    }
}

/// The recorders of one operation: counters under a lock, latencies in interval recorders.
final class OperationRecorder: Sendable {
    let tally = Mutex(OperationTally())
    /// Latency in µs: from the intended start in the open model, from the start otherwise.
    let latency = IntervalRecorder()
    /// Open model only: latency in µs from the actual start.
    let rawLatency: IntervalRecorder?

    init(keepsRawLatency: Bool) {
        rawLatency = keepsRawLatency ? IntervalRecorder() : nil
    }
}
