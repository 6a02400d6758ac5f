import CCurlShim
import Glibc
import SartorMetrics
import Synchronization

/// `HTTPClient.repeatedly` for a plain `http://` URL, without libcurl: one thread, one epoll
/// instance and one connection per lane, the request's bytes built once, and responses parsed
/// as they arrive. It exists for throughput: libcurl spends some 10 µs of CPU per request on
/// bookkeeping a repeated request does not need (URL parsing, connection matching, header
/// storage, timers), which is as much as the kernel's whole share.
///
/// Behaves as the libcurl path does: keep-alive connections, a request on a kept-alive
/// connection that the server closed meanwhile is sent again once on a new one, failures are
/// classified into the same kinds, and latency runs from the moment a request is started.
///
/// `@unchecked Sendable`: `stopCause` and `wakeFDOpen` are `Mutex`es, `stopping` and
/// `wakeRequested` `Atomic`s; everything else is used only by the repetition's own thread once
/// `start` has returned.
final class PlainRepetition: @unchecked Sendable {
    private enum Phase { case idle, connecting, sending, receiving, waiting, finished }

    /// One lane: its connection and the request running on it.
    private struct Lane {
        var phase = Phase.idle
        var fd: Int32 = -1
        /// The connection carried a response before, so the server may have closed it.
        var reused = false
        var resent = false
        var sentBytes = 0
        var bytesSent = 0
        var bytesReceived = 0
        var startNanos: UInt64 = 0
        /// The request's deadline, and the one that applies now (sooner while connecting).
        var requestDeadlineNanos: UInt64 = 0
        var deadlineNanos: UInt64 = 0
        var registeredEvents: UInt32 = 0
        /// Counts the lane's connections, so that an event of a closed one is told apart.
        var generation: UInt32 = 0
        var parser = ResponseParser()
    }

    let target: PlainTarget
    private let handler: any RepetitionHandler
    private var continuation: UnsafeContinuation<Void, Never>?
    private var onEnd: (@Sendable () -> Void)?
    private let stopCause = Mutex<String?>(nil)
    private let stopping = Atomic<Bool>(false)
    private let wakeRequested = Atomic<Bool>(false)
    /// Whether `wakeFD` is still open: a wake-up that comes after the end must not write to a
    /// descriptor number that may belong to something else by then.
    private let wakeFDOpen = Mutex(true)
    private let epollFD: Int32
    private let wakeFD: Int32

    private var lanes: [Lane]
    private var liveLanes: Int
    private var waiting: [Int] = []
    private var earliestDeadlineNanos = UInt64.max
    private var readBuffer = [UInt8](repeating: 0, count: 64 << 10)
    private var thread = pthread_t()

    /// `nil` when epoll or the wake-up descriptor cannot be created.
    init?(target: PlainTarget, lanes: Int, handler: any RepetitionHandler) {
        let epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        let wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard epollFD >= 0, wakeFD >= 0 else {
            if epollFD >= 0 { close(epollFD) }
            if wakeFD >= 0 { close(wakeFD) }
            return nil
        }
        self.target = target
        self.handler = handler
        self.epollFD = epollFD
        self.wakeFD = wakeFD
        self.lanes = Array(repeating: Lane(), count: lanes)
        liveLanes = lanes
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.u64 = UInt64.max
        epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, &event)
    }

    /// Starts the thread; false when it cannot be created. When every lane has ended, `onEnd`
    /// runs on that thread, then `continuation` is resumed.
    func start(
        continuation: UnsafeContinuation<Void, Never>, onEnd: @escaping @Sendable () -> Void
    ) -> Bool {
        self.continuation = continuation
        self.onEnd = onEnd
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(
            &thread, nil,
            { context in
                let repetition = Unmanaged<PlainRepetition>.fromOpaque(context!)
                    .takeRetainedValue()
                pthread_detach(pthread_self())
                repetition.run()
                return nil
            }, context)
        if status != 0 { Unmanaged<PlainRepetition>.fromOpaque(context).release() }
        return status == 0
    }

    /// Ends every lane; requests in flight are reported as failures with `cause`.
    func stop(cause: String) {
        stopCause.withLock { $0 = $0 ?? cause }
        stopping.store(true, ordering: .releasing)
        wake()
    }

    /// Lanes told to wait ask their handler again.
    func wakeWaitingLanes() {
        wakeRequested.store(true, ordering: .releasing)
        wake()
    }

    private func wake() {
        wakeFDOpen.withLock { open in
            guard open else { return }
            var one: UInt64 = 1
            _ = write(wakeFD, &one, MemoryLayout<UInt64>.size)
        }
    }

    private func run() {
        for lane in lanes.indices { advance(lane) }
        var events = [epoll_event](repeating: epoll_event(), count: 256)
        while liveLanes > 0 {
            let count = events.withUnsafeMutableBufferPointer { buffer in
                epoll_wait(epollFD, buffer.baseAddress, Int32(buffer.count), pollTimeoutMillis())
            }
            for index in 0..<Int(max(count, 0)) {
                let tag = events[index].data.u64
                if tag == UInt64.max {
                    drainWakeups()
                } else if UInt32(truncatingIfNeeded: tag >> 32)
                    == lanes[Int(tag & 0xFFFF_FFFF)].generation
                {
                    service(Int(tag & 0xFFFF_FFFF), events: events[index].events)
                }
                if liveLanes == 0 { break }
            }
            expireDeadlines()
        }
        for lane in lanes.indices where lanes[lane].fd >= 0 { disconnect(lane) }
        close(epollFD)
        wakeFDOpen.withLock { open in
            open = false
            close(wakeFD)
        }
        onEnd?()
        continuation?.resume()
    }

    private func drainWakeups() {
        var count: UInt64 = 0
        _ = read(wakeFD, &count, MemoryLayout<UInt64>.size)
        if let cause = stopCause.withLock({ $0 }) {
            abandonAll(cause: cause)
            return
        }
        guard wakeRequested.exchange(false, ordering: .acquiring) else { return }
        let lanesToWake = waiting
        waiting.removeAll()
        for lane in lanesToWake { advance(lane) }
    }

    /// Asks the handler what `lane` does next and does it.
    private func advance(_ lane: Int) {
        if stopping.load(ordering: .acquiring) {
            endLane(lane)
            return
        }
        switch handler.nextStep(lane: lane) {
        case .send: begin(lane)
        case .wait:
            lanes[lane].phase = .waiting
            waiting.append(lane)
        case .finish: endLane(lane)
        }
    }

    private func begin(_ lane: Int) {
        let now = Self.nowNanos()
        lanes[lane].startNanos = now
        lanes[lane].requestDeadlineNanos = now &+ target.timeoutNanos
        lanes[lane].deadlineNanos = lanes[lane].requestDeadlineNanos
        lanes[lane].bytesSent = 0
        lanes[lane].bytesReceived = 0
        lanes[lane].resent = false
        earliestDeadlineNanos = min(earliestDeadlineNanos, lanes[lane].deadlineNanos)
        if lanes[lane].fd >= 0 {
            send(lane)
        } else {
            connect(lane)
        }
    }

    private func endLane(_ lane: Int) {
        if lanes[lane].fd >= 0 { disconnect(lane) }
        lanes[lane].phase = .finished
        liveLanes -= 1
    }
}

