/// The failures, latency and stalls a server injects to rehearse an unhealthy database.
public struct FaultPlan: Sendable, Equatable {
    /// Probability in 0...1 of answering each status instead of serving the request; the sum
    /// must not exceed 1. `--fail-rate P` is `[503: P]`. A 412 applies to conditional writes
    /// only (PUT or DELETE with `if-match`), with the current value and ETag as RTDB sends.
    public var failureRates: [Int: Double]
    /// Latency added to every response, drawn uniformly from the range (a single value when
    /// both ends are equal); nil adds none.
    public var latency: ClosedRange<Duration>?
    /// Periodic stalls that hold every response; nil means none.
    public var stall: StallSchedule?
    /// Seed of the draws, so that a run's sequence of faults can be repeated.
    public var seed: UInt64

    public init(
        failureRates: [Int: Double] = [:], latency: ClosedRange<Duration>? = nil,
        stall: StallSchedule? = nil, seed: UInt64 = 1
    ) {
        self.failureRates = failureRates
        self.latency = latency
        self.stall = stall
        self.seed = seed
    }

    /// True when the plan injects nothing.
    public var isEmpty: Bool {
        failureRates.values.allSatisfy { $0 <= 0 } && latency == nil && stall == nil
    }
}

/// Stall windows: from the server's start, every `every`, all responses are held for `length`.
/// The first stall begins one `every` after the start.
public struct StallSchedule: Sendable, Equatable {
    public var every: Duration
    public var length: Duration

    public init(every: Duration, length: Duration) {
        self.every = every
        self.length = length
    }

    /// How long a response due `elapsed` after the start must wait, or nil outside a stall.
    func remainingStall(at elapsed: Duration) -> Duration? {
        guard every > .zero, length > .zero, elapsed >= every else { return nil }
        let everyNanos = every.nanoseconds
        let phase = Duration.nanoseconds(elapsed.nanoseconds % everyNanos)
        return phase < length ? length - phase : nil
    }
}

/// Counts of every fault injected since the server started.
public struct FaultCounts: Sendable, Equatable {
    /// Injected failure responses by status.
    public var failures: [Int: Int] = [:]
    /// Requests given added latency.
    public var delayed = 0
    /// Requests held by a stall.
    public var stalled = 0

    /// Every injected fault: failures, delays and stalls.
    public var total: Int { failures.values.reduce(0, +) + delayed + stalled }

    /// One line for logs: `faults: 503=12 500=3 delayed=400 stalled=17`.
    public var summary: String {
        var parts = failures.keys.sorted().map { "\($0)=\(failures[$0]!)" }
        parts.append("delayed=\(delayed)")
        parts.append("stalled=\(stalled)")
        return "faults: " + parts.joined(separator: " ")
    }
}

extension Duration {
    /// The whole duration in nanoseconds (saturating far beyond any server uptime).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds &* 1_000_000_000 &+ attoseconds / 1_000_000_000
    }
}
