/// The state every agent consults before starting an operation, kept under one lock in the
/// controller: the run state, the clock with its pauses, the weights, the load asked for and
/// the count of operations started.
struct ControlState: Sendable {
    var state: RunState = .starting
    var mix: OperationMix
    var load: Load
    /// True once `setLoad` took over from the stages.
    var loadOverridden = false
    var stageIndex: Int?
    var started = 0
    let operationLimit: Int?

    var startInstant: ContinuousClock.Instant?
    var pausedTotal: Duration = .zero
    var pausedSince: ContinuousClock.Instant?
    /// When the stop began and when in-flight operations get cancelled.
    var stopDeadline: ContinuousClock.Instant?
    var forceCancel = false

    /// The generator of a driver's picks, which no agent owns.
    var drivenRandom: SeededRandom

    var resumeWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
    var nextWaiterID = 0

    /// Time since the start with pauses taken out; zero before the start.
    func activeTime(at now: ContinuousClock.Instant) -> Duration {
        guard let startInstant else { return .zero }
        var paused = pausedTotal
        if let pausedSince { paused += now - pausedSince }
        return now - startInstant - paused
    }

    /// The wall-clock instant at which active time reaches `active`, given the pauses so far.
    func instant(atActiveTime active: Duration) -> ContinuousClock.Instant {
        (startInstant ?? .now) + pausedTotal + active
    }

    /// Ends the pause in progress, adding its length to the paused total.
    mutating func closePause(at now: ContinuousClock.Instant) {
        guard let pausedSince else { return }
        pausedTotal += now - pausedSince
        self.pausedSince = nil
    }

    /// Removes every pause waiter, for the caller to resume outside the lock.
    mutating func takeResumeWaiters() -> [CheckedContinuation<Void, Never>] {
        let waiters = Array(resumeWaiters.values)
        resumeWaiters.removeAll()
        return waiters
    }

    /// What an agent may do next.
    enum StartDecision {
        case run(Int)
        case waitForResume
        case idle
        case finish
    }

    /// Claims the next operation start: counts it and picks the operation by weight, unless
    /// the run is paused, stopping, out of operations or has every weight at 0.
    mutating func claimStart(using random: inout SeededRandom) -> StartDecision {
        switch state {
        case .stopping, .finished: return .finish
        case .paused: return .waitForResume
        case .starting, .running: break
        }
        if let operationLimit, started >= operationLimit { return .finish }
        guard let index = mix.pick(using: &random) else { return .idle }
        started += 1
        return .run(index)
    }
}
