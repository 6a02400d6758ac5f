/// Settings shared by every request of one `HTTPClient`.
public struct HTTPClientConfiguration: Sendable {
    /// Open connections at most, over all hosts; requests beyond wait for a free one.
    public var maxConnections: Int
    /// Open connections at most to one host; 0 means only `maxConnections` applies.
    public var maxConnectionsPerHost: Int
    /// Deadline for a whole request when the request sets none.
    public var requestTimeout: Duration
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
        requestTimeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(10),
        prefersHTTP2: Bool = true, verifiesCertificates: Bool = true, caBundlePath: String? = nil,
        userAgent: String = "sartor-load"
    ) {
        self.maxConnections = maxConnections
        self.maxConnectionsPerHost = maxConnectionsPerHost
        self.requestTimeout = requestTimeout
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
