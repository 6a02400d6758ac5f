import SartorRTDB

/// One HTTP request as the daemon read it off the wire, before any RTDB interpretation.
///
/// The path and the query are exactly as the client sent them (no percent-decoding), so that the
/// database can refuse an encoded slash inside a key.
struct IncomingRequest: Sendable {
    /// The request method as sent (`GET`, `PUT`, ...).
    var method: String
    /// The path without the query, still percent-encoded.
    var rawPath: String
    /// Query arguments in order, still percent-encoded; `nil` value for a bare `?flag`.
    var rawQuery: [(name: String, value: String?)]
    /// Header fields in order of arrival, names as sent.
    var headers: [(name: String, value: String)]
    /// The complete upload body (empty when there is none).
    var body: [UInt8]

    /// The first value of header `name`, compared case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveEquals(name) }?.value
    }
}

/// A complete response the daemon sends in one piece: the database's own response type.
typealias OutgoingResponse = RTDBResponse

/// What the application answers to a request: a whole response, or a stream it keeps feeding.
enum Reply: Sendable {
    case response(OutgoingResponse)
    case stream(EventStream)
}

extension String {
    /// ASCII case-insensitive equality, enough for HTTP field names.
    func caseInsensitiveEquals(_ other: String) -> Bool {
        let left = utf8
        let right = other.utf8
        guard left.count == right.count else { return false }
        return zip(left, right).allSatisfy { a, b in
            a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A)
        }
    }
}
