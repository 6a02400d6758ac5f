import SartorEngine
import SartorMetrics
import Synchronization

/// What a synthetic operation does, given the operation index, the agent's index and its call
/// number for that agent (0-based).
typealias SyntheticBehaviour =
    @Sendable (_ operation: Int, _ agent: Int, _ call: Int, _ context: inout OperationContext)
    async -> Outcome

/// One call the synthetic workload saw, in the order calls started.
struct CallRecord: Sendable, Equatable {
    var agent: Int
    var operation: Int
    var start: ContinuousClock.Instant
}

/// A thread-safe log of the calls a synthetic workload received.
final class CallLog: Sendable {
    private let calls = Mutex<[CallRecord]>([])
    private let connects = Atomic<Int>(0)
    private let disconnects = Atomic<Int>(0)
    /// Calls running now, and the most ever running at once.
    private let running = Mutex((now: 0, most: 0))

    func append(_ call: CallRecord) { calls.withLock { $0.append(call) } }
    func began() {
        running.withLock {
            $0.now += 1
            $0.most = max($0.most, $0.now)
        }
    }
    func ended() { running.withLock { $0.now -= 1 } }
    var mostRunningAtOnce: Int { running.withLock { $0.most } }
    func connected() { connects.add(1, ordering: .relaxed) }
    func disconnected() { disconnects.add(1, ordering: .relaxed) }

    var all: [CallRecord] { calls.withLock { $0 } }
    var count: Int { calls.withLock { $0.count } }
    var connectCount: Int { connects.load(ordering: .relaxed) }
    var disconnectCount: Int { disconnects.load(ordering: .relaxed) }

    /// The operations agent `agent` ran, in order.
    func operations(ofAgent agent: Int) -> [Int] {
        all.filter { $0.agent == agent }.map(\.operation)
    }
}

/// An in-process workload whose operations do whatever `behaviour` says.
struct SyntheticWorkload: Workload {
    let operations: [OperationSpec]
    let log = CallLog()
    let behaviour: SyntheticBehaviour
    /// How many times each agent's `connect` fails before it succeeds.
    var failedConnects = 0

    init(_ operations: [OperationSpec], behaviour: @escaping SyntheticBehaviour) {
        self.operations = operations
        self.behaviour = behaviour
    }

    /// Operations named `op0`, `op1`... with the given weights.
    init(weights: [Double], behaviour: @escaping SyntheticBehaviour) {
        self.init(
            weights.enumerated().map { OperationSpec(name: "op\($0.offset)", weight: $0.element) },
            behaviour: behaviour)
    }

    func makeAgent(index: Int) -> any VirtualAgent {
        SyntheticAgent(
            index: index, log: log, behaviour: behaviour, failedConnectsLeft: failedConnects)
    }
}

struct SyntheticAgent: VirtualAgent {
    let index: Int
    let log: CallLog
    let behaviour: SyntheticBehaviour
    var failedConnectsLeft: Int
    var calls = 0

    mutating func connect(_ context: inout OperationContext) async -> Outcome {
        if failedConnectsLeft > 0 {
            failedConnectsLeft -= 1
            return .failure(.connectionRefused, message: "agent \(index) refused")
        }
        log.connected()
        return .success
    }

    mutating func run(operation: Int, _ context: inout OperationContext) async -> Outcome {
        log.append(CallRecord(agent: index, operation: operation, start: .now))
        calls += 1
        log.began()
        defer { log.ended() }
        return await behaviour(operation, index, calls - 1, &context)
    }

    mutating func disconnect(_ context: inout OperationContext) async -> Outcome {
        log.disconnected()
        return .success
    }
}

/// Sleeps `duration`, reporting a cancellation as a failure.
func work(for duration: Duration) async -> Outcome {
    do {
        try await Task.sleep(for: duration)
        return .success
    } catch {
        return .failure(.other, message: "cancelled")
    }
}

/// Polls `condition` every 2 ms until it holds or `timeout` passes; returns whether it held.
func eventually(
    within timeout: Duration = .seconds(5), _ condition: () -> Bool
) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(2))
    }
    return condition()
}

extension RunConfiguration {
    /// A closed-model run of `agents` agents with no think time, no retries, seed 7.
    static func closed(
        agents: Int, think: ThinkTime = .none, operations: Int? = nil, duration: Duration? = nil
    ) -> RunConfiguration {
        RunConfiguration(
            model: .closed(agents: agents, think: think), duration: duration,
            operationLimit: operations, seed: 7, retryPolicy: .disabled,
            drainTimeout: .seconds(5))
    }
}
