import Synchronization

/// A sleep that another task can cut short, owned by one sleeping task at a time.
///
/// Used for agents' think times (a ramp-down or a stop wakes them so that they disconnect
/// without waiting out the think) and for the run's housekeeping tick. A `wake()` that comes
/// while nobody sleeps makes the next `sleep(for:)` return at once.
final class WakeableSleep: Sendable {
    private struct State {
        var sleeper: Task<Void, Never>?
        var pendingWake = false
    }

    private let state = Mutex(State())

    /// Sleeps for `duration`, until `wake()` or until the calling task is cancelled.
    func sleep(for duration: Duration) async {
        guard duration > .zero else { return }
        let sleeper: Task<Void, Never>? = state.withLock { state in
            if state.pendingWake {
                state.pendingWake = false
                return nil
            }
            let task = Task { _ = try? await Task.sleep(for: duration) }
            state.sleeper = task
            return task
        }
        guard let sleeper else { return }
        await withTaskCancellationHandler {
            await sleeper.value
        } onCancel: {
            sleeper.cancel()
        }
        state.withLock { $0.sleeper = nil }
    }

    /// Ends the current sleep, or the next one if nobody is sleeping.
    func wake() {
        state.withLock { state in
            if let sleeper = state.sleeper {
                sleeper.cancel()
                state.sleeper = nil
            } else {
                state.pendingWake = true
            }
        }
    }
}
