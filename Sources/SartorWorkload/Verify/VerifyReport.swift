/// A task that two or more agents were told they had claimed.
public struct DoubleClaim: Sendable, Equatable {
    public let taskID: String
    /// Every acknowledged claim, in the order the ledger received them.
    public let claims: [ClaimRecord]
    /// The `claimed_by` read back at the end; nil when the task is gone.
    public let finalClaimant: String?
}

/// What the integrity check found.
public struct VerifyReport: Sendable, Equatable {
    /// True when nothing is missing or different, every agent is offline and no task was
    /// claimed twice.
    public var passed: Bool {
        readFailure == nil && missing.isEmpty && mismatched.isEmpty && notOffline.isEmpty
            && doubleClaims.isEmpty
    }
    /// Records compared: writes, agents and claimed tasks.
    public var checked = 0
    /// Paths of acknowledged writes that are not in the database.
    public var missing: [String] = []
    /// Paths whose content differs from what was written, or whose `claimed_by` names no
    /// agent that was told it had the claim.
    public var mismatched: [String] = []
    /// Agents still `online` (or whose presence is) after the run.
    public var notOffline: [String] = []
    public var doubleClaims: [DoubleClaim] = []
    /// Set when the database could not be read back; the check then cannot pass.
    public var readFailure: String?

    public init() {}

    /// One line for a summary, such as `verify: passed, 1204 records checked` or
    /// `verify: FAILED, 1204 checked, 1 missing, 3 double claims`.
    public var summaryLine: String {
        if let readFailure { return "verify: FAILED, could not read back the data: \(readFailure)" }
        if passed { return "verify: passed, \(checked) records checked" }
        var parts = ["verify: FAILED", "\(checked) checked"]
        if !missing.isEmpty { parts.append("\(missing.count) missing") }
        if !mismatched.isEmpty { parts.append("\(mismatched.count) different") }
        if !notOffline.isEmpty { parts.append("\(notOffline.count) agents not offline") }
        if !doubleClaims.isEmpty { parts.append("\(doubleClaims.count) double claims") }
        return parts.joined(separator: ", ")
    }

    /// Lines naming the problems, at most `limit` of each kind.
    public func detailLines(limit: Int = 10) -> [String] {
        var lines: [String] = []
        lines += missing.prefix(limit).map { "missing: \($0)" }
        lines += mismatched.prefix(limit).map { "different: \($0)" }
        lines += notOffline.prefix(limit).map { "not offline: \($0)" }
        lines += doubleClaims.prefix(limit).map { claim in
            let claimants = claim.claims.map { "\($0.agentID) at \($0.claimedAt)" }
            return "double claim: task \(claim.taskID) by \(claimants.joined(separator: ", "))"
                + "; claimed_by is now \(claim.finalClaimant ?? "absent")"
        }
        return lines
    }
}
