import CMicroHTTPDShim
import Glibc

/// Per-request state between the calls MHD makes for one request (headers, body chunks, the
/// final call, the call after a resume). Only the connection's own daemon thread touches it.
final class PendingRequest {
    var request: IncomingRequest
    let started: ContinuousClock.Instant
    /// Time still to hold the response; cleared once the connection has been suspended for it.
    var delay: Duration?
    /// Body bytes received so far, kept or not.
    var receivedBytes = 0

    init(request: IncomingRequest, started: ContinuousClock.Instant, delay: Duration?) {
        self.request = request
        self.started = started
        self.delay = delay
    }
}

/// MHD's access handler: called after the headers, once per body chunk, once more when the body
/// is complete, and again after each resume.
let daemonAccessHandler: MHD_AccessHandlerCallback = {
    context, connection, url, method, _, uploadData, uploadSize, requestContext in
    guard let context, let connection, let url, let method, let uploadSize, let requestContext
    else { return .NO }
    let daemon = Unmanaged<HTTPDaemon>.fromOpaque(context).takeUnretainedValue()
    let handle = ConnectionHandle(pointer: connection)

    guard let stored = requestContext.pointee else {
        return daemon.beginRequest(handle, url: url, method: method, context: requestContext)
    }
    if stored == bodilessRequestMark {
        return daemon.answerBodilessRequest(handle, url: url, method: method)
    }
    let pending = Unmanaged<PendingRequest>.fromOpaque(stored).takeUnretainedValue()
    if uploadSize.pointee > 0 {
        let count = uploadSize.pointee
        pending.receivedBytes += count
        uploadSize.pointee = 0
        guard pending.receivedBytes <= daemon.settings.maxBodyBytes else {
            // MHD cannot answer in the middle of an upload: drop the body and answer 413 at
            // its end, unless it runs far past the limit, then close the connection.
            pending.request.body = []
            return pending.receivedBytes - daemon.settings.maxBodyBytes <= overrunAllowance
                ? .YES : .NO
        }
        if let uploadData {
            UnsafeRawBufferPointer(start: uploadData, count: count).withMemoryRebound(
                to: UInt8.self
            ) { pending.request.body.append(contentsOf: $0) }
        }
        return .YES
    }
    return daemon.finishRequest(handle, pending: pending)
}

/// Bytes of a (chunked) body past the limit that are read and dropped so that the client gets
/// its 413; beyond this the connection is closed instead.
let overrunAllowance = 1 << 20

/// Marks a request without body or delay: it is answered on MHD's second call without any
/// per-request allocation (a response queued on the first call would close the connection).
/// `nonisolated(unsafe)`: a constant address that is compared, never dereferenced.
nonisolated(unsafe) let bodilessRequestMark = UnsafeMutableRawPointer(bitPattern: 0x5A)!

/// MHD's completion notice: releases the per-request state.
let daemonRequestCompleted: MHD_RequestCompletedCallback = { _, _, requestContext, _ in
    guard let requestContext, let stored = requestContext.pointee, stored != bodilessRequestMark
    else { return }
    Unmanaged<PendingRequest>.fromOpaque(stored).release()
    requestContext.pointee = nil
}

extension HTTPDaemon {
    /// First call for a request: refuse an oversized body, mark a body-less request without
    /// delay for a quick answer, else keep state for the following calls.
    func beginRequest(
        _ connection: ConnectionHandle, url: UnsafePointer<CChar>, method: UnsafePointer<CChar>,
        context: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        let started = ContinuousClock.now
        let declaredLength = lookupHeader(connection, "Content-Length").flatMap { Int($0) }
        let chunked = lookupHeader(connection, "Transfer-Encoding") != nil
        if let declaredLength, declaredLength > settings.maxBodyBytes {
            let request = readRequest(connection, url: url, method: method)
            return send(.response(.payloadTooLarge), for: request, on: connection, since: started)
        }
        let expectsBody = chunked || (declaredLength ?? 0) > 0
        let delay = hooks.delay()
        if !expectsBody, delay == nil {
            context.pointee = bodilessRequestMark
            return .YES
        }

        var request = readRequest(connection, url: url, method: method)
        if let declaredLength, declaredLength > 0 {
            request.body.reserveCapacity(declaredLength)
        }
        let pending = PendingRequest(request: request, started: started, delay: delay)
        context.pointee = Unmanaged.passRetained(pending).toOpaque()
        return .YES
    }

