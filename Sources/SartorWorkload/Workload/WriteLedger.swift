import Synchronization

/// One acknowledged claim of a task.
public struct ClaimRecord: Sendable, Equatable {
    public let agentID: String
    /// The `claimed_at` the agent wrote.
    public let claimedAt: String

    public init(agentID: String, claimedAt: String) {
        self.agentID = agentID
        self.claimedAt = claimedAt
    }
}

/// What the run wrote and the database acknowledged, kept for the integrity check.
///
/// Each write is remembered as a fingerprint of its canonical JSON (8 bytes plus its path), so
/// the ledger costs about 100 bytes a write whatever the size of the content.
/// Thread-safe: every member is behind one `Mutex`; a write takes it once.
public final class WriteLedger: Sendable {
    struct State {
        var writes: [String: UInt64] = [:]
        var claims: [String: [ClaimRecord]] = [:]
        var agents: Set<String> = []
    }

    private let state = Mutex(State())

    public init() {}

    /// Remembers that `value` was acknowledged at `path` (a later write at `path` replaces it).
    public func recordWrite(path: String, value: JSONValue) {
        let fingerprint = value.fingerprint
        state.withLock { $0.writes[path] = fingerprint }
    }

    /// Remembers an acknowledged claim of `taskID`.
    public func recordClaim(taskID: String, claim: ClaimRecord) {
        state.withLock { $0.claims[taskID, default: []].append(claim) }
    }

    /// Remembers an agent that connected.
    public func recordAgent(_ agentID: String) {
        _ = state.withLock { $0.agents.insert(agentID) }
    }

    /// Fingerprints by path of every acknowledged write.
    public var writes: [String: UInt64] { state.withLock { $0.writes } }

    /// Acknowledged claims by task.
    public var claims: [String: [ClaimRecord]] { state.withLock { $0.claims } }

    /// Every agent that connected.
    public var agents: Set<String> { state.withLock { $0.agents } }
}
