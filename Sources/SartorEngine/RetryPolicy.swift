import SartorMetrics

/// When and how long to wait before repeating a failed request.
///
/// Exponential backoff with jitter: the wait before retry `n` (1-based) is
/// `baseDelay * 2^(n-1)`, scaled by a uniform factor in `1 - jitter ... 1 + jitter`. The default
/// makes 3 retries at about 1 s, 2 s and 4 s. Only transient failures are retried: HTTP 500,
/// 503 and 504, refused or reset connections and timeouts; never another 4xx or 5xx, a TLS
/// failure or an invalid response.
public struct RetryPolicy: Sendable, Equatable {
    /// Retries after the first attempt; 0 disables retrying.
    public var maxRetries: Int
    /// The wait before the first retry; each later retry waits twice as long.
    public var baseDelay: Duration
    /// The relative spread of each wait, in `0...1` (0.2 means ±20 %).
    public var jitter: Double

    /// A policy; `maxRetries` below 0 is treated as 0 and `jitter` is clamped to `0...1`.
    public init(maxRetries: Int = 3, baseDelay: Duration = .seconds(1), jitter: Double = 0.2) {
        self.maxRetries = max(0, maxRetries)
        self.baseDelay = baseDelay
        self.jitter = min(1, max(0, jitter))
    }

    /// The default: 3 retries at about 1 s, 2 s and 4 s, ±20 %.
    public static let standard = RetryPolicy()

    /// No retries at all.
    public static let disabled = RetryPolicy(maxRetries: 0)

    /// True when a failure of this kind is worth repeating.
    public func shouldRetry(_ kind: ErrorKind) -> Bool {
        switch kind {
        case .httpStatus(let status): [500, 503, 504].contains(status)
        case .timeout, .connectionRefused, .connectionReset: true
        case .tls, .invalidResponse, .other, .rateLimited, .skipped, .conflict: false
        }
    }

    /// The wait before retry `retry` (1 for the first retry), jittered with `random`.
    public func delay(beforeRetry retry: Int, random: inout SeededRandom) -> Duration {
        let doublings = min(max(retry - 1, 0), 30)
        let nominal = baseDelay * (1 << doublings)
        guard jitter > 0 else { return nominal }
        let factor = 1 - jitter + 2 * jitter * random.nextUnitDouble()
        return nominal * factor
    }
}
