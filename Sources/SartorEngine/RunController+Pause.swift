import Synchronization

extension RunController {
    /// Claims the next operation start for an agent, waiting while the run is paused. Returns
    /// the operation index, or `nil` when the agent should stop (the run is stopping, the
    /// operation limit is reached or the task is cancelled). When every weight is 0 it waits a
    /// tick and asks again.
    func nextOperation(using random: inout SeededRandom) async -> Int? {
        while !Task.isCancelled {
            switch control.withLock({ $0.claimStart(using: &random) }) {
            case .run(let index): return index
            case .finish: return nil
            case .waitForResume: await waitWhilePaused()
            case .idle: try? await Task.sleep(for: Self.tick)
            }
        }
        return nil
    }

    /// Returns when the run is no longer paused or the task is cancelled.
    func waitWhilePaused() async {
        let id = control.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
                let keepWaiting = control.withLock { state in
                    guard state.state == .paused, !Task.isCancelled else { return false }
                    state.resumeWaiters[id] = waiter
                    return true
                }
                if !keepWaiting { waiter.resume() }
            }
        } onCancel: {
            let waiter = control.withLock { $0.resumeWaiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }

    /// Active time now, as seconds, for stamping error events.
    func activeSeconds() -> Double {
        let now = ContinuousClock.now
        return control.withLock { $0.activeTime(at: now) }.seconds
    }
}
