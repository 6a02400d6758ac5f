/// What a lane of `HTTPClient.repeatedly` does next.
public enum RepeatStep: Sendable, Equatable {
    /// Send the request now.
    case send
    /// Send nothing until `HTTPClient.wakeRepetitions()`, then ask again.
    case wait
    /// The lane ends.
    case finish
}

/// The owner of a repeated request. Both methods are called on the client's loop thread,
/// one call at a time: they must be quick and must never block, since every request of the
/// client waits for them.
public protocol RepetitionHandler: Sendable {
    /// Whether lane `lane` sends the request now; asked before every send.
    func nextStep(lane: Int) -> RepeatStep

    /// A request of lane `lane` ended with `result`, `latencyMicros` µs after it was handed to
    /// libcurl. Failures are classified as `HTTPClient.send` classifies them.
    func completed(lane: Int, result: HTTPResult, latencyMicros: Int)
}

/// One call of `HTTPClient.repeatedly`: its lanes and the transfer each lane reuses.
///
/// `@unchecked Sendable`: created by the calling task and handed to the loop thread in a
/// command; only the loop thread uses it afterwards.
final class Repetition: @unchecked Sendable {
    let id: UInt64
    let request: HTTPRequest
    let handler: any RepetitionHandler
    let continuation: UnsafeContinuation<Void, Never>
    /// The transfer of each lane while a request of the lane runs (and between its requests).
    var transfers: [Transfer?]
    /// Lanes told to wait, to ask again on a wake.
    var waiting: [Int] = []
    /// Lanes not yet ended.
    var liveLanes: Int

    init(
        id: UInt64, request: HTTPRequest, lanes: Int, handler: any RepetitionHandler,
        continuation: UnsafeContinuation<Void, Never>
    ) {
        self.id = id
        self.request = request
        self.handler = handler
        self.continuation = continuation
        transfers = Array(repeating: nil, count: lanes)
        liveLanes = lanes
    }
}

extension HTTPClient {
    /// Sends `request` again and again on `lanes` lanes, each sending the next request the
    /// moment the previous one ends, until `handler` ends every lane. Everything happens on
    /// the loop thread: no task switch, continuation or allocation per request, which makes
    /// this the cheapest way to keep N connections busy with one request.
    ///
    /// A plain `http://` URL is served without libcurl, on a thread of its own with a
    /// connection per lane (see `PlainRepetition`): the same results for about half the CPU
    /// per request. HTTPS goes through libcurl on the client's loop thread.
    ///
    /// Cancelling the task abandons the requests in flight (each reported to the handler as a
    /// cancellation failure) and returns. So does `shutdown()`.
    public func repeatedly(
        _ request: HTTPRequest, lanes: Int, handler: any RepetitionHandler
    ) async {
        guard lanes > 0 else { return }
        let id = nextID()
        if let target = PlainTarget(request, configuration: configuration),
            let repetition = PlainRepetition(target: target, lanes: lanes, handler: handler)
        {
            return await repeatPlain(repetition, id: id)
        }
        let loop = loop
        await withTaskCancellationHandler {
            await withUnsafeContinuation { continuation in
                loop.begin(
                    Repetition(
                        id: id, request: request, lanes: lanes, handler: handler,
                        continuation: continuation))
            }
        } onCancel: {
            loop.enqueue(command: .cancelRepetition(id))
        }
    }

    /// Lanes of `repeatedly` that were told to wait ask their handler again. Returns at once.
    public func wakeRepetitions() {
        loop.enqueue(command: .wakeRepetitions)
        let plain = self.plainRepetitions.withLock { Array($0.running.values) }
        for repetition in plain { repetition.wakeWaitingLanes() }
    }

    private func repeatPlain(_ repetition: PlainRepetition, id: UInt64) async {
        await withTaskCancellationHandler {
            await withUnsafeContinuation { continuation in
                // Checked under the lock, so that a cancellation or shutdown that comes before
                // the repetition is registered is not missed.
                let admitted = self.plainRepetitions.withLock { repetitions in
                    guard !repetitions.stopped, !Task.isCancelled else { return false }
                    repetitions.running[id] = repetition
                    return true
                }
                let started =
                    admitted
                    && repetition.start(continuation: continuation) {
                        _ = self.plainRepetitions.withLock { $0.running.removeValue(forKey: id) }
                    }
                guard started else {
                    _ = self.plainRepetitions.withLock { $0.running.removeValue(forKey: id) }
                    continuation.resume()
                    return
                }
            }
        } onCancel: {
            self.plainRepetitions.withLock { $0.running[id] }?.stop(cause: "cancelled")
        }
    }
}
