import Foundation
import SartorEngine
import SartorMetrics
import Synchronization

/// An `OperationDriver` that runs its lanes on one thread of its own, as an event loop does:
/// every lane in flight ends together after `operationTime`, each with the outcome `behaviour`
/// gives for its call number (0-based, over all lanes).
final class ThreadDriver: OperationDriver {
    struct State {
        var wakes = 0
        var cancelled = false
        var recorded: [Outcome] = []
        var mostInFlight = 0
    }

    let operationTime: Duration
    let behaviour: @Sendable (Int) -> Outcome
    let state = Mutex(State())

    init(
        operationTime: Duration, behaviour: @escaping @Sendable (Int) -> Outcome = { _ in .success }
    ) {
        self.operationTime = operationTime
        self.behaviour = behaviour
    }

    var recorded: [Outcome] { state.withLock { $0.recorded } }
    var mostInFlight: Int { state.withLock { $0.mostInFlight } }

    func drive(lanes: Int, gate: OperationGate) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                Thread.detachNewThread {
                    self.run(lanes: lanes, gate: gate)
                    done.resume()
                }
            }
        } onCancel: {
            state.withLock { $0.cancelled = true }
        }
    }

    func wakeWaitingLanes() {
        state.withLock { $0.wakes += 1 }
    }

    private func run(lanes: Int, gate: OperationGate) {
        var inFlight: [Int: Int] = [:]
        var waiting = Set(0..<lanes)
        var ended = 0
        var wakesSeen = -1
        while ended < lanes {
            let (wakes, cancelled) = state.withLock { ($0.wakes, $0.cancelled) }
            if cancelled {
                for (_, operation) in inFlight {
                    record(.failure(.other, message: "cancelled"), operation, gate)
                }
                return
            }
            if wakes != wakesSeen {
                wakesSeen = wakes
                for lane in waiting {
                    switch gate.claim() {
                    case .run(let operation): inFlight[lane] = operation
                    case .wait: continue
                    case .finish: ended += 1
                    }
                    waiting.remove(lane)
                }
                state.withLock { $0.mostInFlight = max($0.mostInFlight, inFlight.count) }
            }
            guard !inFlight.isEmpty else {
                usleep(500)
                continue
            }
            if sleepUnlessCancelled(operationTime) { continue }
            for (lane, operation) in inFlight {
                record(behaviour(state.withLock { $0.recorded.count }), operation, gate)
                inFlight[lane] = nil
                waiting.insert(lane)
            }
            wakesSeen = -1
        }
    }

    /// Sleeps `duration` in small steps; true when cancelled meanwhile.
    private func sleepUnlessCancelled(_ duration: Duration) -> Bool {
        let end = ContinuousClock.now + duration
        while ContinuousClock.now < end {
            if state.withLock({ $0.cancelled }) { return true }
            usleep(UInt32(min(max((end - ContinuousClock.now).microseconds, 1), 1000)))
        }
        return false
    }

    private func record(_ outcome: Outcome, _ operation: Int, _ gate: OperationGate) {
        state.withLock { $0.recorded.append(outcome) }
        gate.record(
            outcome, operation: operation, latencyMicros: operationTime.microseconds,
            bytesSent: 10, bytesReceived: 100)
    }
}

/// A synthetic workload whose closed model with no think time runs on `driver`.
struct DrivenWorkload: Workload {
    let synthetic: SyntheticWorkload
    let threadDriver: ThreadDriver

    init(weights: [Double], driver: ThreadDriver) {
        synthetic = SyntheticWorkload(weights: weights) { _, _, _, _ in .success }
        threadDriver = driver
    }

    var operations: [OperationSpec] { synthetic.operations }
    var driver: (any OperationDriver)? { threadDriver }

    func makeAgent(index: Int) -> any VirtualAgent {
        synthetic.makeAgent(index: index)
    }
}
