import CCurlShim
import Synchronization

/// An asynchronous HTTP/1.1 and HTTP/2 client on libcurl's multi interface.
///
/// One thread per client runs every transfer; `send` suspends the calling task on a
/// continuation, so thousands of requests can be in flight without a thread each. Connections
/// are kept alive and reused, HTTP/2 is negotiated over TLS and multiplexed, and certificates are
/// verified unless the configuration says otherwise. Safe to use from any task or thread.
///
/// Cost per request: one queue append under a lock, an eventfd write only when the loop thread
/// sleeps, and no allocation in the client beyond the result (and the body, when kept). To keep
/// N connections busy with one request, `repeatedly` is cheaper still: it stays on the loop
/// thread, with no task switch per request.
public final class HTTPClient: Sendable {
    public let configuration: HTTPClientConfiguration
    let loop: CurlEventLoop
    /// Repetitions of plain `http://` URLs, which run on threads of their own (see
    /// `repeatedly`), so that `wakeRepetitions` and `shutdown` reach them.
    let plainRepetitions = Mutex(PlainRepetitions())
    private let lastID = Atomic<UInt64>(0)

    /// Starts the loop thread. Throws when libcurl, epoll or the thread cannot be set up.
    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration())
        throws(HTTPClientError)
    {
        self.configuration = configuration
        loop = try CurlEventLoop(configuration: configuration)
    }

    deinit {
        loop.stop()
    }

    /// Sends one request and waits for its end. Never throws: a request that gets no complete
    /// response returns a failure classified by kind, naming the URL and the cause. Any status
    /// is a response; see `requiringSuccessStatus()`. Cancelling the task abandons the request.
    public func send(_ request: HTTPRequest) async -> HTTPResult {
        let id = nextID()
        let loop = loop
        return await withTaskCancellationHandler {
            await withUnsafeContinuation { continuation in
                loop.submit(id: id, request: request, continuation: continuation)
            }
        } onCancel: {
            loop.cancel(id: id)
        }
    }

    /// The version of the libcurl the client runs on, such as `7.88.1`.
    public static var libcurlVersion: String {
        String(cString: sartor_curl_version_number())
    }

    /// A new request (or repetition) identifier.
    func nextID() -> UInt64 {
        lastID.wrappingAdd(1, ordering: .relaxed).newValue
    }

    /// Fails every running request, closes every connection and stops the thread. Later calls
    /// to `send` fail at once. Called by `deinit` too; calling it twice is harmless.
    public func shutdown() {
        let running = plainRepetitions.withLock { repetitions in
            repetitions.stopped = true
            return Array(repetitions.running.values)
        }
        for repetition in running { repetition.stop(cause: "the HTTP client was shut down") }
        loop.stop()
    }
}

/// The plain-HTTP repetitions of one client.
struct PlainRepetitions {
    var stopped = false
    var running: [UInt64: PlainRepetition] = [:]
}
