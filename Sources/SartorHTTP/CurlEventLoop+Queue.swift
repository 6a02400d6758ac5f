import SartorMetrics

/// A request submitted while `maxConnections` transfers already run: no libcurl handle and no
/// buffer, only what is needed to start it later (some 100 bytes plus the request).
struct QueuedRequest {
    let request: HTTPRequest
    let continuation: UnsafeContinuation<HTTPResult, Never>
    /// When the request must leave the queue, started or failed (`CLOCK_MONOTONIC` ms).
    let deadlineMillis: Int64
}

/// Requests waiting for a running transfer to end, oldest first.
///
/// Every request waits the same `queueTimeout`, so deadlines rise from head to tail and only
/// the head needs watching. Cancelled requests leave `entries` at once; their identifiers stay
/// in `order` until they reach the head, where they are skipped. Used on the loop thread only.
struct RequestQueue {
    private var entries: [UInt64: QueuedRequest] = [:]
    private var order: [UInt64] = []
    private var head = 0

    var count: Int { entries.count }

    mutating func append(_ id: UInt64, _ queued: QueuedRequest) {
        entries[id] = queued
        order.append(id)
    }

    /// Removes request `id` wherever it waits; `nil` when it is not queued.
    mutating func remove(_ id: UInt64) -> QueuedRequest? {
        entries.removeValue(forKey: id)
    }

    /// The oldest request still waiting, without removing it.
    mutating func first() -> (id: UInt64, queued: QueuedRequest)? {
        while head < order.count {
            let id = order[head]
            if let queued = entries[id] { return (id, queued) }
            head += 1
        }
        if head > 0 { compact() }
        return nil
    }

    /// Removes and returns the oldest request still waiting.
    mutating func popFirst() -> (id: UInt64, queued: QueuedRequest)? {
        guard let first = first() else { return nil }
        entries[first.id] = nil
        head += 1
        if head >= 1024, head * 2 >= order.count { compact() }
        return first
    }

    /// Removes and returns every waiting request.
    mutating func removeAll() -> [QueuedRequest] {
        var all: [QueuedRequest] = []
        while let (_, queued) = popFirst() { all.append(queued) }
        return all
    }

    /// Drops the identifiers already served, so that `order` does not grow for the whole run;
    /// an empty queue gives back the room a burst took.
    private mutating func compact() {
        if head == order.count {
            order.removeAll(keepingCapacity: order.count <= 1024)
        } else {
            order.removeFirst(head)
        }
        head = 0
    }
}

extension CurlEventLoop {
    /// Runs `request` now if fewer than `maxConnections` transfers run, or queues it.
    func admit(
        id: UInt64, request: HTTPRequest, continuation: UnsafeContinuation<HTTPResult, Never>
    ) {
        if runningCount < maxRunning, queued.count == 0 {
            start(id: id, request: request, continuation: continuation)
            return
        }
        let deadline = Self.nowMillis() + Int64(queueTimeoutMillis)
        queued.append(
            id,
            QueuedRequest(request: request, continuation: continuation, deadlineMillis: deadline))
    }

    /// Starts queued requests while transfers are free, and fails those that waited too long.
    func startQueued() {
        let now = Self.nowMillis()
        while let (id, waiting) = queued.first() {
            if waiting.deadlineMillis <= now {
                _ = queued.popFirst()
                fail(waiting, kind: .timeout, cause: queueTimeoutCause)
            } else if runningCount < maxRunning {
                _ = queued.popFirst()
                start(id: id, request: waiting.request, continuation: waiting.continuation)
            } else {
                return
            }
        }
    }

    /// When the oldest queued request times out, if any waits (`CLOCK_MONOTONIC` ms).
    func queueDeadlineMillis() -> Int64? {
        queued.first()?.queued.deadlineMillis
    }

    /// Abandons a queued request; false when it is not queued (it runs or has ended).
    func cancelQueued(id: UInt64) -> Bool {
        guard let waiting = queued.remove(id) else { return false }
        fail(waiting, kind: .other, cause: "cancelled")
        return true
    }

    /// Fails every queued request, for a shutdown.
    func failAllQueued(cause: String) {
        for waiting in queued.removeAll() {
            fail(waiting, kind: .other, cause: cause)
        }
    }

    private var queueTimeoutCause: String {
        "waited \(queueTimeoutMillis) ms for one of \(maxRunning) connections (queue timeout)"
    }

    private func fail(_ waiting: QueuedRequest, kind: ErrorKind, cause: String) {
        let message = "\(waiting.request.method) \(waiting.request.url): \(cause)"
        waiting.continuation.resume(returning: .failure(HTTPFailure(kind: kind, message: message)))
    }
}
