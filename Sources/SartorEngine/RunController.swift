import SartorMetrics
import Synchronization

/// Runs one load test and is the single handle for controlling it while it runs.
///
/// Create it with a workload and a configuration, call `run()` once from a task, and use the
/// other methods from anywhere (the dashboard's key handler, a signal handler's task, a status
/// line timer): every method is thread-safe, returns at once and never waits for operations.
///
/// Agents are tasks, not threads. The per-operation path takes the controller's lock once (to
/// claim a start and pick by weight), the operation's own lock once (to count) and a sharded
/// recorder (to record latency); nothing sends a message per sample to readers, who take
/// `snapshot()` when they want figures.
public final class RunController: Sendable {
    public let configuration: RunConfiguration
    /// The workload's operations as declared, weights included.
    public let operations: [OperationSpec]

    let workload: any Workload
    /// The lanes of the workload's driver, or `nil` when agents run the workload.
    let drivenLanes: Int?
    let control: Mutex<ControlState>
    let recorder: RunRecorder
    let plan: StagePlan
    let rootRandom: SeededRandom
    /// Cut short when something the housekeeping loop must act on happens (stop, new load).
    let housekeepingSleep = WakeableSleep()
    let roster = Mutex(AgentRoster())
    let openPool = Mutex(OpenAgentPool())
    let inFlight = Atomic<Int>(0)
    let missedStarts = Atomic<Int>(0)
    let connectFailures = Atomic<Int>(0)
    let disconnectFailures = Atomic<Int>(0)
    /// Operations cut short by the stop's deadline (see `isInterrupted`).
    let interrupted = Atomic<Int>(0)
    /// Set once the stop's deadline has passed and the run cancels what still runs.
    let cancelledAtDeadline = Atomic<Bool>(false)
    /// Agent tasks (closed model) or the dispatcher (open model) still running.
    let workers = Atomic<Int>(0)
    /// Agents alive: connected or connecting, retiring ones included.
    let liveAgents = Atomic<Int>(0)
    /// Closed-model agents disconnecting at once at most (see `runClosedAgent`).
    let disconnectGate = AsyncGate(limit: 256)
    private let hasRun = Atomic<Bool>(false)

    /// How often the run checks its limits and stages and folds recorded figures together.
    static let tick = Duration.milliseconds(20)

    public init(workload: any Workload, configuration: RunConfiguration) {
        self.workload = workload
        self.configuration = configuration
        operations = workload.operations
        drivenLanes = Self.drivenLanes(workload: workload, configuration: configuration)
        rootRandom = SeededRandom(seed: configuration.seed)
        let isOpen = if case .open = configuration.model { true } else { false }
        control = Mutex(
            ControlState(
                mix: OperationMix(weights: operations.map(\.weight)),
                load: configuration.model.load,
                operationLimit: configuration.operationLimit,
                drivenRandom: rootRandom.derived(stream: .max - 1)
            )
        )
        recorder = RunRecorder(operationCount: operations.count, keepsRawLatency: isOpen)
        plan = StagePlan(initial: configuration.model.load.value, stages: configuration.stages)
    }

    /// Stops starting operations; running ones finish. Paused time is not active time, and the
    /// open model's schedule moves on by the pause, so resuming causes no burst. Ignored unless
    /// the run is running.
    public func pause() {
        control.withLock { state in
            guard state.state == .running else { return }
            state.state = .paused
            state.pausedSince = .now
        }
    }

    /// Starts operations again after `pause()`. Ignored unless the run is paused.
    public func resume() {
        let waiters = control.withLock { state in
            guard state.state == .paused else { return [CheckedContinuation<Void, Never>]() }
            state.closePause(at: .now)
            state.state = .running
            return state.takeResumeWaiters()
        }
        for waiter in waiters { waiter.resume() }
        wakeDriver()
        housekeepingSleep.wake()
    }

    /// Sets the weight of operation `index` (negative means 0) from the next pick on. Returns
    /// false for an index outside `operations`.
    @discardableResult
    public func setWeight(_ weight: Double, forOperation index: Int) -> Bool {
        defer { wakeDriver() }
        return control.withLock { $0.mix.set(weight, at: index) }
    }

    /// Sets every weight at once, in the order of `operations`. Returns false, changing
    /// nothing, when the count differs.
    @discardableResult
    public func setWeights(_ weights: [Double]) -> Bool {
        defer { wakeDriver() }
        return control.withLock { $0.mix.set(weights) }
    }

    /// Puts back the weights the workload declared.
    public func restoreWeights() {
        control.withLock { $0.mix.restore() }
        wakeDriver()
    }

    /// Asks for a new load (agents for the closed model, operations/s for the open one) from
    /// now on; this takes over from any stages. Returns false when the unit does not match the
    /// model, or when a driver runs the workload (its lanes are fixed). Agents are added at
    /// once; removed ones finish their operation and disconnect.
    @discardableResult
    public func setLoad(_ load: Load) -> Bool {
        let accepted: Bool
        switch (configuration.model, load) {
        case (.closed, _) where drivenLanes != nil: accepted = false
        case (.closed, .agents(let count)) where count >= 0: accepted = true
        case (.open, .rate(let rate)) where rate >= 0 && rate.isFinite: accepted = true
        default: accepted = false
        }
        guard accepted else { return false }
        control.withLock { state in
            state.load = load
            state.loadOverridden = true
            state.stageIndex = nil
        }
        housekeepingSleep.wake()
        return true
    }

    /// Ends the run: no operation starts any more, agents disconnect after their current
    /// operation, and whatever is still running after `drainFor` is cancelled. A second call
    /// cancels at once. Callable from any thread, any number of times; also before `run()`.
    public func stop(drainFor deadline: Duration) {
        let waiters = control.withLock { state in
            beginStop(&state, drainFor: deadline)
        }
        for waiter in waiters { waiter.resume() }
        retireAllAgents()
        releaseSlotWaiter()
        housekeepingSleep.wake()
    }

    /// Moves `state` to stopping (or forces cancellation if already stopping) and returns the
    /// pause waiters to resume outside the lock.
    func beginStop(_ state: inout ControlState, drainFor deadline: Duration)
        -> [CheckedContinuation<Void, Never>]
    {
        switch state.state {
        case .finished:
            return []
        case .stopping:
            state.forceCancel = true
            return []
        case .paused:
            state.closePause(at: .now)
        case .starting, .running:
            break
        }
        state.state = .stopping
        state.stopDeadline = .now + deadline
        return state.takeResumeWaiters()
    }

    /// Claims `run()` for the one caller allowed to run this controller.
    func claimRun() -> Bool {
        hasRun.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged
    }
}
