/// One header line of a request or a response, as sent or received (no case folding).
public struct HTTPHeader: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Parses `Name: value` (as given to `-H`); `nil` when there is no colon or no name.
    public init?(parsing line: String) {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[..<colon].trimmingSpaces()
        guard !name.isEmpty else { return nil }
        self.name = name
        self.value = line[line.index(after: colon)...].trimmingSpaces()
    }
}

/// Which response headers a request keeps. Parsing headers costs a little per request, so by
/// default none are kept; ask for the few you need (such as `ETag`).
public enum HeaderCapture: Hashable, Sendable {
    case none
    /// Headers with these names, compared without regard to case.
    case named([String])
    case all
}

/// One HTTP request. Cheap to copy; the client never mutates it.
public struct HTTPRequest: Sendable {
    /// An HTTP method token such as `GET`, `PUT`, `PATCH`, `POST`, `DELETE` or `HEAD`.
    public var method: String
    /// An absolute `http://` or `https://` URL.
    public var url: String
    /// Extra headers sent as given. The client adds `Host`, `Accept: */*`, `User-Agent` and,
    /// with a body, `Content-Length`; it never adds a `Content-Type` on its own.
    public var headers: [HTTPHeader]
    /// The request body, or `nil` for none. An empty body is sent as `Content-Length: 0`.
    public var body: [UInt8]?
    /// The deadline for the whole exchange, counted from when the client hands it to libcurl;
    /// `nil` uses the client's `requestTimeout`. Time spent queued for a free transfer is
    /// bounded by the client's `queueTimeout` instead.
    public var timeout: Duration?
    /// When false the response body is counted but not stored, to save memory.
    public var keepsBody: Bool
    public var capturedHeaders: HeaderCapture
    /// Receives the response body instead of the response (whose body is then empty).
    public var bodyConsumer: (any ResponseBodyConsumer)?

    public init(
        method: String = "GET", url: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil,
        timeout: Duration? = nil, keepsBody: Bool = true, capturedHeaders: HeaderCapture = .none,
        bodyConsumer: (any ResponseBodyConsumer)? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.keepsBody = keepsBody
        self.capturedHeaders = capturedHeaders
        self.bodyConsumer = bodyConsumer
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        // `\r\n` is one Character, which `isWhitespace` covers.
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}

extension String {
    func trimmingSpaces() -> String { self[...].trimmingSpaces() }
}
