import Synchronization

/// Decides, per request, whether to inject a failure and how long to hold the response, and
/// counts what it injected.
///
/// Thread-safety: the generator and the counts are under one `Mutex`; a decision costs one
/// lock when the plan injects anything and none when it is empty.
final class FaultInjector: Sendable {
    private struct State {
        var random: SplitMix64
        var counts = FaultCounts()
    }

    let plan: FaultPlan
    private let started: ContinuousClock.Instant
    private let thresholds: [(status: Int, cumulative: Double)]
    private let state: Mutex<State>

    init(plan: FaultPlan, started: ContinuousClock.Instant = .now) {
        self.plan = plan
        self.started = started
        var cumulative = 0.0
        thresholds = plan.failureRates.keys.sorted().compactMap { status in
            let rate = plan.failureRates[status]!
            guard rate > 0 else { return nil }
            cumulative += rate
            return (status, cumulative)
        }
        var initial = State(random: SplitMix64(seed: plan.seed))
        for (status, _) in thresholds { initial.counts.failures[status] = 0 }
        state = Mutex(initial)
    }

    /// The status to fail this request with, or nil to serve it; `count(_:)` it once
    /// injected. A 412 is drawn for conditional writes only (`conditionalWrite`), so that its
    /// rate is a fraction of the requests RTDB could answer 412; other requests that draw it
    /// are served.
    func failure(conditionalWrite: Bool) -> Int? {
        guard !thresholds.isEmpty else { return nil }
        let draw = state.withLock { $0.random.nextUnit() }
        guard let hit = thresholds.first(where: { draw < $0.cumulative }) else { return nil }
        return hit.status != 412 || conditionalWrite ? hit.status : nil
    }

    /// Counts an injected failure of `status`.
    func count(_ status: Int) {
        state.withLock { $0.counts.failures[status, default: 0] += 1 }
    }

    /// How long to hold this response (latency plus any stall in progress), or nil for none.
    // Limitation: decided when the request arrives; a stall that starts while a response is
    // already held does not hold it longer.
    func delay(now: ContinuousClock.Instant = .now) -> Duration? {
        guard plan.latency != nil || plan.stall != nil else { return nil }
        let stall = plan.stall?.remainingStall(at: started.duration(to: now))
        return state.withLock { state -> Duration? in
            var total = Duration.zero
            if let latency = plan.latency {
                let span = (latency.upperBound - latency.lowerBound).nanoseconds
                let extra = span > 0 ? Int64(state.random.nextUnit() * Double(span)) : 0
                total += latency.lowerBound + .nanoseconds(extra)
                state.counts.delayed += 1
            }
            if let stall {
                total += stall
                state.counts.stalled += 1
            }
            return total > .zero ? total : nil
        }
    }

    /// What has been injected so far.
    var counts: FaultCounts { state.withLock { $0.counts } }
}

/// A small seeded generator (SplitMix64): fast, and the same sequence for the same seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in 0..<1.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
