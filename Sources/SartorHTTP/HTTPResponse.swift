import SartorMetrics

/// The HTTP version a response came with.
public enum HTTPVersion: Hashable, Sendable {
    case http1_0, http1_1, http2, http3, unknown
}

/// A complete response. Any status counts as a response; use `statusFailure` or
/// `requiringSuccessStatus()` when a non-2xx status should count as a failure.
public struct HTTPResponse: Sendable {
    public var method: String
    public var url: String
    public var status: Int
    public var version: HTTPVersion
    /// The headers asked for by the request's `capturedHeaders`, in the order received.
    public var headers: [HTTPHeader]
    /// Empty when the request set `keepsBody` to false.
    public var body: [UInt8]
    /// Bytes of the request line, headers and body as written to the connection.
    public var bytesSent: Int
    /// Bytes of the status line, headers and body as received (the body before any decoding).
    public var bytesReceived: Int

    /// The first captured header with this name (compared without regard to case).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// `nil` for a 2xx status, otherwise an `.httpStatus` failure naming the URL.
    public var statusFailure: HTTPFailure? {
        guard !(200..<300).contains(status) else { return nil }
        return HTTPFailure(
            kind: .httpStatus(status), message: "\(method) \(url): HTTP status \(status)",
            bytesSent: bytesSent, bytesReceived: bytesReceived)
    }
}

/// A request that got no complete response, or (by the caller's choice) an unwanted status.
public struct HTTPFailure: Error, Hashable, Sendable {
    public var kind: ErrorKind
    /// Names the method, the URL and the cause, for people.
    public var message: String
    /// Bytes written and read before the failure, so traffic counters stay honest.
    public var bytesSent: Int
    public var bytesReceived: Int

    public init(kind: ErrorKind, message: String, bytesSent: Int = 0, bytesReceived: Int = 0) {
        self.kind = kind
        self.message = message
        self.bytesSent = bytesSent
        self.bytesReceived = bytesReceived
    }
}

/// What `HTTPClient.send` returns: failures are data, never thrown.
public typealias HTTPResult = Result<HTTPResponse, HTTPFailure>

extension Result where Success == HTTPResponse, Failure == HTTPFailure {
    /// Turns a non-2xx response into an `.httpStatus` failure.
    public func requiringSuccessStatus() -> Self {
        if case .success(let response) = self, let failure = response.statusFailure {
            return .failure(failure)
        }
        return self
    }

    /// Bytes sent, whether the request succeeded or not.
    public var bytesSent: Int {
        switch self {
        case .success(let response): response.bytesSent
        case .failure(let failure): failure.bytesSent
        }
    }

    /// Bytes received, whether the request succeeded or not.
    public var bytesReceived: Int {
        switch self {
        case .success(let response): response.bytesReceived
        case .failure(let failure): failure.bytesReceived
        }
    }
}