    /// Second call for a request marked by `bodilessRequestMark`: read it and answer.
    func answerBodilessRequest(
        _ connection: ConnectionHandle, url: UnsafePointer<CChar>, method: UnsafePointer<CChar>
    ) -> MHD_Result {
        let started = ContinuousClock.now
        let request = readRequest(connection, url: url, method: method)
        return send(hooks.respond(request), for: request, on: connection, since: started)
    }

    /// Final call (body complete, or resumed after a delay): suspend once for an injected delay,
    /// then answer.
    func finishRequest(_ connection: ConnectionHandle, pending: PendingRequest) -> MHD_Result {
        if pending.receivedBytes > settings.maxBodyBytes {
            return send(
                .response(.payloadTooLarge), for: pending.request, on: connection,
                since: pending.started)
        }
        if let delay = pending.delay {
            pending.delay = nil
            if scheduler.suspend(connection, until: .now + delay) { return .YES }
        }
        let reply = hooks.respond(pending.request)
        return send(reply, for: pending.request, on: connection, since: pending.started)
    }

    private func readRequest(
        _ connection: ConnectionHandle, url: UnsafePointer<CChar>, method: UnsafePointer<CChar>
    ) -> IncomingRequest {
        var request = IncomingRequest(
            method: String(cString: method), rawPath: wireText(url), rawQuery: [],
            headers: [], body: [])
        withUnsafeMutablePointer(to: &request) { pointer in
            _ = MHD_get_connection_values(
                connection.pointer, .HEADER_KIND, collectHeader, pointer)
            _ = MHD_get_connection_values(
                connection.pointer, .GET_ARGUMENT_KIND, collectArgument, pointer)
        }
        return request
    }

    private func lookupHeader(_ connection: ConnectionHandle, _ name: String) -> String? {
        MHD_lookup_connection_value(connection.pointer, .HEADER_KIND, name).map {
            String(cString: $0)
        }
    }
}

private let collectHeader: MHD_KeyValueIterator = { context, _, name, value in
    guard let context, let name else { return .YES }
    let request = context.assumingMemoryBound(to: IncomingRequest.self)
    request.pointee.headers.append((wireText(name), value.map(wireText) ?? ""))
    return .YES
}

private let collectArgument: MHD_KeyValueIterator = { context, _, name, value in
    guard let context, let name else { return .YES }
    let request = context.assumingMemoryBound(to: IncomingRequest.self)
    request.pointee.rawQuery.append((wireText(name), value.map(wireText)))
    return .YES
}

/// Bytes off the wire as text. Invalid UTF-8 is not repaired (which would turn different
/// bytes into the same U+FFFD, and store it): every non-ASCII byte is percent-encoded instead,
/// so that the database refuses such a path exactly as it refuses the same bytes sent as
/// `%XX` escapes, and a header or query value never matches what it does not equal.
func wireText(_ text: UnsafePointer<CChar>) -> String {
    if let valid = String(validatingCString: text) { return valid }
    let bytes = UnsafeRawBufferPointer(start: text, count: strlen(text))
    return percentEncoded(bytes) { $0 >= 0x80 }
}

/// `bytes` as text with each byte that `escaping` selects written as `%XX`.
func percentEncoded(_ bytes: some Sequence<UInt8>, escaping: (UInt8) -> Bool) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var encoded: [UInt8] = []
    for byte in bytes {
        if escaping(byte) {
            encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        } else {
            encoded.append(byte)
        }
    }
    return String(decoding: encoded, as: UTF8.self)
}
