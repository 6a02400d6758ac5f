import Synchronization

extension RunController {
    /// Runs the load until a limit, the end of the stages or `stop(drainFor:)`, and returns the
    /// final snapshot. Call it once; a second call returns the current snapshot at once.
    public func run() async -> RunSnapshot {
        guard claimRun() else { return snapshot() }
        control.withLock { state in
            state.startInstant = .now
            if state.state == .starting { state.state = .running }
        }
        await withDiscardingTaskGroup { group in
            if let lanes = drivenLanes, let driver = workload.driver {
                workers.add(1, ordering: .relaxed)
                group.addTask { await self.runDriver(driver, lanes: lanes) }
            } else if case .open(_, let maxInFlight) = configuration.model {
                workers.add(1, ordering: .relaxed)
                group.addTask {
                    await withDiscardingTaskGroup { operations in
                        await self.dispatchOpenModel(
                            maxInFlight: max(1, maxInFlight), group: &operations)
                    }
                }
            }
            await housekeep(group: &group)
        }
        control.withLock { $0.state = .finished }
        return snapshot()
    }

    /// The run's own loop, every `tick` or when woken: applies stages and limits, keeps the
    /// closed model's agent count on target, folds recorded figures together, and ends the
    /// run once it is stopping and every worker is done, cancelling them at the deadline.
    private func housekeep(group: inout DiscardingTaskGroup) async {
        var ticks = 0
        while true {
            ticks += 1
            let now = ContinuousClock.now
            let (state, active, target) = applyStagesAndLimits(at: now)
            if state == .stopping {
                if workers.load(ordering: .relaxed) == 0 { return }
                if control.withLock({ $0.forceCancel || now >= ($0.stopDeadline ?? now) }) {
                    cancelledAtDeadline.store(true, ordering: .releasing)
                    group.cancelAll()
                    releaseSlotWaiter()
                    return
                }
            } else if drivenLanes == nil, case .closed(_, let think) = configuration.model {
                let spread = ticks == 1 ? startSpread(think: think) : .zero
                for slot in rosterChanges(toward: target) {
                    workers.add(1, ordering: .relaxed)
                    group.addTask {
                        await self.runClosedAgent(slot, think: think, spreadOver: spread)
                    }
                }
            }
            // Folding figures together costs a few histogram merges: every 5th tick is enough
            // to place samples in the right second when no reader takes snapshots.
            if ticks % 5 == 0 {
                recorder.harvest(atSecond: Int(active.seconds), tallies: recorder.tallies())
            }
            await housekeepingSleep.sleep(for: Self.tick)
        }
    }

    /// The interval over which the agents of the run's start join (see
    /// `RunConfiguration.spreadsStart`); zero when they all start at once.
    private func startSpread(think: ThinkTime) -> Duration {
        configuration.spreadsStart && plan.stages.isEmpty ? think.mean : .zero
    }

    /// Moves the load along the stages and starts the stop when a limit is reached. Returns
    /// the state, the active time and the agent count to keep.
    private func applyStagesAndLimits(at now: ContinuousClock.Instant)
        -> (RunState, Duration, Int)
    {
        let (outcome, waiters) = control.withLock { state in
            let active = state.activeTime(at: now)
            var limitReached = false
            if !state.loadOverridden, !plan.stages.isEmpty {
                if let (stage, load) = plan.load(at: active) {
                    state.stageIndex = stage
                    state.load = state.load.with(value: load)
                } else {
                    state.stageIndex = nil
                    state.load = state.load.with(value: plan.finalLoad)
                    limitReached = true
                }
            }
            if let duration = configuration.duration, active >= duration { limitReached = true }
            if let limit = state.operationLimit, state.started >= limit { limitReached = true }
            var waiters: [CheckedContinuation<Void, Never>]?
            if limitReached, state.state == .running || state.state == .paused {
                waiters = beginStop(&state, drainFor: configuration.drainTimeout)
            }
            let target = Int(state.load.value.rounded())
            return ((state.state, active, target), waiters)
        }
        // `waiters` is set when this call began the stop.
        if outcome.0 == .stopping, waiters != nil || !roster.withLock({ $0.live.isEmpty }) {
            for waiter in waiters ?? [] { waiter.resume() }
            retireAllAgents()
            releaseSlotWaiter()
        }
        return outcome
    }
}

extension Load {
    /// The same unit with another amount; agent counts are rounded.
    func with(value: Double) -> Load {
        switch self {
        case .agents: .agents(Int(value.rounded()))
        case .rate: .rate(value)
        }
    }
}
