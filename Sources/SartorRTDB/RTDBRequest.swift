/// One REST request as the server received it.
public struct RTDBRequest: Sendable {
    /// The HTTP method as sent (`GET`, `PUT`, ...); overrides are applied by the database.
    public var method: String
    /// The raw path as received, percent-encoded, without the query string: `/users/a.json`.
    public var path: String
    /// Query items, already percent-decoded, in order.
    public var query: [(name: String, value: String)]
    /// Headers with lower-cased names; use `header(_:)` to read them.
    public private(set) var headers: [String: String]
    public var body: [UInt8]

    public init(
        method: String, path: String, query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [], body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.headers = [:]
        for (name, value) in headers { self.headers[name.lowercased()] = value }
    }

    /// The value of a header, the name compared without case.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    public mutating func setHeader(_ name: String, _ value: String) {
        headers[name.lowercased()] = value
    }

    /// The value of the last query item called `name`.
    public func queryValue(_ name: String) -> String? {
        query.last(where: { $0.name == name })?.value
    }

    /// True when the client asks for a stream (`Accept: text/event-stream`).
    public var wantsEventStream: Bool {
        header("accept")?.contains("text/event-stream") ?? false
    }
}

/// The answer to an `RTDBRequest`.
public struct RTDBResponse: Sendable, Equatable {
    public var status: Int
    /// Header names in canonical case, in the order they should be sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func == (lhs: RTDBResponse, rhs: RTDBResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body
            && lhs.headers.elementsEqual(rhs.headers, by: { $0 == $1 })
    }

    /// The value of a header, the name compared without case.
    public func header(_ name: String) -> String? {
        headers.first(where: { $0.name.lowercased() == name.lowercased() })?.value
    }

    /// The body as text (for tests and logs).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    static let standardHeaders: [(name: String, value: String)] = [
        ("Content-Type", "application/json; charset=utf-8"),
        ("Cache-Control", "no-cache"),
        ("Access-Control-Allow-Origin", "*"),
    ]

    /// A JSON response with RTDB's headers.
    static func json(_ status: Int, _ body: [UInt8], etag: String? = nil) -> RTDBResponse {
        var headers = standardHeaders
        if let etag { headers.append(("ETag", etag)) }
        return RTDBResponse(status: status, headers: headers, body: body)
    }

    static func error(_ error: RTDBError) -> RTDBResponse {
        json(error.status, error.body)
    }

    /// The plain-text hint for a request without `.json`.
    static let missingJSONSuffix = RTDBResponse(
        status: 403,
        headers: [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Cache-Control", "no-cache"),
            ("Access-Control-Allow-Origin", "*"),
        ],
        body: Array("append .json to your request URI to use the REST API.".utf8))
}
