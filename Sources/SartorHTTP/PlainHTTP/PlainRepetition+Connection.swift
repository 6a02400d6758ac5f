import CCurlShim
import Glibc
import SartorMetrics

/// Connecting, sending and receiving, lane by lane.
extension PlainRepetition {
    /// Opens a connection for `lane` to the address that last worked, or, on the `attempt`th
    /// try after refusals, to the next address of the host.
    func connect(_ lane: Int, attempt: Int = 0) {
        lanes[lane].parser.reset(
            expectsBody: target.expectsBody, keepsBody: target.keepsBody,
            capture: target.capture)
        lanes[lane].connectAttempt = attempt
        let address = target.addresses[(addressIndex + attempt) % target.addresses.count]
        let fd = socket(
            address.family,
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

        let status = address.bytes.withUnsafeBytes { address in
            Glibc.connect(
                fd, address.baseAddress!.assumingMemoryBound(to: sockaddr.self),
                socklen_t(address.count))
        }
        if status == 0 { return connected(lane) }
        guard errno == EINPROGRESS else { return failConnect(lane, errno) }
        lanes[lane].phase = .connecting
        watch(lane, EPOLLOUT.rawValue)
    }

    /// The connection is up: later connections go straight to the address that answered.
    func connected(_ lane: Int) {
        let attempt = lanes[lane].connectAttempt
        if attempt > 0 { addressIndex = (addressIndex + attempt) % target.addresses.count }
        send(lane)
    }

    func failConnect(_ lane: Int, _ code: Int32) {
        let attempt = lanes[lane].connectAttempt
        if code != ETIMEDOUT, attempt + 1 < target.addresses.count {
            disconnect(lane)
            return connect(lane, attempt: attempt + 1)
        }
        let kind: ErrorKind = code == ETIMEDOUT ? .timeout : .connectionRefused
        fail(lane, kind, cause: "failed to connect: \(String(cString: strerror(code)))")
    }

    /// Writes what is left of the request, then waits for the response.
    func send(_ lane: Int) {
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

    func service(_ lane: Int, events: UInt32) {
        switch lanes[lane].phase {
        case .connecting:
            var code: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(lanes[lane].fd, SOL_SOCKET, SO_ERROR, &code, &length)
            if code != 0 { return failConnect(lane, code) }
            connected(lane)
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
    func receive(_ lane: Int) {
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
    func connectionLost(_ lane: Int, cause: String) {
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
