import Synchronization
import Testing

@testable import SartorEngine

@Suite("AsyncGate lets a bounded number of tasks through")
struct AsyncGateTests {
    @Test func neverMoreThanTheLimitInsideAndEveryoneGetsATurn() async {
        let gate = AsyncGate(limit: 3)
        let counts = Counts()

        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    guard await gate.enter() else { return }
                    counts.enter()
                    try? await Task.sleep(for: .milliseconds(2))
                    counts.leave()
                    gate.leave()
                }
            }
        }

        #expect(counts.state.withLock { $0 } == .init(inside: 0, most: 3, done: 40))
    }

    @Test func aCancelledWaiterGivesUpItsTurn() async {
        let gate = AsyncGate(limit: 1)
        #expect(await gate.enter())

        let waiter = Task { await gate.enter() }
        try? await Task.sleep(for: .milliseconds(50))
        waiter.cancel()

        #expect(await waiter.value == false)
        gate.leave()
        // The turn went back to the gate, not to the cancelled waiter.
        #expect(await gate.enter())
        gate.leave()
    }
}

/// How many tasks are inside the gate, the most there ever were, and how many left it.
private final class Counts: Sendable {
    struct State: Equatable {
        var inside = 0
        var most = 0
        var done = 0
    }

    let state = Mutex(State())

    func enter() {
        state.withLock {
            $0.inside += 1
            $0.most = max($0.most, $0.inside)
        }
    }

    func leave() {
        state.withLock {
            $0.inside -= 1
            $0.done += 1
        }
    }
}
