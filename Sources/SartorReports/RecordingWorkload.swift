import SartorEngine

/// Another workload, run as it is, with the end of each operation kept in `RecentOperations` for
/// the report's last operations. The engine calls its agents as it would the other workload's;
/// each operation costs one lock and a record more.
///
/// Limitation: operations that the workload's `driver` runs do not pass through agents, so a
/// driven run keeps no last operations (the Sartor workload has no driver).
public struct RecordingWorkload: Workload {
    public let base: any Workload
    public let log: RecentOperations
    /// The operations' names, by index, taken once.
    private let names: [String]

    public init(_ base: any Workload, log: RecentOperations) {
        self.base = base
        self.log = log
        names = base.operations.map(\.name)
    }

    public var operations: [OperationSpec] { base.operations }

    public var driver: (any OperationDriver)? { base.driver }

    public func makeAgent(index: Int) -> any VirtualAgent {
        RecordingAgent(base: base.makeAgent(index: index), names: names, log: log)
    }
}

/// An agent of the other workload whose operations are logged as they end.
struct RecordingAgent: VirtualAgent {
    var base: any VirtualAgent
    let names: [String]
    let log: RecentOperations

    mutating func connect(_ context: inout OperationContext) async -> Outcome {
        await base.connect(&context)
    }

    /// Runs the operation and logs it with the latency the engine records: the operation's own
    /// requests, from its actual start, the agent's time excluded.
    mutating func run(operation index: Int, _ context: inout OperationContext) async -> Outcome {
        let start = ContinuousClock.now
        let outcome = await base.run(operation: index, &context)
        // Cut short by the stop's deadline: the run's doing, which the engine leaves out too.
        if outcome.isFailure, Task.isCancelled { return outcome }
        let latency = ContinuousClock.now - start - context.agentTime
        log.record(operation: names[index], outcome: outcome, latencyMicros: latency.microseconds)
        return outcome
    }

    mutating func disconnect(_ context: inout OperationContext) async -> Outcome {
        await base.disconnect(&context)
    }
}
