/// The per-operation scratch space an agent's task owns and passes `inout` to the workload.
///
/// The engine fills `random` and `retryPolicy`, zeroes the counters before each call, and reads
/// them back afterwards: the operation adds the bytes it sent and received, the requests it
/// made and its own work in `agentTime`. The agent's generator lives here so that a seeded run
/// makes the same choices every time; it carries on from one operation to the next.
public struct OperationContext: Sendable {
    /// The agent's own seeded generator, for every random choice an operation makes.
    public var random: SeededRandom
    /// How requests are retried; `retryPolicy.run(context:_:)` counts into `retries`.
    public var retryPolicy: RetryPolicy
    /// The index of the agent running the operation, stable for the agent's life.
    public let agentIndex: Int
    /// Bytes of requests (headers and bodies) sent during this call.
    public var bytesSent: Int = 0
    /// Bytes of responses (headers and bodies) received during this call.
    public var bytesReceived: Int = 0
    /// Requests made during this call, retries included.
    public var requests: Int = 0
    /// Retries made during this call.
    public var retries: Int = 0
    /// Time inside the call spent on the agent's own work (building content, simulated
    /// processing), subtracted from the latency the engine records.
    public var agentTime: Duration = .zero

    /// A context for agent `agentIndex` with zeroed counters.
    public init(random: SeededRandom, retryPolicy: RetryPolicy = .standard, agentIndex: Int) {
        self.random = random
        self.retryPolicy = retryPolicy
        self.agentIndex = agentIndex
    }

    /// The per-call counters as recorded.
    var counters: OperationCounters {
        OperationCounters(
            requests: requests, retries: retries, bytesSent: bytesSent,
            bytesReceived: bytesReceived)
    }

    /// Zeroes the per-call counters; the generator carries on.
    mutating func resetCounters() {
        bytesSent = 0
        bytesReceived = 0
        requests = 0
        retries = 0
        agentTime = .zero
    }
}

/// What one run of an operation adds to its operation's counters.
struct OperationCounters: Sendable {
    var requests: Int
    var retries: Int
    var bytesSent: Int
    var bytesReceived: Int
}
