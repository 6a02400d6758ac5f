import SartorEngine

/// How a claim is written.
public enum ClaimMode: String, Sendable, CaseIterable {
    /// A conditional write: GET with `X-Firebase-ETag: true`, then PUT with `if-match`. A 412
    /// means another agent won; it is counted as a conflict, not an error.
    case safe
    /// The original client's read-then-PATCH, which lets two agents claim one task.
    case naive
}

/// How `status_query` reads the three collections.
public enum StatusQueryMode: String, Sendable, CaseIterable {
    /// Whole collections, as the original client does; cost grows with the data.
    case full
    /// `shallow=true` reads: keys only.
    case shallow
}

/// Everything that shapes what the agents do, besides the engine's run configuration.
public struct SartorSettings: Sendable {
    public var paths: SartorPaths
    public var mix: OperationMix
    public var claimMode: ClaimMode
    public var statusQuery: StatusQueryMode
    /// Broadcasts per minute per agent; 0 for no limit.
    public var broadcastsPerMinute: Int
    /// The agent's simulated work between claim and update: uniform in this range, counted as
    /// the agent's own time, never as latency.
    public var work: ThinkTime
    /// Keep a ledger of every acknowledged write, for `--verify`.
    public var keepsLedger: Bool

    public init(
        paths: SartorPaths = SartorPaths(), mix: OperationMix = .standard,
        claimMode: ClaimMode = .safe, statusQuery: StatusQueryMode = .full,
        broadcastsPerMinute: Int = 10,
        work: ThinkTime = ThinkTime(.milliseconds(500), .seconds(2)), keepsLedger: Bool = false
    ) {
        self.paths = paths
        self.mix = mix
        self.claimMode = claimMode
        self.statusQuery = statusQuery
        self.broadcastsPerMinute = broadcastsPerMinute
        self.work = work
        self.keepsLedger = keepsLedger
    }
}
