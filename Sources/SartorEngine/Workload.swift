/// A named operation of a workload, with its share of the mix and an optional per-agent limit.
public struct OperationSpec: Sendable, Equatable {
    /// A short stable name shown in tables and reports, such as `claimTask`.
    public var name: String
    /// The relative weight of the operation in the mix, `>= 0`; weights need not sum to 1.
    public var weight: Double
    /// The most times one agent may run the operation in a window; over it, the operation is
    /// skipped and counted as rate limited rather than waited for.
    public var rateLimit: RateLimit?

    public init(name: String, weight: Double, rateLimit: RateLimit? = nil) {
        self.name = name
        self.weight = weight
        self.rateLimit = rateLimit
    }
}

/// A set of weighted operations and a factory of agents that run them.
///
/// The engine knows nothing about what an operation does: it picks one by weight, asks an
/// agent to run it and records the `Outcome`.
public protocol Workload: Sendable {
    /// The operations, in a fixed order; `VirtualAgent.run(operation:_:)` gets an index into it.
    var operations: [OperationSpec] { get }

    /// A fresh agent. `index` is unique within a run and stable for the agent's life; agents
    /// removed by a ramp-down are not reused, so a later agent gets a new index.
    func makeAgent(index: Int) -> any VirtualAgent

    /// A faster way to run the closed model with no think time, or `nil` (the default) to run
    /// agents always; see `OperationDriver`.
    var driver: (any OperationDriver)? { get }
}

/// One simulated client, owned by one task at a time.
///
/// The engine never runs two calls of one agent at once, so an agent may keep mutable state in
/// its own stored properties without locks. Each call gets the agent's `OperationContext`
/// `inout`. `connect` is called once before the first operation and `disconnect` once after the
/// last; if `connect` does not succeed the engine records it under the pseudo-operation
/// `connect`, waits a think time and tries again.
public protocol VirtualAgent: Sendable {
    /// Joins the system under test (for example registers the agent).
    mutating func connect(_ context: inout OperationContext) async -> Outcome

    /// Runs the operation at `operation`, an index into `Workload.operations`.
    mutating func run(operation: Int, _ context: inout OperationContext) async -> Outcome

    /// Leaves the system under test (for example marks the agent offline).
    mutating func disconnect(_ context: inout OperationContext) async -> Outcome
}
