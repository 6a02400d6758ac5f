import Synchronization

/// Lets at most `limit` tasks through at once; the others wait their turn, oldest first.
///
/// Waiting costs a continuation and no thread. A task cancelled while it waits gives up its
/// turn: `enter()` then returns false and the task must not call `leave()`.
final class AsyncGate: Sendable {
    private struct State {
        var free: Int
        /// Waiters in arrival order from `head` on; a cancelled one is set to `nil`.
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Bool, Never>)?] = []
        var head = 0
        var lastID: UInt64 = 0

        mutating func popWaiter() -> CheckedContinuation<Bool, Never>? {
            while head < waiters.count {
                defer { head += 1 }
                if let waiter = waiters[head] { return waiter.continuation }
            }
            waiters.removeAll(keepingCapacity: false)
            head = 0
            return nil
        }
    }

    private let state: Mutex<State>

    init(limit: Int) {
        state = Mutex(State(free: max(limit, 1)))
    }

    /// Waits for a turn; true once the caller holds one, false when it was cancelled first.
    func enter() async -> Bool {
        let id = state.withLock { state in
            state.lastID += 1
            return state.lastID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let admitted: Bool? = state.withLock { state in
                    if Task.isCancelled { return false }
                    guard state.free == 0 else {
                        state.free -= 1
                        return true
                    }
                    state.waiters.append((id, continuation))
                    return nil
                }
                if let admitted { continuation.resume(returning: admitted) }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                let index = state.waiters[state.head...].firstIndex { $0?.id == id }
                return index.flatMap { index in
                    defer { state.waiters[index] = nil }
                    return state.waiters[index]
                }
            }
            waiter?.continuation.resume(returning: false)
        }
    }

    /// Gives a turn back, to the oldest waiter if there is one.
    func leave() {
        let next = state.withLock { state in
            guard let next = state.popWaiter() else {
                state.free += 1
                return nil as CheckedContinuation<Bool, Never>?
            }
            return next
        }
        next?.resume(returning: true)
    }
}
