import CMicroHTTPDShim
import Synchronization

/// One `text/event-stream` response: producers queue events from any thread, the daemon
/// drains them into the socket, and an idle stream suspends its connection instead of
/// occupying a server thread.
///
/// Thread-safety: all state is under `state`; `MHD_suspend_connection` runs while it is held,
/// so a producer that sees `suspended` knows the suspension has happened and may resume.
/// Only the connection's daemon thread reads, so encoding a deferred event runs outside the
/// lock without racing another reader.
public final class EventStream: Sendable {
    /// A queued event: bytes ready to send, or an encoder run by the daemon thread (so that a
    /// producer holding the database lock never pays for serialization).
    enum Item {
        case bytes([UInt8])
        case deferred(@Sendable () -> [UInt8])
    }

    struct State {
        var items: [Item] = []
        var nextItem = 0
        var current: [UInt8] = []
        var currentOffset = 0
        var connection: ConnectionHandle?
        var suspended = false
        var closed = false
        var overflowed = false
        var detached = false
        var detachActions: [@Sendable () -> Void] = []
    }

    /// Events a slow client may leave unsent before the stream is cut.
    let maxQueuedEvents: Int
    private let state = Mutex(State())

    /// A stream that queues at most `maxQueuedEvents` unsent events.
    init(maxQueuedEvents: Int = 100_000) {
        self.maxQueuedEvents = maxQueuedEvents
    }

    /// Queues one event (`event: name`, `data: payload`, blank line).
    public func send(event name: String, data payload: String) {
        send(bytes: Array("event: \(name)\ndata: \(payload)\n\n".utf8))
    }

    /// Queues bytes that already form whole events. Ignored once closed.
    public func send(bytes: [UInt8]) { enqueue(.bytes(bytes)) }

    /// Queues an event encoded later on the daemon thread by `encode`. Ignored once closed.
    public func send(deferred encode: @escaping @Sendable () -> [UInt8]) {
        enqueue(.deferred(encode))
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

    private func enqueue(_ item: Item) {
        let resume = state.withLock { state -> ConnectionHandle? in
            guard !state.closed else { return nil }
            if state.items.count - state.nextItem >= maxQueuedEvents {
                state.overflowed = true
                state.closed = true
            } else {
                state.items.append(item)
            }
            return Self.takeResume(&state)
        }
        if let resume { MHD_resume_connection(resume.pointer) }
    }

    func withState<Result>(_ body: (inout State) -> Result) -> Result {
        state.withLock { body(&$0) }
    }

    private static func takeResume(_ state: inout State) -> ConnectionHandle? {
        guard state.suspended, let connection = state.connection else { return nil }
        state.suspended = false
        return connection
    }
}
