import SartorEngine

/// A workload whose single operation only sleeps: it measures the engine's own cost (tasks,
/// scheduling, recording) with no network in the way.
struct SleepWorkload: Workload {
    let operationTime: Duration

    var operations: [OperationSpec] {
        [
            OperationSpec(name: "sleep", weight: 9),
            OperationSpec(name: "limited", weight: 1, rateLimit: RateLimit(10, per: .seconds(60))),
        ]
    }

    func makeAgent(index: Int) -> any VirtualAgent {
        SleepAgent(operationTime: operationTime)
    }
}

struct SleepAgent: VirtualAgent {
    let operationTime: Duration

    mutating func connect(_ context: inout OperationContext) async -> Outcome { .success }

    mutating func run(operation: Int, _ context: inout OperationContext) async -> Outcome {
        do {
            try await Task.sleep(for: operationTime)
        } catch {
            return .failure(.other, message: "cancelled")
        }
        context.requests += 1
        context.bytesSent += 200
        context.bytesReceived += 500
        return .success
    }

    mutating func disconnect(_ context: inout OperationContext) async -> Outcome { .success }
}
