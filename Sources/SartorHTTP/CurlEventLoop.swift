import CCurlShim
import Glibc
import SartorMetrics
import Synchronization

/// What other threads hand to the loop thread.
enum LoopCommand: Sendable {
    case submit(UInt64, HTTPRequest, UnsafeContinuation<HTTPResult, Never>)
    case cancel(UInt64)
    case repeatRequest(Repetition)
    case cancelRepetition(UInt64)
    case wakeRepetitions
}

/// The commands waiting for the loop thread, and whether it is asleep in `epoll_wait`.
struct CommandQueue {
    var pending: [LoopCommand] = []
    var sleeping = false
    var stopped = false
}

/// One thread running a libcurl multi handle over epoll (libcurl's socket interface: only the
/// sockets that are ready are serviced). Other threads submit requests through a locked queue
/// and wake the thread through an eventfd only when it is asleep.
///
/// Limitation: one thread per client, so one client moves at most about one core's worth of
/// requests (libcurl spends some 10-15 µs of CPU on each); use several clients beyond that.
///
/// `@unchecked Sendable`: `queue` is a `Mutex`; every other mutable property is used only by the
/// loop thread once `init` has returned.
final class CurlEventLoop: @unchecked Sendable {
    let configuration: HTTPClientConfiguration
    let multi: UnsafeMutableRawPointer
    let epollFD: Int32
    let wakeFD: Int32
    private let queue = Mutex(CommandQueue())
    private var thread = pthread_t()
    let defaultTimeoutMillis: Int

    // Loop-thread state.
    private var draining: [LoopCommand] = []
    private var idle: [Transfer] = []
    private var active: [UInt64: Transfer] = [:]
    var repetitions: [UInt64: Repetition] = [:]
    var sockets: [SocketWatch] = []
    var timerDeadlineMillis: Int64?

    private static let globalInit = curl_global_init(Int(CURL_GLOBAL_ALL))
    /// Idle transfers kept for reuse: about twice the transfers running, between these bounds.
    /// Each holds a libcurl handle and its 16 KiB receive buffer (about 20 KiB), so a burst of
    /// thousands of requests must not leave thousands of idle ones behind for the whole run.
    private static let minIdleTransfers = 256
    private static let maxIdleTransfers = 4096

