/// At most `count` runs of an operation per `window`, per agent (for example 10 per minute).
///
/// Enforced with a token bucket that holds up to `count` tokens and refills continuously at
/// `count / window`, so a burst of `count` is allowed after a quiet spell.
public struct RateLimit: Sendable, Equatable {
    /// Runs allowed per window, `>= 1`.
    public var count: Int
    /// The window, `> 0`.
    public var window: Duration

    /// A limit of `count` runs per `window`; `count` below 1 is treated as 1.
    public init(_ count: Int, per window: Duration) {
        self.count = max(1, count)
        self.window = window
    }
}

/// A token bucket for one operation of one agent; owned by the agent's task, never shared.
struct TokenBucket {
    let limit: RateLimit
    private var tokens: Double
    private var updated: ContinuousClock.Instant

    init(limit: RateLimit, now: ContinuousClock.Instant) {
        self.limit = limit
        tokens = Double(limit.count)
        updated = now
    }

    /// Takes one token if there is one and returns true; otherwise returns false at once.
    mutating func take(now: ContinuousClock.Instant) -> Bool {
        let windowSeconds = limit.window.seconds
        if windowSeconds > 0 {
            let refill = (now - updated).seconds * Double(limit.count) / windowSeconds
            tokens = min(Double(limit.count), tokens + max(0, refill))
        } else {
            tokens = Double(limit.count)
        }
        updated = now
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// The duration in whole microseconds, rounded towards zero.
    public var microseconds: Int {
        let parts = components
        return Int(parts.seconds) * 1_000_000 + Int(parts.attoseconds / 1_000_000_000_000)
    }
}