extension PlainRepetition {
    private func connect(_ lane: Int) {
        lanes[lane].parser.reset(
            expectsBody: target.expectsBody, keepsBody: target.keepsBody,
            capture: target.capture)
        let fd = socket(
            target.family,
            Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
                | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return fail(lane, .other, cause: Self.errnoText()) }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        lanes[lane].fd = fd
        lanes[lane].reused = false
        lanes[lane].registeredEvents = 0
        lanes[lane].generation &+= 1
        let deadline = Self.nowNanos() &+ target.connectTimeoutNanos
        lanes[lane].deadlineNanos = min(lanes[lane].deadlineNanos, deadline)
        earliestDeadlineNanos = min(earliestDeadlineNanos, lanes[lane].deadlineNanos)

        let status = target.address.withUnsafeBytes { address in
            Glibc.connect(
                fd, address.baseAddress!.assumingMemoryBound(to: sockaddr.self),
                socklen_t(address.count))
        }
        if status == 0 { return send(lane) }
        guard errno == EINPROGRESS else { return failConnect(lane, errno) }
        lanes[lane].phase = .connecting
        watch(lane, EPOLLOUT.rawValue)
    }

    private func failConnect(_ lane: Int, _ code: Int32) {
        let kind: ErrorKind = code == ETIMEDOUT ? .timeout : .connectionRefused
        fail(lane, kind, cause: "failed to connect: \(String(cString: strerror(code)))")
    }

    /// Writes what is left of the request, then waits for the response.
    private func send(_ lane: Int) {
        if lanes[lane].phase != .sending {
            lanes[lane].phase = .sending
            lanes[lane].sentBytes = 0
            lanes[lane].deadlineNanos = lanes[lane].requestDeadlineNanos
            lanes[lane].parser.reset(
                expectsBody: target.expectsBody, keepsBody: target.keepsBody,
                capture: target.capture)
        }
        let fd = lanes[lane].fd
        while lanes[lane].sentBytes < target.requestBytes.count {
            let offset = lanes[lane].sentBytes
            let written = target.requestBytes.withUnsafeBytes { bytes in
                Glibc.send(
                    fd, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                lanes[lane].sentBytes += written
                lanes[lane].bytesSent += written
                continue
            }
            if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                watch(lane, EPOLLIN.rawValue | EPOLLOUT.rawValue)
                return
            }
            return connectionLost(lane, cause: Self.errnoText())
        }
        lanes[lane].phase = .receiving
        watch(lane, EPOLLIN.rawValue)
    }

