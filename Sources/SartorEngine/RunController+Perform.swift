extension RunController {
    /// Runs operation `index` on `agent` and records its outcome, or counts it as rate limited
    /// when the agent is over the operation's limit. `intended` is the open model's scheduled
    /// start: latency is then recorded from it too. Returns false when the pick was skipped by
    /// a rate limit.
    @discardableResult
    func perform(
        _ index: Int, on agent: inout AgentState, intended: ContinuousClock.Instant? = nil
    ) async -> Bool {
        if agent.buckets[index] != nil, agent.buckets[index]?.take(now: .now) != true {
            recorder.recordRateLimited(operation: index)
            // Not an operation: `--operations` counts the ones that ran.
            control.withLock { $0.started -= 1 }
            return false
        }
        agent.context.resetCounters()
        inFlight.add(1, ordering: .relaxed)
        let start = ContinuousClock.now
        let outcome = await agent.agent.run(operation: index, &agent.context)
        let end = ContinuousClock.now
        if isInterrupted(outcome) {
            inFlight.subtract(1, ordering: .releasing)
            return true
        }

        let own = agent.context.agentTime
        let latency = max(0, (end - start - own).microseconds)
        let corrected = intended.map { max(0, (end - $0 - own).microseconds) }
        recorder.record(
            outcome, operation: index, name: operations[index].name,
            counters: agent.context.counters,
            latencyMicros: latency, correctedMicros: corrected,
            activeSeconds: outcome == .success ? 0 : activeSeconds())
        // Only after recording: a snapshot that sees nothing in flight already counts every
        // operation that has ended.
        inFlight.subtract(1, ordering: .releasing)
        return true
    }

    /// Whether `outcome` is a failure caused by the stop's deadline cancelling the operation,
    /// which is the run's doing, not the target's: it is then counted as interrupted, to be
    /// left out of the operations and errors.
    func isInterrupted(_ outcome: Outcome) -> Bool {
        guard outcome.isFailure,
            Task.isCancelled || cancelledAtDeadline.load(ordering: .acquiring)
        else { return false }
        interrupted.add(1, ordering: .relaxed)
        return true
    }

    /// Connects `agent` unless it already is; a failure is counted and sent to the error feed.
    func connect(_ agent: inout AgentState) async {
        guard !agent.isConnected else { return }
        agent.context.resetCounters()
        let outcome = await agent.agent.connect(&agent.context)
        if case .failure(let kind, let message) = outcome {
            connectFailures.add(1, ordering: .relaxed)
            recorder.recordError(
                kind, operation: "connect", message: message, activeSeconds: activeSeconds(),
                counted: false)
        } else {
            agent.isConnected = true
        }
    }

    /// Disconnects `agent` if it is connected; a failure is counted and sent to the error feed.
    func disconnect(_ agent: inout AgentState) async {
        guard agent.isConnected else { return }
        agent.context.resetCounters()
        let outcome = await agent.agent.disconnect(&agent.context)
        agent.isConnected = false
        if case .failure(let kind, let message) = outcome {
            disconnectFailures.add(1, ordering: .relaxed)
            recorder.recordError(
                kind, operation: "disconnect", message: message, activeSeconds: activeSeconds(),
                counted: false)
        }
    }
}
