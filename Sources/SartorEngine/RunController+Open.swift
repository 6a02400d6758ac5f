import Synchronization

extension RunController {
    /// The open model: starts operations at `rate(t)` per second of active time on a fixed
    /// schedule, whatever their latency, with at most `maxInFlight` running.
    ///
    /// Each operation has an intended start on the schedule. When every slot is busy the
    /// dispatcher waits for one and starts the operation late: its corrected latency, measured
    /// from the intended start, includes the wait, and it counts as missed when later than the
    /// tolerance. The schedule lives in active time, so a pause shifts it instead of leaving a
    /// backlog to burst through on resume.
    func dispatchOpenModel(maxInFlight: Int, group: inout DiscardingTaskGroup) async {
        var random = rootRandom.derived(stream: .max)
        var schedule = ArrivalSchedule()
        let tolerance = configuration.lateStartTolerance

        while !Task.isCancelled, !isStopping {
            let now = ContinuousClock.now
            let (load, active, paused, end) = control.withLock { state in
                (
                    RateSource(state: state, plan: plan), state.activeTime(at: now),
                    state.state == .paused, scheduleEnd(state)
                )
            }
            let rate = load.rate(at: active)
            if paused {
                await waitWhilePaused()
                continue
            }
            guard let next = schedule.nextStart(rate: rate),
                next + ArrivalSchedule.precision < end ?? .seconds(Int64.max)
            else {
                // Nothing due before the end: keep the schedule at the present, not in the past.
                schedule.advance(to: active, rate: 0)
                await housekeepingSleepForTick()
                continue
            }
            if next > active {
                let wake = min(next, active + Self.tick)
                let wall = control.withLock { $0.instant(atActiveTime: wake) }
                try? await Task.sleep(until: wall, clock: .continuous)
                if wake < next {
                    // The rate at the middle of the step integrates a ramp without bias.
                    let middle = active + (wake - active) / 2
                    schedule.advance(to: wake, rate: load.rate(at: middle))
                }
                continue
            }
            guard let checkout = await acquireAgent(limit: maxInFlight) else { break }
            guard let index = await nextOperation(using: &random) else {
                let waiter = openPool.withLock { $0.cancelCheckout(checkout) }
                waiter?.resume()
                break
            }
            // A pause while waiting moved the schedule: place the start on it again.
            let intended = control.withLock { $0.instant(atActiveTime: next) }
            launch(index, on: checkout, intended: intended, tolerance: tolerance, group: &group)
            schedule.started(at: next)
        }
        countUnstartedAsMissed(schedule)
        await drainOpenModel()
        workers.subtract(1, ordering: .relaxed)
    }

    /// The active time at which the run will end by itself (its duration, or the end of its
    /// stages while they govern the load), or `nil`.
    private func scheduleEnd(_ state: ControlState) -> Duration? {
        let stagesEnd = plan.stages.isEmpty || state.loadOverridden ? nil : plan.totalDuration
        switch (configuration.duration, stagesEnd) {
        case (let duration?, let stagesEnd?): return min(duration, stagesEnd)
        case (let duration, let stagesEnd): return duration ?? stagesEnd
        }
    }

    private var isStopping: Bool {
        control.withLock { $0.state == .stopping || $0.state == .finished }
    }

    private func housekeepingSleepForTick() async {
        try? await Task.sleep(for: Self.tick)
    }

    /// Starts operation `index` on `checkout`'s agent, counting a late start as missed.
    private func launch(
        _ index: Int, on checkout: OpenAgentPool.Checkout, intended: ContinuousClock.Instant,
        tolerance: Duration, group: inout DiscardingTaskGroup
    ) {
        if ContinuousClock.now - intended > tolerance {
            missedStarts.add(1, ordering: .relaxed)
        }
        group.addTask {
            var agent: AgentState
            switch checkout {
            case .existing(let pooled): agent = pooled
            case .new(let agentIndex):
                self.liveAgents.add(1, ordering: .relaxed)
                agent = AgentState(
                    index: agentIndex, workload: self.workload, root: self.rootRandom,
                    retryPolicy: self.configuration.retryPolicy)
            }
            // Limitation: a new agent connects inside its first operation's slot, so the
            // connect time shows in that operation's corrected latency (not in its raw one).
            await self.connect(&agent)
            if agent.isConnected {
                await self.perform(index, on: &agent, intended: intended)
            }
            let waiter = self.openPool.withLock { $0.checkIn(agent) }
            waiter?.resume()
        }
    }

    /// Takes an agent for the next operation, waiting while `limit` are busy; `nil` when the
    /// task is cancelled or the run is stopping.
    private func acquireAgent(limit: Int) async -> OpenAgentPool.Checkout? {
        while !Task.isCancelled, !isStopping {
            if let checkout = openPool.withLock({ $0.checkOut(limit: limit) }) {
                return checkout
            }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
                    let resumeNow = openPool.withLock { pool in
                        guard pool.inUse >= limit, !Task.isCancelled else { return true }
                        pool.slotWaiter = waiter
                        return false
                    }
                    if resumeNow { waiter.resume() }
                }
            } onCancel: {
                releaseSlotWaiter()
            }
        }
        return nil
    }

    /// Wakes the dispatcher if it waits for a slot (on a stop or a cancellation).
    func releaseSlotWaiter() {
        let waiter = openPool.withLock { pool in
            defer { pool.slotWaiter = nil }
            return pool.slotWaiter
        }
        waiter?.resume()
    }

    /// Counts as missed the scheduled starts already due when the dispatcher stopped: they can
    /// never start, and a stop during a backlog must not hide them. A run that ended because
    /// its `--operations` were all started has nothing more due.
    private func countUnstartedAsMissed(_ schedule: ArrivalSchedule) {
        let now = ContinuousClock.now
        let (rate, active, end, limitReached) = control.withLock { state in
            (
                state.load.value, state.activeTime(at: now), scheduleEnd(state),
                state.operationLimit.map { state.started >= $0 } ?? false
            )
        }
        guard !limitReached else { return }
        guard let next = schedule.nextStart(rate: rate) else { return }
        let due = min(active, end ?? active)
        guard due > next + ArrivalSchedule.precision else { return }
        let unstarted = ((due - next - ArrivalSchedule.precision).seconds * rate).rounded(.up)
        missedStarts.add(Int(unstarted), ordering: .relaxed)
    }

    /// After the dispatcher stopped: waits for running operations to finish (or for the
    /// cancellation at the drain deadline), then disconnects every pooled agent.
    private func drainOpenModel() async {
        while !Task.isCancelled, openPool.withLock({ $0.inUse > 0 }) {
            try? await Task.sleep(for: .milliseconds(2))
        }
        let agents = openPool.withLock { pool in
            defer { pool.idle.removeAll() }
            return pool.idle
        }
        await withDiscardingTaskGroup { group in
            for agent in agents {
                group.addTask {
                    var agent = agent
                    await self.disconnect(&agent)
                    self.liveAgents.subtract(1, ordering: .relaxed)
                }
            }
        }
    }
}

/// Where the open model's rate comes from at a moment of active time: the stages, read at the
/// exact moment rather than at the last housekeeping tick, or the load set by `setLoad`.
struct RateSource {
    let fixed: Double
    let plan: StagePlan?

    init(state: ControlState, plan: StagePlan) {
        fixed = state.load.value
        self.plan = plan.stages.isEmpty || state.loadOverridden ? nil : plan
    }

    func rate(at time: Duration) -> Double {
        guard let plan else { return fixed }
        return plan.load(at: time)?.load ?? plan.finalLoad
    }
}
