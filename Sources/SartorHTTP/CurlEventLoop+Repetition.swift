import CCurlShim
import Glibc

/// The loop side of `HTTPClient.repeatedly`: each lane keeps one transfer and puts its handle
/// back into the multi handle the moment it finishes, with its options untouched.
extension CurlEventLoop {
    func start(_ repetition: Repetition) {
        repetitions[repetition.id] = repetition
        for lane in repetition.transfers.indices {
            advance(lane, of: repetition, reusing: nil)
        }
    }

    /// Hands a finished request of a lane to the handler and lets the lane go on.
    func finishRepeated(_ transfer: Transfer, _ code: CURLcode, of repetition: Repetition) {
        let latencyMicros = Int((Self.nowNanos() &- transfer.startNanos) / 1000)
        let lane = transfer.lane
        repetition.transfers[lane] = nil
        repetition.handler.completed(
            lane: lane, result: transfer.finish(code), latencyMicros: latencyMicros)
        advance(lane, of: repetition, reusing: transfer)
    }

    /// Lanes told to wait ask their handler again.
    func wakeRepetitions() {
        for repetition in Array(repetitions.values) {
            let lanes = repetition.waiting
            repetition.waiting.removeAll()
            for lane in lanes {
                advance(lane, of: repetition, reusing: nil)
            }
        }
    }

    /// Ends every lane: requests in flight are removed and reported as failures with `cause`.
    func abandon(_ repetition: Repetition, cause: String) {
        for (lane, transfer) in repetition.transfers.enumerated() {
            guard let transfer else { continue }
            curl_multi_remove_handle(multi, transfer.easy)
            repetition.transfers[lane] = nil
            repetition.handler.completed(
                lane: lane, result: transfer.abandon(kind: .other, cause: cause),
                latencyMicros: Int((Self.nowNanos() &- transfer.startNanos) / 1000))
            detach(transfer)
        }
        repetition.waiting.removeAll()
        repetition.liveLanes = 0
        repetitions[repetition.id] = nil
        repetition.continuation.resume()
    }

    /// Asks the handler what `lane` does next and does it, sending on `transfer` when given.
    private func advance(_ lane: Int, of repetition: Repetition, reusing transfer: Transfer?) {
        switch repetition.handler.nextStep(lane: lane) {
        case .send:
            send(lane, of: repetition, on: transfer)
        case .wait:
            transfer.map(detach)
            repetition.waiting.append(lane)
        case .finish:
            transfer.map(detach)
            endLane(of: repetition)
        }
    }

    /// Starts the lane's next request. A lane whose request libcurl refuses to start reports
    /// the failure and ends, rather than failing again at once for ever.
    private func send(_ lane: Int, of repetition: Repetition, on reused: Transfer?) {
        let request = repetition.request
        guard let transfer = reused ?? takeTransfer() else {
            let message = "\(request.method) \(request.url): libcurl could not create a handle"
            repetition.handler.completed(
                lane: lane, result: .failure(HTTPFailure(kind: .other, message: message)),
                latencyMicros: 0)
            endLane(of: repetition)
            return
        }
        transfer.prepare(request, defaultTimeoutMillis: defaultTimeoutMillis)
        transfer.repetition = repetition
        transfer.lane = lane
        transfer.startNanos = Self.nowNanos()
        let code = curl_multi_add_handle(multi, transfer.easy)
        guard code == CURLM_OK else {
            let cause = String(cString: curl_multi_strerror(code))
            repetition.handler.completed(
                lane: lane, result: transfer.abandon(kind: .other, cause: cause),
                latencyMicros: 0)
            detach(transfer)
            endLane(of: repetition)
            return
        }
        repetition.transfers[lane] = transfer
    }

    private func detach(_ transfer: Transfer) {
        transfer.repetition = nil
        release(transfer)
    }

    private func endLane(of repetition: Repetition) {
        repetition.liveLanes -= 1
        guard repetition.liveLanes == 0 else { return }
        repetitions[repetition.id] = nil
        repetition.continuation.resume()
    }

    static func nowNanos() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
