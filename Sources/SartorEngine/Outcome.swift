import SartorMetrics

/// What one operation of a workload came to.
///
/// Per-request failures are data, never thrown: an operation reports `.failure` with the kind
/// of error and a short message, and the engine counts it.
public enum Outcome: Sendable, Equatable {
    /// The operation did what it set out to do.
    case success
    /// The operation failed; `kind` classifies it and `message` says what happened, for the
    /// error feed (for example `"PUT /agents/a12: http 503"`).
    case failure(ErrorKind, message: String)
    /// The operation had nothing to do (for example no open task to claim); not an error.
    case skipped(reason: String)
    /// The operation lost a race it is expected to lose sometimes (for example a claim taken by
    /// another agent between read and conditional write); not an error.
    case conflict(reason: String)

    /// True for `.failure`, the outcomes that count towards the error rate.
    public var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }

    /// The error kind the outcome is counted under, or `nil` for a success.
    public var errorKind: ErrorKind? {
        switch self {
        case .success: nil
        case .failure(let kind, _): kind
        case .skipped: .skipped
        case .conflict: .conflict
        }
    }
}
