/// Settings shared by every request of one `HTTPClient`.
public struct HTTPClientConfiguration: Sendable {
    /// Open connections at most, over all hosts, and requests handed to libcurl at most (over
    /// HTTP/2 several requests share a connection, yet no more than this many run at once).
    /// Requests beyond wait in the client's own queue, oldest first, where a waiting request
    /// costs about 100 bytes instead of a libcurl handle and its receive buffer (some 20 KiB).
    /// Lanes of `HTTPClient.repeatedly` are not counted: each runs on a transfer of its own.
    public var maxConnections: Int
    /// Open connections at most to one host; 0 means only `maxConnections` applies.
    public var maxConnectionsPerHost: Int
    /// Deadline for a request when the request sets none, counted from when its transfer
    /// starts (connecting, sending and receiving), not from when it was queued.
    public var requestTimeout: Duration
    /// How long a request may wait in the queue for a free transfer (see `maxConnections`)
    /// before it fails as a timeout without being sent. So a request ends at the latest
    /// `queueTimeout` plus its own timeout after `send` is called.
    public var queueTimeout: Duration
    /// Deadline for opening a connection (TCP and TLS).
    public var connectTimeout: Duration
    /// Offer HTTP/2 through TLS ALPN and multiplex requests on it; plain `http://` stays 1.1.
    public var prefersHTTP2: Bool
    /// Verify the server certificate and host name over HTTPS. Keep on except in tests.
    public var verifiesCertificates: Bool
    /// A PEM bundle of trusted CAs; `nil` uses the system bundle.
    public var caBundlePath: String?
    public var userAgent: String

    public init(
        maxConnections: Int = 64, maxConnectionsPerHost: Int = 0,
        requestTimeout: Duration = .seconds(30), queueTimeout: Duration = .seconds(30),
        connectTimeout: Duration = .seconds(10),
        prefersHTTP2: Bool = true, verifiesCertificates: Bool = true, caBundlePath: String? = nil,
        userAgent: String = "sartor-load"
    ) {
        self.maxConnections = maxConnections
        self.maxConnectionsPerHost = maxConnectionsPerHost
        self.requestTimeout = requestTimeout
        self.queueTimeout = queueTimeout
        self.connectTimeout = connectTimeout
        self.prefersHTTP2 = prefersHTTP2
        self.verifiesCertificates = verifiesCertificates
        self.caBundlePath = caBundlePath
        self.userAgent = userAgent
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so that a short positive duration never becomes 0.
    var roundedUpMilliseconds: Int {
        let (seconds, attoseconds) = components
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(clamping: max(millis, 0))
    }
}
