import SartorRTDB

extension RTDBFrontEnd {
    /// The response of an injected failure of `status` for `incoming`, as RTDB would send it,
    /// or nil when RTDB could never answer that request so (the request is then served).
    ///
    /// A 412 only answers a conditional write (PUT or DELETE with `if-match`), and like a lost
    /// race it carries the current value and its ETag, read at the request's path with the
    /// request's own parameters and credentials; a request that read would refuse gets none.
    func injectedFailure(_ status: Int, for incoming: IncomingRequest) -> OutgoingResponse? {
        guard status == 412 else { return .injectedError(status: status, for: incoming) }
        guard incoming.isConditionalWrite else { return nil }
        var read = incoming
        read.method = "GET"
        read.body = []
        read.rawQuery.removeAll { $0.name == "x-http-method-override" }
        read.headers.removeAll {
            $0.name.caseInsensitiveEquals("if-match")
                || $0.name.caseInsensitiveEquals("x-http-method-override")
        }
        read.headers.append(("X-Firebase-ETag", "true"))
        let current = database.handle(rtdbRequest(read))
        guard current.status == 200, current.header("etag") != nil else { return nil }
        var failed = current
        failed.status = 412
        return failed
    }
}

extension IncomingRequest {
    /// A PUT or DELETE (after a POST's method override) with an `if-match` header: the only
    /// requests RTDB answers 412.
    var isConditionalWrite: Bool {
        guard header("if-match") != nil else { return false }
        var method = self.method.uppercased()
        if method == "POST" {
            let override = rawQuery.last { $0.name == "x-http-method-override" }?.value
            method = (header("x-http-method-override") ?? override ?? method).uppercased()
        }
        return method == "PUT" || method == "DELETE"
    }
}

extension OutgoingResponse {
    /// An injected error with RTDB's body for that status where the spec records one (the
    /// database name in 402 and 423 texts is the request's `ns`, else `default`).
    static func injectedError(status: Int, for incoming: IncomingRequest) -> OutgoingResponse {
        let name = incoming.rawQuery.last { $0.name == "ns" }?.value.map(formDecoded)
        let database = name ?? "default"
        let message: String
        switch status {
        case 401: message = "Permission denied"
        case 402:
            message =
                "The Firebase database '\(database)' has exceeded its quota limit and has been "
                + "temporarily disabled. See https://firebase.google.com/support/faq/"
                + "#database-overquota for more information."
        case 403: message = "Invalid Firebase database name"
        case 404: message = "404 Not Found"
        case 413: message = "Payload is too large"
        case 423: message = "The Firebase database '\(database)' has been deactivated."
        case 500: message = "An internal error occurred"
        case 503:
            message =
                "The specified Firebase Realtime Database is temporarily unavailable, "
                + "which means the request was not attempted."
        case 504: message = "Internal server error."
        // Limitation: RTDB has no single text for these (400 has a dozen, 429 is never seen),
        // so the body names the injected status instead.
        default: message = "Injected failure (HTTP \(status))"
        }
        return rtdbError(status: status, message: message)
    }
}
