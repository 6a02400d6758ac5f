import SartorEngine
import SartorMetrics
import Synchronization

@testable import SartorReports

/// An in-process workload whose agents answer from a script, for reports built from real
/// snapshots: no network, and every outcome known in advance.
struct ScriptedWorkload: Workload {
    /// The outcome of an agent's `call`-th operation (0-based).
    typealias Script = @Sendable (_ operation: Int, _ agent: Int, _ call: Int) -> Outcome

    let operations: [OperationSpec]
    let script: Script
    /// Connects each agent fails before one succeeds.
    var failedConnects = 0
    var failsDisconnect = false

    init(_ names: [String], script: @escaping Script) {
        operations = names.map { OperationSpec(name: $0, weight: 1) }
        self.script = script
    }

    func makeAgent(index: Int) -> any VirtualAgent {
        Agent(
            index: index, script: script, connectsToFail: failedConnects,
            failsDisconnect: failsDisconnect)
    }

    struct Agent: VirtualAgent {
        let index: Int
        let script: Script
        var connectsToFail: Int
        let failsDisconnect: Bool
        var calls = 0

        mutating func connect(_ context: inout OperationContext) async -> Outcome {
            guard connectsToFail > 0 else { return .success }
            connectsToFail -= 1
            return .failure(.connectionRefused, message: "agent \(index): refused")
        }

        mutating func run(operation: Int, _ context: inout OperationContext) async -> Outcome {
            defer { calls += 1 }
            return script(operation, index, calls)
        }

        mutating func disconnect(_ context: inout OperationContext) async -> Outcome {
            failsDisconnect ? .failure(.timeout, message: "agent \(index): no answer") : .success
        }
    }

    /// Runs the workload to its end: `agents` agents, no think time, `operations` in all.
    static func run(
        _ workload: any Workload, agents: Int = 1, operations: Int
    ) async -> RunSnapshot {
        let configuration = RunConfiguration(
            model: .closed(agents: agents, think: .none), operationLimit: operations,
            retryPolicy: RetryPolicy(maxRetries: 0), spreadsStart: false)
        return await RunController(workload: workload, configuration: configuration).run()
    }
}

extension RunReport {
    /// The report of `snapshot` with nothing given apart.
    init(_ snapshot: RunSnapshot) {
        self.init(
            snapshot: snapshot, timeline: LatencyTimeline(), dataGrowth: [],
            context: ReportContext(), verify: nil)
    }
}
