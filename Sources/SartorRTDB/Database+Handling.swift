extension Database {
    /// Answers one REST request: routing, parameters, auth, then the method's semantics.
    /// Never throws; every refusal is an `RTDBResponse` in RTDB's format.
    public func handle(_ request: RTDBRequest) -> RTDBResponse {
        let target: RequestTarget
        switch RequestTarget.parse(request.path) {
        case .success(let parsed): target = parsed
        case .failure(let failure): return failure.response
        }
        do {
            let options = try RequestOptions(request.query)
            try authorize(request, options)
            return try dispatch(method(of: request, options), target, request, options)
        } catch {
            return .error(error)
        }
    }

    /// The method after `X-HTTP-Method-Override` (header or query parameter) on a POST.
    func method(of request: RTDBRequest, _ options: RequestOptions) -> String {
        let sent = request.method.uppercased()
        guard sent == "POST" else { return sent }
        if let override = request.header("x-http-method-override") { return override.uppercased() }
        return options.methodOverride ?? sent
    }

    private func dispatch(
        _ method: String, _ target: RequestTarget, _ request: RTDBRequest,
        _ options: RequestOptions
    ) throws(RTDBError) -> RTDBResponse {
        switch method {
        case "GET", "HEAD": return try get(target, request, options)
        case "PUT": return try put(target, request, options)
        case "POST": return try post(target, request, options)
        case "PATCH": return try patch(target, request, options)
        case "DELETE": return try delete(target, request, options)
        case "OPTIONS":
            var response = RTDBResponse.json(200, [])
            response.headers.append(
                ("Access-Control-Allow-Methods", "GET, PUT, POST, PATCH, DELETE, OPTIONS"))
            response.headers.append(
                (
                    "Access-Control-Allow-Headers",
                    request.header("access-control-request-headers")
                        ?? "Content-Type, Authorization, X-Firebase-ETag, If-Match, If-None-Match"
                ))
            return response
        default:
            throw RTDBError(status: 405, message: "Method \(method) is not supported.")
        }
    }

    /// Without a configured secret everything is open; with one, the request must carry it.
    func authorize(_ request: RTDBRequest, _ options: RequestOptions) throws(RTDBError) {
        guard let secret = configuration.secret else { return }
        if options.credentials.contains(secret) { return }
        if let authorization = request.header("authorization") {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2 && parts[0].lowercased() == "bearer"
                && (parts[1] == secret || parts[1] == "owner")
            {
                return
            }
        }
        throw .permissionDenied
    }

    /// A successful body with the request's `print` option applied.
    func success(_ body: @autoclosure () -> [UInt8], _ options: RequestOptions, etag: String?)
        -> RTDBResponse
    {
        if options.print == .silent {
            var response = RTDBResponse.json(204, [], etag: etag)
            response.headers.removeFirst()
            return response
        }
        return .json(200, body(), etag: etag)
    }
}

extension RTDBRequest {
    /// `X-Firebase-ETag: true` was sent.
    var wantsETag: Bool {
        header("x-firebase-etag")?.lowercased() == "true"
    }

    /// The `if-match` ETag, unquoted; a list is refused.
    func ifMatch() throws(RTDBError) -> String? {
        guard let value = header("if-match") else { return nil }
        if value.contains(",") { throw .multipleETags }
        return Self.unquoted(value)
    }

    static func unquoted(_ value: String) -> String {
        let trimmed = value.trimmingSpaces
        if trimmed.count >= 2 && trimmed.hasPrefix("\"") && trimmed.hasSuffix("\"") {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
