import SartorEngine
import SartorHTTP
import SartorMetrics

/// Anything that can carry an HTTP request: the libcurl client, or a test double.
public protocol RequestSending: Sendable {
    /// Sends `request`; failures are data, never thrown.
    func send(_ request: HTTPRequest) async -> HTTPResult
}

/// The requests of the Sartor Network, each retried by the run's `RetryPolicy` and counted
/// into the operation's context (requests, retries, bytes).
///
/// A status outside 2xx is a failure unless listed in `accepting` (a claim accepts 412).
public struct RTDBSession: Sendable {
    public let sender: any RequestSending
    public let endpoint: RTDBEndpoint

    public init(sender: any RequestSending, endpoint: RTDBEndpoint) {
        self.sender = sender
        self.endpoint = endpoint
    }

    /// GET `path`; `shallow` asks for keys only, `etag` asks for the `ETag` header; a
    /// `consumer` reads the body as it arrives, and the response then carries none.
    public func get(
        _ path: String, shallow: Bool = false, etag: Bool = false,
        consumer: (any ResponseBodyConsumer)? = nil, context: inout OperationContext
    ) async -> HTTPResult {
        let query: [(name: String, value: String)] = shallow ? [("shallow", "true")] : []
        let request = HTTPRequest(
            method: "GET", url: endpoint.url(path, query: query),
            headers: etag ? [HTTPHeader(name: "X-Firebase-ETag", value: "true")] : [],
            capturedHeaders: etag ? .named(["ETag"]) : .none, bodyConsumer: consumer)
        return await send(request, accepting: [], context: &context)
    }

    /// PUT `body` at `path`; with `ifMatch` a conditional write that may answer 412.
    public func put(
        _ path: String, body: JSONValue, ifMatch: String? = nil,
        context: inout OperationContext
    ) async -> HTTPResult {
        let headers = ifMatch.map { [HTTPHeader(name: "if-match", value: $0)] } ?? []
        let request = HTTPRequest(
            method: "PUT", url: endpoint.url(path), headers: headers, body: body.canonicalBytes,
            keepsBody: ifMatch != nil)
        return await send(request, accepting: ifMatch == nil ? [] : [412], context: &context)
    }

    /// PATCH (shallow merge) `members` into the object at `path`.
    public func patch(
        _ path: String, members: [String: JSONValue], context: inout OperationContext
    ) async -> HTTPResult {
        let request = HTTPRequest(
            method: "PATCH", url: endpoint.url(path),
            body: JSONValue.object(members).canonicalBytes,
            keepsBody: false)
        return await send(request, accepting: [], context: &context)
    }

    /// Sends with retries, counting every attempt into `context`.
    func send(
        _ request: HTTPRequest, accepting: Set<Int>, context: inout OperationContext
    ) async -> HTTPResult {
        let sender = self.sender
        let endpoint = self.endpoint
        return await context.retryPolicy.run(
            context: &context, failure: Self.failureKind
        ) { context, _ in
            let result = await sender.send(request)
            context.requests += 1
            context.bytesSent += result.bytesSent
            context.bytesReceived += result.bytesReceived
            if case .success(let response) = result, accepting.contains(response.status) {
                return result
            }
            return result.requiringSuccessStatus().mapError { failure in
                var masked = failure
                masked.message = endpoint.masked(failure.message)
                return masked
            }
        }
    }

    private static func failureKind(_ result: HTTPResult) -> ErrorKind? {
        if case .failure(let failure) = result { return failure.kind }
        return nil
    }
}

extension HTTPClient: RequestSending {}
