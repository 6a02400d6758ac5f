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
    enum Phase { case idle, connecting, sending, receiving, waiting, finished }

    /// One lane: its connection and the request running on it.
    struct Lane {
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
        /// Which of the host's addresses, counted from `addressIndex`, is being tried.
        var connectAttempt = 0
        var parser = ResponseParser()
    }

    let target: PlainTarget
    let handler: any RepetitionHandler
    var continuation: UnsafeContinuation<Void, Never>?
    var onEnd: (@Sendable () -> Void)?
    let stopCause = Mutex<String?>(nil)
    let stopping = Atomic<Bool>(false)
    let wakeRequested = Atomic<Bool>(false)
    /// Whether `wakeFD` is still open: a wake-up that comes after the end must not write to a
    /// descriptor number that may belong to something else by then.
    let wakeFDOpen = Mutex(true)
    let epollFD: Int32
    let wakeFD: Int32

    var lanes: [Lane]
    var liveLanes: Int
    var waiting: [Int] = []
    var earliestDeadlineNanos = UInt64.max
    /// The host's address that connections go to first: the last that accepted one.
    var addressIndex = 0
    var readBuffer = [UInt8](repeating: 0, count: 64 << 10)
    var thread = pthread_t()

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

    deinit {
        // A repetition that never ran (refused after a shutdown or a cancellation) still owns
        // its descriptors; one that ran closed them at its end.
        if wakeFDOpen.withLock({ $0 }) {
            close(epollFD)
            close(wakeFD)
        }
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

    func wake() {
        wakeFDOpen.withLock { open in
            guard open else { return }
            var one: UInt64 = 1
            _ = write(wakeFD, &one, MemoryLayout<UInt64>.size)
        }
    }

    func run() {
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

    func drainWakeups() {
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
    func advance(_ lane: Int) {
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

    func begin(_ lane: Int) {
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

    func endLane(_ lane: Int) {
        if lanes[lane].fd >= 0 { disconnect(lane) }
        lanes[lane].phase = .finished
        liveLanes -= 1
    }
}
