import CCurlShim
import Glibc
import SartorMetrics

/// Ending requests: results, failures, deadlines, and the lanes' epoll registrations.
extension PlainRepetition {
    func succeed(_ lane: Int) {
        lanes[lane].reused = lanes[lane].fd >= 0
        let parser = lanes[lane].parser
        lanes[lane].parser.body = []
        let response = HTTPResponse(
            method: target.method, url: target.url, status: parser.status,
            version: parser.version, headers: parser.headers, body: parser.body,
            bytesSent: lanes[lane].bytesSent, bytesReceived: lanes[lane].bytesReceived)
        finish(lane, .success(response))
    }

    func fail(_ lane: Int, _ kind: ErrorKind, cause: String) {
        if lanes[lane].fd >= 0 { disconnect(lane) }
        let failure = HTTPFailure(
            kind: kind, message: "\(target.method) \(target.url): \(kind.label) (\(cause))",
            bytesSent: lanes[lane].bytesSent, bytesReceived: lanes[lane].bytesReceived)
        finish(lane, .failure(failure))
    }

    func finish(_ lane: Int, _ result: HTTPResult) {
        lanes[lane].phase = .idle
        let latencyMicros = Int((Self.nowNanos() &- lanes[lane].startNanos) / 1000)
        handler.completed(lane: lane, result: result, latencyMicros: latencyMicros)
        advance(lane)
    }

    /// Ends every lane at once, reporting the requests in flight as failures with `cause`.
    func abandonAll(cause: String) {
        for lane in lanes.indices {
            switch lanes[lane].phase {
            case .connecting, .sending, .receiving:
                if lanes[lane].fd >= 0 { disconnect(lane) }
                let failure = HTTPFailure(
                    kind: .other, message: "\(target.method) \(target.url): \(cause)",
                    bytesSent: lanes[lane].bytesSent, bytesReceived: lanes[lane].bytesReceived)
                let latencyMicros = Int((Self.nowNanos() &- lanes[lane].startNanos) / 1000)
                handler.completed(
                    lane: lane, result: .failure(failure), latencyMicros: latencyMicros)
                endLane(lane)
            case .idle, .waiting:
                endLane(lane)
            case .finished:
                break
            }
        }
        waiting.removeAll()
    }

    /// Fails the requests past their deadline; scans the lanes only once the earliest passed.
    func expireDeadlines() {
        let now = Self.nowNanos()
        guard now >= earliestDeadlineNanos else { return }
        earliestDeadlineNanos = .max
        for lane in lanes.indices {
            switch lanes[lane].phase {
            case .connecting, .sending, .receiving:
                if lanes[lane].deadlineNanos <= now {
                    let millis = (now &- lanes[lane].startNanos) / 1_000_000
                    fail(lane, .timeout, cause: "no response after \(millis) ms")
                } else {
                    earliestDeadlineNanos = min(earliestDeadlineNanos, lanes[lane].deadlineNanos)
                }
            case .idle, .waiting, .finished:
                break
            }
        }
    }

    func pollTimeoutMillis() -> Int32 {
        guard earliestDeadlineNanos != .max else { return -1 }
        let now = Self.nowNanos()
        guard earliestDeadlineNanos > now else { return 0 }
        return Int32(clamping: (earliestDeadlineNanos - now + 999_999) / 1_000_000)
    }

    /// Sets the epoll events of the lane's socket, adding it the first time.
    func watch(_ lane: Int, _ events: UInt32) {
        guard lanes[lane].registeredEvents != events else { return }
        var event = epoll_event()
        event.events = events
        event.data.u64 = UInt64(lanes[lane].generation) << 32 | UInt64(lane)
        let operation = lanes[lane].registeredEvents == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD
        epoll_ctl(epollFD, operation, lanes[lane].fd, &event)
        lanes[lane].registeredEvents = events
    }

    func disconnect(_ lane: Int) {
        // Closing the descriptor removes it from epoll.
        close(lanes[lane].fd)
        lanes[lane].fd = -1
        lanes[lane].registeredEvents = 0
        lanes[lane].reused = false
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    static func nowNanos() -> UInt64 { CurlEventLoop.nowNanos() }
}
