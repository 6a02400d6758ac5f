import Synchronization

/// An asynchronous HTTP/1.1 and HTTP/2 client on libcurl's multi interface.
///
/// One thread (or `eventLoops` threads) per client runs every transfer; `send` suspends the calling task on a
/// continuation, so thousands of requests can be in flight without a thread each. Connections
/// are kept alive and reused, HTTP/2 is negotiated over TLS and multiplexed, and certificates are
/// verified unless the configuration says otherwise. Safe to use from any task or thread.
///
/// Cost per request: one queue append under a lock, an eventfd write only when the loop thread
/// sleeps, and no allocation in the client beyond the result (and the body, when kept).
public final class HTTPClient: Sendable {
    public let configuration: HTTPClientConfiguration
    private let loops: [CurlEventLoop]
    private let lastID = Atomic<UInt64>(0)

    /// Starts the loop thread. Throws when libcurl, epoll or the thread cannot be set up.
    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration())
        throws(HTTPClientError)
    {
        self.configuration = configuration
        // Each loop owns its share of the connections.
        let count = max(configuration.eventLoops, 1)
        var perLoop = configuration
        perLoop.maxConnections = (configuration.maxConnections + count - 1) / count
        var loops: [CurlEventLoop] = []
        for _ in 0..<count {
            do {
                loops.append(try CurlEventLoop(configuration: perLoop))
            } catch {
                loops.forEach { $0.stop() }
                throw error
            }
        }
        self.loops = loops
    }

    deinit {
        loops.forEach { $0.stop() }
    }

    /// Sends one request and waits for its end. Never throws: a request that gets no complete
    /// response returns a failure classified by kind, naming the URL and the cause. Any status
    /// is a response; see `requiringSuccessStatus()`. Cancelling the task abandons the request.
    public func send(_ request: HTTPRequest) async -> HTTPResult {
        let id = lastID.wrappingAdd(1, ordering: .relaxed).newValue
        let loop = loops[Int(id % UInt64(loops.count))]
        return await withTaskCancellationHandler {
            await withUnsafeContinuation { continuation in
                loop.submit(id: id, request: request, continuation: continuation)
            }
        } onCancel: {
            loop.cancel(id: id)
        }
    }

    /// Fails every running request, closes every connection and stops the thread. Later calls
    /// to `send` fail at once. Called by `deinit` too; calling it twice is harmless.
    public func shutdown() {
        loops.forEach { $0.stop() }
    }
}
