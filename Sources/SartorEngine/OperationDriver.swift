/// Runs a closed-model workload with no think time outside Swift tasks: an event loop that
/// starts the next operation of a lane the moment the previous one ends, with no task switch
/// and no continuation per operation.
///
/// A workload offers a driver through `Workload.driver`; the engine uses it instead of agents
/// when the model is closed, the think time is zero and there are no stages. The engine still
/// owns everything else: each start is claimed from the `OperationGate` (which applies the
/// operation limit, pauses, stops and weights) and each end is recorded through it.
///
/// Limitation: a driven run has a fixed number of lanes (`setLoad` refuses it), and its picks
/// by weight come from one seeded generator in claim order, which depends on completion order,
/// so a seed does not repeat a driven run's sequence of operations as it does an agent's.
public protocol OperationDriver: Sendable {
    /// Runs `lanes` lanes at once, each repeating: `gate.claim()`, then on `.run` one
    /// operation followed by `gate.record(...)`. A lane told `.wait` sits idle until
    /// `wakeWaitingLanes()`; a lane told `.finish` ends. Returns once every lane has ended.
    /// Cancelling the calling task abandons the operations in flight, which are still recorded
    /// (as failures), and returns soon after.
    func drive(lanes: Int, gate: OperationGate) async

    /// Asks every lane that was told `.wait` to claim again: called from any thread when the
    /// run resumes, stops or gets new weights. Must return at once.
    func wakeWaitingLanes()
}

extension Workload {
    /// No driver: the engine runs agents.
    public var driver: (any OperationDriver)? { nil }
}

/// What a lane of an `OperationDriver` may do next.
public enum GateDecision: Sendable, Equatable {
    /// Run the operation at this index into `Workload.operations`, then record it.
    case run(operation: Int)
    /// The run is paused (or every weight is 0): wait for `wakeWaitingLanes()`.
    case wait
    /// The run is ending: the lane ends.
    case finish
}

/// The engine's side of an `OperationDriver`: claims starts and records ends for a run.
///
/// Thread-safe; meant to be called from the driver's own thread. A claim takes the run's control
/// lock once; a record takes the operation's counter lock and one shard of its latency
/// recorder, as an agent's operation does.
public final class OperationGate: Sendable {
    private let controller: RunController

    init(controller: RunController) {
        self.controller = controller
    }

    /// Claims the next start for a lane: counts it and picks the operation by weight, unless
    /// the run is paused, stopping or out of operations. Every `.run` must be followed by
    /// exactly one `record`.
    public func claim() -> GateDecision {
        let decision = controller.control.withLock { state in
            var random = state.drivenRandom
            defer { state.drivenRandom = random }
            return state.claimStart(using: &random)
        }
        switch decision {
        case .run(let index):
            controller.inFlight.add(1, ordering: .relaxed)
            return .run(operation: index)
        case .waitForResume, .idle: return .wait
        case .finish: return .finish
        }
    }

    /// Records the end of a claimed operation: its outcome, its latency in µs from its actual
    /// start, and the bytes it sent and received in one request.
    public func record(
        _ outcome: Outcome, operation index: Int, latencyMicros: Int, bytesSent: Int,
        bytesReceived: Int
    ) {
        if controller.isInterrupted(outcome) {
            controller.inFlight.subtract(1, ordering: .releasing)
            return
        }
        let counters = OperationCounters(
            requests: 1, retries: 0, bytesSent: bytesSent, bytesReceived: bytesReceived)
        controller.recorder.record(
            outcome, operation: index, name: controller.operations[index].name,
            counters: counters, latencyMicros: max(latencyMicros, 0), correctedMicros: nil,
            activeSeconds: outcome == .success ? 0 : controller.activeSeconds())
        // Only after recording, as for agents: nothing in flight means everything counted.
        controller.inFlight.subtract(1, ordering: .releasing)
    }
}

extension RunController {
    /// The lanes a driver runs for this configuration, or `nil` when agents run the workload:
    /// a driver runs only the closed model with no think time and no stages.
    static func drivenLanes(workload: any Workload, configuration: RunConfiguration) -> Int? {
        guard workload.driver != nil, configuration.stages.isEmpty,
            case .closed(let agents, let think) = configuration.model, think == .none
        else { return nil }
        return agents
    }

    /// Lets the driver's waiting lanes claim again, when a driver runs this run.
    func wakeDriver() {
        guard drivenLanes != nil else { return }
        workload.driver?.wakeWaitingLanes()
    }

    /// Runs the workload's driver until every lane has ended.
    func runDriver(_ driver: any OperationDriver, lanes: Int) async {
        liveAgents.store(lanes, ordering: .relaxed)
        defer {
            liveAgents.store(0, ordering: .relaxed)
            workers.subtract(1, ordering: .relaxed)
        }
        await driver.drive(lanes: lanes, gate: OperationGate(controller: self))
    }
}
