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
        var intended = Duration.zero
        let tolerance = configuration.lateStartTolerance

        while !Task.isCancelled {
            let now = ContinuousClock.now
            let (rate, active, wall, paused) = control.withLock { state in
                (
                    state.load.value, state.activeTime(at: now),
                    state.instant(atActiveTime: intended), state.state == .paused
                )
            }
            if paused {
                await waitWhilePaused()
                continue
            }
            guard rate > 0 else {
                // Nothing to schedule: keep the schedule at the present, not in the past.
                intended = max(intended, active)
                await housekeepingNap()
                if isStopping { break }
                continue
            }
            if wall > now {
                try? await Task.sleep(until: wall, clock: .continuous)
                continue
            }
            guard let checkout = await acquireAgent(limit: maxInFlight) else { break }
            guard let index = await nextOperation(using: &random) else {
                let waiter = openPool.withLock { $0.cancelCheckout(checkout) }
                waiter?.resume()
                break
            }
            // A pause while waiting moved the schedule: place the start on it again.
            let start = control.withLock { $0.instant(atActiveTime: intended) }
            launch(index, on: checkout, intended: start, tolerance: tolerance, group: &group)
            intended += .seconds(1 / rate)
        }
        countUnstartedAsMissed(from: intended, rate: control.withLock { $0.load.value })
        await drainOpenModel()
        workers.subtract(1, ordering: .relaxed)
    }

    private var isStopping: Bool {
        control.withLock { $0.state == .stopping || $0.state == .finished }
    }

    private func housekeepingNap() async {
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

    /// Counts as missed the scheduled starts already due (beyond the tolerance) when the
    /// dispatcher stopped, so that a stop during a backlog does not hide them.
    private func countUnstartedAsMissed(from intended: Duration, rate: Double) {
        guard rate > 0 else { return }
        let now = ContinuousClock.now
        let active = control.withLock { $0.activeTime(at: now) }
        let overdue = active - configuration.lateStartTolerance - intended
        guard overdue >= .zero else { return }
        missedStarts.add(Int(overdue.seconds * rate) + 1, ordering: .relaxed)
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
