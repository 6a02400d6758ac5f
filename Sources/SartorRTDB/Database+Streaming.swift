/// The result of opening a stream for a request.
public enum StreamOpening: Sendable {
    /// The listener is registered; its handler has received the initial `put`.
    case listening(ListenerID)
    /// The request was refused (bad path, parameter or credentials): send this response.
    case rejected(RTDBResponse)
}

extension Database {
    /// Opens a stream for a GET with `Accept: text/event-stream`: the same routing, parameter
    /// and auth checks as `handle(_:)`, then `listen(path:_:)` on the requested location.
    ///
    /// Limitation: query parameters (`orderBy`, `limitTo*`) are accepted but do not filter the
    /// events; RTDB's own behaviour there is unconfirmed.
    public func openStream(
        _ request: RTDBRequest, _ handler: @escaping @Sendable (StreamEvent) -> Void
    ) -> StreamOpening {
        let target: RequestTarget
        switch RequestTarget.parse(request.path) {
        case .success(let parsed): target = parsed
        case .failure(let failure): return .rejected(failure.response)
        }
        do {
            let options = try RequestOptions(request.query)
            try authorize(request, options)
        } catch {
            return .rejected(.error(error))
        }
        if target.isPriority { return .rejected(.error(.invalidPath)) }
        return .listening(listen(path: target.path, handler))
    }

    /// The headers of a stream's 200 response.
    public static let streamHeaders: [(name: String, value: String)] = [
        ("Content-Type", "text/event-stream"),
        ("Cache-Control", "no-cache"),
        ("Access-Control-Allow-Origin", "*"),
    ]
}