    private func service(_ lane: Int, events: UInt32) {
        switch lanes[lane].phase {
        case .connecting:
            var code: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(lanes[lane].fd, SOL_SOCKET, SO_ERROR, &code, &length)
            if code != 0 { return failConnect(lane, code) }
            send(lane)
        case .sending:
            if events & (EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 {
                receive(lane)
            } else {
                send(lane)
            }
        case .receiving:
            receive(lane)
        case .idle, .waiting, .finished:
            // An idle kept-alive connection spoke or closed: it cannot carry a request.
            if lanes[lane].fd >= 0 { disconnect(lane) }
        }
    }

    /// Reads until the socket has nothing more, feeding the parser.
    private func receive(_ lane: Int) {
        let fd = lanes[lane].fd
        while true {
            let count = readBuffer.withUnsafeMutableBytes { buffer in
                recv(fd, buffer.baseAddress, buffer.count, 0)
            }
            if count > 0 {
                lanes[lane].bytesReceived += count
                let progress = readBuffer.withUnsafeBytes { buffer in
                    lanes[lane].parser.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                }
                switch progress {
                case .needsMore:
                    continue
                case .complete(let leftover):
                    // Bytes after the response, or a response before the whole request was
                    // sent (a server refusing a body early), leave the connection unusable.
                    let unsent = lanes[lane].sentBytes < target.requestBytes.count
                    if leftover > 0 || unsent || lanes[lane].parser.closesConnection {
                        disconnect(lane)
                    }
                    return succeed(lane)
                case .invalid(let reason):
                    return fail(lane, .invalidResponse, cause: "invalid response: \(reason)")
                }
            }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
            if count < 0 && errno == EINTR { continue }
            let cause = count == 0 ? "the server closed the connection" : Self.errnoText()
            switch lanes[lane].parser.endOfStream() {
            case .complete:
                disconnect(lane)
                return succeed(lane)
            case .invalid(let reason):
                return fail(lane, .invalidResponse, cause: "invalid response: \(reason)")
            case .nothingReceived, .truncated:
                return connectionLost(lane, cause: cause)
            }
        }
    }

    /// The connection failed: a kept-alive one that the server had closed before answering is
    /// replaced and the request sent again once; otherwise the request failed.
    private func connectionLost(_ lane: Int, cause: String) {
        let unanswered = lanes[lane].parser.endOfStream() == .nothingReceived
        if lanes[lane].reused && unanswered && !lanes[lane].resent {
            disconnect(lane)
            lanes[lane].resent = true
            // The counts are those of the attempt that answers, as for libcurl.
            lanes[lane].bytesSent = 0
            lanes[lane].bytesReceived = 0
            return connect(lane)
        }
        fail(lane, .connectionReset, cause: cause)
    }
}

extension PlainRepetition {
    private func succeed(_ lane: Int) {
        lanes[lane].reused = lanes[lane].fd >= 0
        let parser = lanes[lane].parser
        lanes[lane].parser.body = []
        let response = HTTPResponse(
            method: target.method, url: target.url, status: parser.status,
            version: parser.version, headers: parser.headers, body: parser.body,
            bytesSent: lanes[lane].bytesSent, bytesReceived: lanes[lane].bytesReceived)
        finish(lane, .success(response))
    }

    private func fail(_ lane: Int, _ kind: ErrorKind, cause: String) {
        if lanes[lane].fd >= 0 { disconnect(lane) }
        let failure = HTTPFailure(
            kind: kind, message: "\(target.method) \(target.url): \(kind.label) (\(cause))",
            bytesSent: lanes[lane].bytesSent, bytesReceived: lanes[lane].bytesReceived)
        finish(lane, .failure(failure))
    }

    private func finish(_ lane: Int, _ result: HTTPResult) {
        lanes[lane].phase = .idle
        let latencyMicros = Int((Self.nowNanos() &- lanes[lane].startNanos) / 1000)
        handler.completed(lane: lane, result: result, latencyMicros: latencyMicros)
        advance(lane)
    }

    /// Ends every lane at once, reporting the requests in flight as failures with `cause`.
    private func abandonAll(cause: String) {
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
    private func expireDeadlines() {
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

    private func pollTimeoutMillis() -> Int32 {
        guard earliestDeadlineNanos != .max else { return -1 }
        let now = Self.nowNanos()
        guard earliestDeadlineNanos > now else { return 0 }
        return Int32(clamping: (earliestDeadlineNanos - now + 999_999) / 1_000_000)
    }

    /// Sets the epoll events of the lane's socket, adding it the first time.
    private func watch(_ lane: Int, _ events: UInt32) {
        guard lanes[lane].registeredEvents != events else { return }
        var event = epoll_event()
        event.events = events
        event.data.u64 = UInt64(lanes[lane].generation) << 32 | UInt64(lane)
        let operation = lanes[lane].registeredEvents == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD
        epoll_ctl(epollFD, operation, lanes[lane].fd, &event)
        lanes[lane].registeredEvents = events
    }

    private func disconnect(_ lane: Int) {
        // Closing the descriptor removes it from epoll.
        close(lanes[lane].fd)
        lanes[lane].fd = -1
        lanes[lane].registeredEvents = 0
        lanes[lane].reused = false
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }

    private static func nowNanos() -> UInt64 { CurlEventLoop.nowNanos() }
}
