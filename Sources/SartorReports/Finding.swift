/// Something the data shows that a reader should act on, with the evidence and what to do.
public struct Finding: Sendable, Equatable {
    public var title: String
    /// The figures that support it.
    public var evidence: String
    public var recommendation: String

    public init(title: String, evidence: String, recommendation: String) {
        self.title = title
        self.evidence = evidence
        self.recommendation = recommendation
    }
}

extension RunReport {
    /// The findings the figures support, most serious first; empty when nothing stands out.
    public var findings: [Finding] {
        verifyFindings + errorFindings
            + [errorBurst, latencyGrowth].compactMap { $0 }.flatMap { $0 }
            + contentionFindings + tailFindings + loadFindings
    }

    private var verifyFindings: [Finding] {
        guard let verify else { return [] }
        var findings: [Finding] = []
        if !verify.doubleClaims.isEmpty {
            findings.append(
                Finding(
                    title: "Tasks were claimed by two agents",
                    evidence:
                        "Double claims: \(verify.doubleClaims.count), among \(verify.checked) "
                        + "records checked.",
                    recommendation: "Claim with a conditional write (ETag and If-Match, "
                        + "`--claim safe`) instead of read-then-patch, so that only one agent "
                        + "can win a task."))
        }
        if !verify.missing.isEmpty {
            findings.append(
                Finding(
                    title: "Acknowledged writes are missing or different",
                    evidence: "\(verify.missing.count) of \(verify.checked) records read back "
                        + "did not match what was sent.",
                    recommendation: "Treat a write as done only once it is read back; look for "
                        + "concurrent overwrites (PUT of a parent path) and server faults."))
        }
        if !verify.notOffline.isEmpty {
            findings.append(
                Finding(
                    title: "Agents were left online",
                    evidence: "Agents still online after the run: \(verify.notOffline.count).",
                    recommendation: "Mark an agent offline on every way out (the end, an error, "
                        + "a signal), and see the failed disconnects among the last errors."))
        }
        return findings
    }

    private var errorFindings: [Finding] {
        var findings: [Finding] = []
        // Ties go to the first label in order, so that the text does not depend on hashing.
        let top = errorsByKind.max { ($0.value, $1.key) < ($1.value, $0.key) }
        if summary.errors > 0, let top {
            findings.append(
                Finding(
                    title: "Operations failed",
                    evidence: "\(summary.errors) of \(summary.operations) operations failed "
                        + "(\(Format.percent(summary.errorRate))); the most common error is "
                        + "\(top.key) (\(top.value)).",
                    recommendation: top.key.hasPrefix("http 5") || top.key == "timeout"
                        ? "Server-side or transient: retry with exponential backoff and jitter, "
                            + "and reduce the load to find the level the target sustains."
                        : "Client-side or persistent: check the requests of the failing "
                            + "operations (path, auth, payload) in the last errors below."))
        }
        if summary.retries > 0 {
            findings.append(
                Finding(
                    title: "Retries were needed",
                    evidence: "\(summary.retries) retries over \(summary.operations) operations; "
                        + "\(summary.errors) operations failed in the end (retried or not: "
                        + "only 500, 503, 504, timeouts and dropped connections are retried).",
                    recommendation: "Keep retries with backoff in real agents: without them each "
                        + "of these would have been a failed operation."))
        }
        return findings
    }

    /// Seconds whose errors exceed five times the run's average and at least 3.
    private var errorBurst: [Finding]? {
        let active = perSecond.filter { $0.operations > 0 || $0.errors > 0 }
        let total = active.reduce(0) { $0 + $1.errors }
        guard total > 0, !active.isEmpty else { return nil }
        let average = Double(total) / Double(active.count)
        let bursts = active.filter { $0.errors >= 3 && Double($0.errors) >= 5 * average }
        guard let first = bursts.first, let last = bursts.last else { return nil }
        let inBursts = bursts.reduce(0) { $0 + $1.errors }
        return [
            Finding(
                title: "Errors came in bursts",
                evidence: "\(inBursts) of \(total) errors fell in "
                    + (bursts.count == 1
                        ? "second \(first.second)"
                        : "\(bursts.count) seconds between second \(first.second) and second "
                            + "\(last.second)")
                    + " (average \(Format.number(average)) a second).",
                recommendation: "Look at what happened on the target at those times (restarts, "
                    + "quota or rate limits, garbage collection); bursts point to an event, not "
                    + "to steady overload.")
        ]
    }
}
