import SartorEngine
import SartorHTTP

/// Runs `sartor-load http`'s closed model on the HTTP client's loop thread: each connection
/// sends the next request the moment the previous one ends, while the engine's gate decides
/// whether it may (limits, pause, stop) and records each end.
struct RepeatedRequestDriver: OperationDriver {
    /// The lanes are shared out over these clients, each with its own loop thread.
    let clients: [HTTPClient]
    let request: HTTPRequest
    let statusCounts: StatusCounts

    func drive(lanes: Int, gate: OperationGate) async {
        await withDiscardingTaskGroup { group in
            for (index, client) in clients.enumerated() {
                let first = lanes * index / clients.count
                let share = lanes * (index + 1) / clients.count - first
                let handler = GateHandler(gate: gate, statusCounts: statusCounts, firstLane: first)
                group.addTask { await client.repeatedly(request, lanes: share, handler: handler) }
            }
        }
    }

    func wakeWaitingLanes() {
        for client in clients { client.wakeRepetitions() }
    }
}

/// Passes the loop thread's questions and results to the engine's gate.
private struct GateHandler: RepetitionHandler {
    let gate: OperationGate
    let statusCounts: StatusCounts
    /// The lane of the run that is lane 0 of this handler's client.
    let firstLane: Int
    /// The workload's one operation.
    private let operation = 0

    func nextStep(lane: Int) -> RepeatStep {
        switch gate.claim() {
        case .run: .send
        case .wait: .wait
        case .finish: .finish
        }
    }

    func completed(lane: Int, result: HTTPResult, latencyMicros: Int) {
        if case .success(let response) = result {
            statusCounts.add(response, shard: firstLane + lane)
        }
        gate.record(
            Outcome(result), operation: operation, latencyMicros: latencyMicros,
            bytesSent: result.bytesSent, bytesReceived: result.bytesReceived)
    }
}

extension Outcome {
    /// Success for a 2xx response; otherwise a failure of the result's kind (`http <status>`
    /// for another status).
    init(_ result: HTTPResult) {
        switch result.requiringSuccessStatus() {
        case .success: self = .success
        case .failure(let failure): self = .failure(failure.kind, message: failure.message)
        }
    }
}
