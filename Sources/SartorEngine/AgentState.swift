/// An agent with everything its task owns: the workload's agent, its context and the token
/// buckets of its rate-limited operations. Moved between tasks, never shared.
struct AgentState: Sendable {
    var agent: any VirtualAgent
    var context: OperationContext
    var buckets: [TokenBucket?]
    var isConnected = false

    init(index: Int, workload: any Workload, root: SeededRandom, retryPolicy: RetryPolicy) {
        agent = workload.makeAgent(index: index)
        context = OperationContext(
            random: root.derived(stream: UInt64(index)), retryPolicy: retryPolicy,
            agentIndex: index)
        let now = ContinuousClock.now
        buckets = workload.operations.map { spec in
            spec.rateLimit.map { TokenBucket(limit: $0, now: now) }
        }
    }
}
