import SartorEngine
import SartorMetrics
import Testing

@testable import SartorDashboard

/// Two operations that finish at once; the second fails every third call.
private struct InstantWorkload: Workload {
    let operations = [
        OperationSpec(name: "read", weight: 3), OperationSpec(name: "write", weight: 1),
    ]

    func makeAgent(index: Int) -> any VirtualAgent { Agent() }

    struct Agent: VirtualAgent {
        var calls = 0

        mutating func connect(_ context: inout OperationContext) async -> Outcome { .success }
        mutating func disconnect(_ context: inout OperationContext) async -> Outcome { .success }

        mutating func run(operation: Int, _ context: inout OperationContext) async -> Outcome {
            calls += 1
            guard operation == 1, calls % 3 == 0 else { return .success }
            return .failure(.httpStatus(503), message: "Service Unavailable")
        }
    }
}

/// Agents whose first connect is refused and whose disconnect times out; every fourth
/// operation fails.
private struct FlakySignInWorkload: Workload {
    let operations = [OperationSpec(name: "read", weight: 1)]

    func makeAgent(index: Int) -> any VirtualAgent { Agent() }

    struct Agent: VirtualAgent {
        var connects = 0
        var calls = 0

        mutating func connect(_ context: inout OperationContext) async -> Outcome {
            connects += 1
            return connects == 1 ? .failure(.connectionRefused, message: "refused") : .success
        }

        mutating func disconnect(_ context: inout OperationContext) async -> Outcome {
            .failure(.timeout, message: "no answer")
        }

        mutating func run(operation: Int, _ context: inout OperationContext) async -> Outcome {
            calls += 1
            return calls % 4 == 0 ? .failure(.httpStatus(500), message: "boom") : .success
        }
    }
}

/// The view model built from a real engine run, and the keys' calls reaching the engine.
@Suite struct SnapshotAdapterTests {
    func finishedRun() async -> (EngineControl, RunSnapshot) {
        let configuration = RunConfiguration(
            model: .closed(agents: 2, think: .none), operationLimit: 400, seed: 7)
        let controller = RunController(workload: InstantWorkload(), configuration: configuration)
        let control = EngineControl(controller: controller, target: "http://127.0.0.1:1", root: "t")
        return (control, await controller.run())
    }

    @Test func modelCarriesTheSnapshotsFigures() async {
        let (control, final) = await finishedRun()
        let model = control.model()
        #expect(model.state == .finished)
        #expect(model.operations.map(\.name) == ["read", "write"])
        #expect(model.operations.map(\.weight) == [3, 1])
        #expect(model.totalOperations == final.completedOperations)
        #expect(model.totalErrors == final.errorCount)
        #expect(model.totalErrors > 0)
        #expect(model.errorCounts.first?.kind == "http 503")
        #expect(model.errorCounts.first?.count == final.errorCount)
        #expect(model.errors.first?.operation == "write")
        #expect(model.errors.first?.message == "Service Unavailable")
        #expect(model.load == .agents(2))
        #expect(model.target == "http://127.0.0.1:1")
        #expect(model.operations[0].wholeRun.count == final.operations[0].latency.totalCount)
    }

    @Test func weightKeysReachTheEngineAndShowAsChanged() async {
        let (control, _) = await finishedRun()
        var state = DashboardState()
        let before = control.model()
        KeyCommand.changeWeight(by: 10).apply(to: &state, model: before, control: control)
        let after = control.model()
        #expect(after.operations[0].weight == 13)
        #expect(after.operations[0].initialWeight == 3)
        KeyCommand.restoreWeights.apply(to: &state, model: after, control: control)
        #expect(control.model().operations[0].weight == 3)
    }

    @Test func agentFailuresStayOutOfTheKindsAndShowApart() async {
        let configuration = RunConfiguration(
            model: .closed(agents: 2, think: .none), operationLimit: 200, seed: 3)
        let controller = RunController(
            workload: FlakySignInWorkload(), configuration: configuration)
        let control = EngineControl(controller: controller, target: "http://127.0.0.1:1", root: "t")
        let final = await controller.run()
        let model = control.model()
        #expect(model.connectFailures == final.connectFailures)
        #expect(model.disconnectFailures == final.disconnectFailures)
        #expect(model.connectFailures == 2)
        #expect(model.disconnectFailures == 2)
        #expect(model.totalErrors > 0)
        #expect(model.errorCounts.map(\.kind) == ["http 500"])
        #expect(model.errorCounts.reduce(0) { $0 + $1.count } == model.totalErrors)
        #expect(model.errors.contains { $0.operation == "connect" })
        var state = DashboardState()
        state.page = .errors
        let text = Screen.render(model, state: state, width: 80, height: 24).text
        #expect(text.contains("\(model.totalErrors) in total"))
        #expect(text.contains("http 500 ×\(model.totalErrors)"))
        #expect(text.contains("connect 2, disconnect 2"))
    }
}
