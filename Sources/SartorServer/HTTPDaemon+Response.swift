import CMicroHTTPDShim
import Synchronization

extension HTTPDaemon {
    /// Queues `reply` on `connection` and reports it to the hooks.
    func send(
        _ reply: Reply, for request: IncomingRequest, on connection: ConnectionHandle,
        since started: ContinuousClock.Instant
    ) -> MHD_Result {
        let status: Int
        let bodyBytes: Int
        let result: MHD_Result
        switch reply {
        case .response(let response):
            status = response.status
            bodyBytes = response.body.count
            result = queue(response, on: connection)
        case .stream(let stream):
            status = 200
            bodyBytes = 0
            result = queue(stream, on: connection)
        }
        hooks.responded(
            ResponseRecord(
                method: request.method, rawPath: request.rawPath, rawQuery: request.rawQuery,
                status: status,
                bodyBytes: bodyBytes, elapsed: started.duration(to: .now)))
        return result
    }

    private func queue(_ response: OutgoingResponse, on connection: ConnectionHandle)
        -> MHD_Result
    {
        guard let made = makeResponse(sending: response.body) else { return .NO }
        for (name, value) in response.headers {
            _ = MHD_add_response_header(made, name, value)
        }
        let result = MHD_queue_response(connection.pointer, UInt32(response.status), made)
        MHD_destroy_response(made)
        return result
    }

    /// A response that sends `body` without copying it: a large body (a whole collection)
    /// is handed to libmicrohttpd with a box that keeps the array alive until it is sent.
    private func makeResponse(sending body: [UInt8]) -> OpaquePointer? {
        guard body.count >= Self.ownedBodyThreshold else {
            return body.withUnsafeBytes { bytes in
                MHD_create_response_from_buffer(
                    bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                    .RESPMEM_MUST_COPY)
            }
        }
        let box = ResponseBody(body)
        let context = Unmanaged.passRetained(box).toOpaque()
        guard
            let made = MHD_create_response_from_buffer_with_free_callback_cls(
                box.count, box.start, responseBodyReleased, context)
        else {
            responseBodyReleased(context)
            return nil
        }
        return made
    }

    /// Bodies at least this large are sent from the array itself instead of a copy.
    static let ownedBodyThreshold = 16 << 10

    private func queue(_ stream: EventStream, on connection: ConnectionHandle) -> MHD_Result {
        stream.attach(to: connection)
        guard streams.add(stream) else {
            stream.detach()
            return queue(.serviceStopping, on: connection)
        }
        let context = Unmanaged.passRetained(stream).toOpaque()
        guard
            let made = MHD_create_response_from_callback(
                UInt64.max, 4096, streamReader, context, streamReleased)
        else {
            streamReleased(context)
            return .NO
        }
        _ = MHD_add_response_header(made, "Content-Type", "text/event-stream")
        _ = MHD_add_response_header(made, "Cache-Control", "no-cache")
        _ = MHD_add_response_header(made, "Access-Control-Allow-Origin", "*")
        let result = MHD_queue_response(connection.pointer, 200, made)
        MHD_destroy_response(made)
        return result
    }
}

private let streamReader: MHD_ContentReaderCallback = { context, _, buffer, capacity in
    guard let context, let buffer else { return -2 }
    let stream = Unmanaged<EventStream>.fromOpaque(context).takeUnretainedValue()
    return stream.read(into: buffer, capacity: capacity)
}

private let streamReleased: MHD_ContentReaderFreeCallback = { context in
    guard let context else { return }
    let stream = Unmanaged<EventStream>.fromOpaque(context).takeRetainedValue()
    stream.detach()
}

/// A response body kept alive while libmicrohttpd sends it.
///
/// `start` points into the array's heap storage: the array is never mutated and lives as long
/// as the box, so the storage (and the pointer) stay put. Immutable, hence `Sendable`.
private final class ResponseBody: Sendable {
    let bytes: [UInt8]
    let count: Int
    nonisolated(unsafe) let start: UnsafeMutableRawPointer?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        count = bytes.count
        start = bytes.withUnsafeBytes { UnsafeMutableRawPointer(mutating: $0.baseAddress) }
    }
}

private let responseBodyReleased: MHD_ContentReaderFreeCallback = { context in
    guard let context else { return }
    Unmanaged<ResponseBody>.fromOpaque(context).release()
}

/// The event streams currently attached to connections, so that the server can send keep-alives
/// to all and close all on stop.
///
/// Thread-safety: the set is under a `Mutex`; once closed, no stream is admitted.
final class StreamRegistry: Sendable {
    private struct State {
        var streams: [ObjectIdentifier: EventStream] = [:]
        var closed = false
    }
    private let state = Mutex(State())

    /// Registers `stream` until it detaches; false once `closeAll()` has run.
    func add(_ stream: EventStream) -> Bool {
        let added = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.streams[ObjectIdentifier(stream)] = stream
            return true
        }
        guard added else { return false }
        stream.onDetach { [weak self, id = ObjectIdentifier(stream)] in
            self?.state.withLock { _ = $0.streams.removeValue(forKey: id) }
        }
        return true
    }

    /// The number of open streams.
    var count: Int { state.withLock { $0.streams.count } }

    /// Sends `event` with `data` to every open stream.
    func broadcast(event: String, data: String) {
        for stream in state.withLock({ Array($0.streams.values) }) {
            stream.send(event: event, data: data)
        }
    }

    /// Closes every stream and admits no more.
    func closeAll() {
        let all = state.withLock { state -> [EventStream] in
            state.closed = true
            return Array(state.streams.values)
        }
        for stream in all { stream.close() }
    }
}

extension OutgoingResponse {
    /// An error in RTDB's format: pretty-printed `{"error": message}` with a trailing newline.
    static func rtdbError(status: Int, message: String) -> OutgoingResponse {
        var escaped = ""
        for scalar in message.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        let body = "{\n  \"error\" : \"\(escaped)\"\n}\n"
        return OutgoingResponse(
            status: status,
            headers: [
                ("Content-Type", "application/json; charset=utf-8"),
                ("Access-Control-Allow-Origin", "*"), ("Cache-Control", "no-cache"),
            ],
            body: Array(body.utf8))
    }

    /// 413 for a request body over the limit.
    static let payloadTooLarge = rtdbError(status: 413, message: "Payload is too large")

    /// 503 for a stream requested while the server shuts down.
    static let serviceStopping = rtdbError(
        status: 503, message: "The server is shutting down; try again later.")
}
