import CMicroHTTPDShim
import Synchronization

/// One `text/event-stream` response: producers append events from any thread, the daemon
/// drains them into the socket, and an idle stream suspends its connection instead of
/// occupying a server thread.
///
/// Thread-safety: all state is under `state`; `MHD_suspend_connection` runs while it is held,
/// so a producer that sees `suspended` knows the suspension has happened and may resume.
public final class EventStream: Sendable {
    private struct State {
        var buffer: [UInt8] = []
        var readOffset = 0
        var connection: ConnectionHandle?
        var suspended = false
        var closed = false
        var overflowed = false
        var detached = false
        var detachActions: [@Sendable () -> Void] = []
    }

    /// Bytes a slow client may leave unread before the stream is cut.
    let maxBufferedBytes: Int
    private let state = Mutex(State())

    /// A stream that holds at most `maxBufferedBytes` unread bytes.
    init(maxBufferedBytes: Int = 16 << 20) {
        self.maxBufferedBytes = maxBufferedBytes
    }

    /// Queues one event (`event: name`, `data: payload`, blank line). Ignored once closed.
    public func send(event name: String, data payload: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count + payload.utf8.count + 16)
        bytes.append(contentsOf: "event: ".utf8)
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: "\ndata: ".utf8)
        bytes.append(contentsOf: payload.utf8)
        bytes.append(contentsOf: "\n\n".utf8)
        let resume = state.withLock { state -> ConnectionHandle? in
            guard !state.closed else { return nil }
            if state.buffer.count - state.readOffset + bytes.count > maxBufferedBytes {
                state.overflowed = true
                state.closed = true
            } else {
                state.buffer.append(contentsOf: bytes)
            }
            return Self.takeResume(&state)
        }
        if let resume { MHD_resume_connection(resume.pointer) }
    }

    /// Ends the stream after what is queued has been sent.
    public func close() {
        let resume = state.withLock { state -> ConnectionHandle? in
            state.closed = true
            return Self.takeResume(&state)
        }
        if let resume { MHD_resume_connection(resume.pointer) }
    }

    /// Whether the stream has been closed (by the server or because the client was too slow).
    public var isClosed: Bool { state.withLock { $0.closed } }

    /// Adds an action run once when the connection lets go of the stream (client gone, stream
    /// closed, or server stopped): typically removing the database listener. Runs at once if
    /// the stream has already detached.
    public func onDetach(_ action: @escaping @Sendable () -> Void) {
        let detached = state.withLock { state -> Bool in
            guard !state.detached else { return true }
            state.detachActions.append(action)
            return false
        }
        if detached { action() }
    }

    private static func takeResume(_ state: inout State) -> ConnectionHandle? {
        guard state.suspended, let connection = state.connection else { return nil }
        state.suspended = false
        return connection
    }
}

extension EventStream {
    /// Binds the stream to the connection that will carry it (daemon thread, before queueing).
    func attach(to connection: ConnectionHandle) {
        state.withLock { $0.connection = connection }
    }

    /// Copies up to `capacity` queued bytes into `destination`. Returns the count, -1 at the end
    /// of the stream, -2 after an overflow, or 0 after suspending the connection until a
    /// producer has more (MHD content reader contract).
    func read(into destination: UnsafeMutableRawPointer, capacity: Int) -> Int {
        state.withLock { state in
            let available = state.buffer.count - state.readOffset
            if available > 0 {
                let count = min(available, capacity)
                state.buffer.withUnsafeBytes { source in
                    destination.copyMemory(
                        from: source.baseAddress! + state.readOffset, byteCount: count)
                }
                state.readOffset += count
                if state.readOffset == state.buffer.count {
                    state.buffer.removeAll(keepingCapacity: true)
                    state.readOffset = 0
                }
                return count
            }
            if state.overflowed { return -2 }
            if state.closed { return -1 }
            guard let connection = state.connection else { return -2 }
            state.suspended = true
            MHD_suspend_connection(connection.pointer)
            return 0
        }
    }

    /// Called once when MHD frees the response: the connection is gone or finished.
    func detach() {
        let actions = state.withLock { state -> [@Sendable () -> Void] in
            state.closed = true
            state.detached = true
            state.connection = nil
            state.suspended = false
            defer { state.detachActions = [] }
            return state.detachActions
        }
        for action in actions { action() }
    }
}