    init(configuration: HTTPClientConfiguration) throws(HTTPClientError) {
        guard Self.globalInit == CURLE_OK, let multi = curl_multi_init() else {
            throw HTTPClientError("libcurl could not be initialised (curl_global_init failed)")
        }
        let epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        let wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard epollFD >= 0, wakeFD >= 0 else {
            let reason = String(cString: strerror(errno))
            curl_multi_cleanup(multi)
            throw HTTPClientError("the HTTP client's event loop could not start: \(reason)")
        }
        self.configuration = configuration
        self.multi = multi
        self.epollFD = epollFD
        self.wakeFD = wakeFD
        defaultTimeoutMillis = configuration.requestTimeout.roundedUpMilliseconds
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.fd = wakeFD
        epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, &event)
        configureMulti()
        try startThread()
    }

    /// Queues a request; its continuation is resumed on the loop thread when it ends. When the
    /// calling task is already cancelled or the loop stopped, it is resumed at once.
    func submit(
        id: UInt64, request: HTTPRequest, continuation: UnsafeContinuation<HTTPResult, Never>
    ) {
        guard let refusal = enqueueFromTask(.submit(id, request, continuation)) else { return }
        let message = "\(request.method) \(request.url): \(refusal)"
        continuation.resume(returning: .failure(HTTPFailure(kind: .other, message: message)))
    }

    /// Queues a repetition; its continuation is resumed on the loop thread when every lane has
    /// ended, or at once when the calling task is already cancelled or the loop stopped.
    func begin(_ repetition: Repetition) {
        guard enqueueFromTask(.repeatRequest(repetition)) != nil else { return }
        repetition.continuation.resume()
    }

    /// Queues a command on behalf of the calling task, waking the loop thread if it sleeps.
    /// Returns why it was refused (the task is cancelled, the loop stopped), or `nil`.
    private func enqueueFromTask(_ command: LoopCommand) -> String? {
        enum Outcome { case queued, wake, cancelled, stopped }
        let outcome: Outcome = queue.withLock { queue in
            // Checked under the lock so that a cancel command always follows its submission.
            if queue.stopped { return .stopped }
            if Task.isCancelled { return .cancelled }
            queue.pending.append(command)
            defer { queue.sleeping = false }
            return queue.sleeping ? .wake : .queued
        }
        switch outcome {
        case .queued: return nil
        case .wake:
            wake()
            return nil
        case .cancelled: return "cancelled"
        case .stopped: return "the HTTP client was shut down"
        }
    }

    /// Abandons a request if it is still running; its result becomes a cancellation failure.
    func cancel(id: UInt64) {
        enqueue(command: .cancel(id))
    }

    /// Queues a command, waking the loop thread if it sleeps; false once the loop has stopped.
    @discardableResult
    func enqueue(command: LoopCommand) -> Bool {
        let (accepted, mustWake) = queue.withLock { queue in
            guard !queue.stopped else { return (false, false) }
            queue.pending.append(command)
            defer { queue.sleeping = false }
            return (true, queue.sleeping)
        }
        if mustWake { wake() }
        return accepted
    }

    /// Ends every running request with a failure, stops the thread and waits for it.
    func stop() {
        let first = queue.withLock { queue in
            defer { queue.stopped = true }
            return !queue.stopped
        }
        guard first else { return }
        wake()
        if pthread_equal(pthread_self(), thread) == 0 {
            pthread_join(thread, nil)
        }
    }

    private func wake() {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, MemoryLayout<UInt64>.size)
    }

    private func startThread() throws(HTTPClientError) {
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(
            &thread, nil,
            { context in
                let loop = Unmanaged<CurlEventLoop>.fromOpaque(context!).takeRetainedValue()
                loop.run()
                return nil
            }, context)
        guard status == 0 else {
            Unmanaged<CurlEventLoop>.fromOpaque(context).release()
            throw HTTPClientError("the HTTP client's thread could not start: error \(status)")
        }
    }

    private func run() {
        var events = [epoll_event](repeating: epoll_event(), count: 256)
        while drainCommands() {
            fireTimerIfDue()
            collectFinished()
            guard prepareToSleep() else { continue }
            let count = events.withUnsafeMutableBufferPointer { buffer in
                epoll_wait(epollFD, buffer.baseAddress, Int32(buffer.count), pollTimeoutMillis())
            }
            for index in 0..<Int(max(count, 0)) {
                service(events[index])
            }
            fireTimerIfDue()
            collectFinished()
        }
        tearDown()
    }

    /// Runs the queued commands; false once the loop must stop.
    private func drainCommands() -> Bool {
        let stopped = queue.withLock { queue in
            queue.sleeping = false
            swap(&queue.pending, &draining)
            return queue.stopped
        }
        for command in draining {
            switch command {
            case .submit(let id, let request, let continuation):
                start(id: id, request: request, continuation: continuation)
            case .cancel(let id):
                guard let transfer = active[id] else { continue }
                curl_multi_remove_handle(multi, transfer.easy)
                complete(transfer, transfer.abandon(kind: .other, cause: "cancelled"))
            case .repeatRequest(let repetition):
                start(repetition)
            case .cancelRepetition(let id):
                repetitions[id].map { abandon($0, cause: "cancelled") }
            case .wakeRepetitions:
                wakeRepetitions()
            }
        }
        draining.removeAll(keepingCapacity: true)
        return !stopped
    }

    private func prepareToSleep() -> Bool {
        queue.withLock { queue in
            guard queue.pending.isEmpty, !queue.stopped else { return false }
            queue.sleeping = true
            return true
        }
    }

    private func start(
        id: UInt64, request: HTTPRequest, continuation: UnsafeContinuation<HTTPResult, Never>
    ) {
        guard let transfer = takeTransfer() else {
            let message = "\(request.method) \(request.url): libcurl could not create a handle"
            continuation.resume(returning: .failure(HTTPFailure(kind: .other, message: message)))
            return
        }
        transfer.prepare(request, defaultTimeoutMillis: defaultTimeoutMillis)
        transfer.id = id
        transfer.continuation = continuation
        active[id] = transfer
        let code = curl_multi_add_handle(multi, transfer.easy)
        if code != CURLM_OK {
            let cause = String(cString: curl_multi_strerror(code))
            complete(transfer, transfer.abandon(kind: .other, cause: cause))
        }
    }

    /// Hands the result of every transfer libcurl has finished to its caller.
    func collectFinished() {
        var easy: UnsafeMutableRawPointer?
        var code = CURLE_OK
        while sartor_curl_multi_next_done(multi, &easy, &code) != 0, let handle = easy {
            var context: UnsafeMutableRawPointer?
            sartor_curl_easy_getinfo_pointer(handle, CURLINFO_PRIVATE, &context)
            let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
            curl_multi_remove_handle(multi, handle)
            if let repetition = transfer.repetition {
                finishRepeated(transfer, code, of: repetition)
            } else {
                complete(transfer, transfer.finish(code))
            }
        }
    }

    /// Returns a transfer no request uses any more to the idle pool, within its limit.
    func release(_ transfer: Transfer) {
        let idleLimit = min(max(Self.minIdleTransfers, 2 * active.count), Self.maxIdleTransfers)
        if idle.count < idleLimit {
            idle.append(transfer)
        } else if idle.count > idleLimit {
            // After a burst: give back one more each time, so the pool shrinks as load falls.
            idle.removeLast()
        }
    }

    /// An idle transfer, or a new one; `nil` when libcurl cannot create a handle.
    func takeTransfer() -> Transfer? {
        idle.popLast() ?? makeTransfer()
    }

    private func complete(_ transfer: Transfer, _ result: HTTPResult) {
        active[transfer.id] = nil
        let continuation = transfer.continuation
        transfer.continuation = nil
        release(transfer)
        continuation?.resume(returning: result)
    }

    private func tearDown() {
        for transfer in Array(active.values) {
            curl_multi_remove_handle(multi, transfer.easy)
            complete(
                transfer, transfer.abandon(kind: .other, cause: "the HTTP client was shut down"))
        }
        for repetition in Array(repetitions.values) {
            abandon(repetition, cause: "the HTTP client was shut down")
        }
        // Submissions that raced with `stop` are already resumed by `submit`; none are left.
        idle.removeAll()
        curl_multi_cleanup(multi)
        close(epollFD)
        close(wakeFD)
    }
}

/// The client could not be set up (libcurl, epoll or the thread failed to start).
public struct HTTPClientError: Error, CustomStringConvertible, Sendable {
    public var description: String

    init(_ description: String) { self.description = description }
}
