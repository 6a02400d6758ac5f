import CMicroHTTPDShim
import Glibc

/// What the daemon needs from the application for each request.
struct DaemonHooks: Sendable {
    /// Answers a complete request. Runs on a daemon thread; must not block for long.
    var respond: @Sendable (IncomingRequest) -> Reply
    /// Extra time to hold the response (injected latency, stalls), or nil to answer at once.
    var delay: @Sendable () -> Duration?
    /// Told about every response queued, with its status and body size.
    var responded: @Sendable (ResponseRecord) -> Void
}

/// One response as seen by counters and the access log.
struct ResponseRecord: Sendable {
    var method: String
    var rawPath: String
    /// The query as received (still percent-encoded), for the access log.
    var rawQuery: [(name: String, value: String?)]
    var status: Int
    var bodyBytes: Int
    var elapsed: Duration
}

/// Limits and threading of the libmicrohttpd daemon.
struct DaemonSettings: Sendable {
    var host: String
    var port: UInt16
    var threadCount: Int
    var maxConnections: Int
    /// Whole seconds of silence before a connection is closed (MHD's granularity).
    var connectionTimeoutSeconds: Int
    var maxBodyBytes: Int
}

/// The libmicrohttpd front end: owns the daemon, reads requests, queues responses, suspends
/// connections for delays and idle event streams.
///
/// `@unchecked Sendable`: `daemon` is written only by `start`/`stop`, which the owner calls
/// once each from one thread; everything else is immutable or has its own lock.
final class HTTPDaemon: @unchecked Sendable {
    let settings: DaemonSettings
    let hooks: DaemonHooks
    let scheduler = ResumeScheduler()
    let streams = StreamRegistry()
    private var daemon: OpaquePointer?

    init(settings: DaemonSettings, hooks: DaemonHooks) {
        self.settings = settings
        self.hooks = hooks
    }

    /// Binds, listens and starts the worker threads. Returns the bound port.
    func start() throws(ServerError) -> UInt16 {
        var port: UInt16 = 0
        let fd = sartor_listen_socket(settings.host, settings.port, 1024, &port)
        if fd == -EINVAL { throw .invalidHost(settings.host) }
        if fd < 0 {
            throw .cannotListen(
                host: settings.host, port: settings.port, reason: String(cString: strerror(-fd)))
        }

        var options = sartor_mhd_options()
        options.flags =
            MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue
            | MHD_ALLOW_SUSPEND_RESUME.rawValue | MHD_USE_TURBO.rawValue
        options.listen_fd = fd
        options.thread_pool_size = UInt32(max(1, settings.threadCount))
        // Limitation: connections over the limit are not refused: MHD stops accepting, so they
        // wait in the kernel's listen backlog until a slot frees.
        options.connection_limit = UInt32(max(1, settings.maxConnections))
        // Limitation: the timeout counts silence, so a client that trickles a byte at a time
        // keeps its connection; the connection limit bounds what such clients can hold.
        options.connection_timeout_s = UInt32(max(0, settings.connectionTimeoutSeconds))
        options.connection_memory_limit = 64 << 10
        options.handler = daemonAccessHandler
        options.handler_context = Unmanaged.passUnretained(self).toOpaque()
        options.completed = daemonRequestCompleted
        options.completed_context = nil
        guard let started = sartor_mhd_start(&options) else {
            close(fd)
            throw .cannotListen(
                host: settings.host, port: settings.port, reason: "libmicrohttpd refused to start")
        }
        daemon = started
        return port
    }

    /// Ends every stream and delay, then stops the daemon and closes its socket. Idempotent.
    func stop() {
        streams.closeAll()
        scheduler.stop()
        guard let running = daemon else { return }
        daemon = nil
        MHD_stop_daemon(running)
    }

    deinit { stop() }
}
