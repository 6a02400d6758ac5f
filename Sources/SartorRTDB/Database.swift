import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An in-memory Realtime Database: REST semantics as a pure function of a request.
///
/// Thread-safe: one mutex guards the tree, the push-id generator and the listeners. Every
/// check-and-write (if-match, increments, multi-path updates) happens under it. Reads take the
/// node under the lock and serialize it after releasing the lock; nodes are copy-on-write.
public final class Database: Sendable {
    public struct Configuration: Sendable {
        /// When set, every request must carry this secret (`auth=`, `access_token=` or
        /// `Authorization: Bearer`); `Bearer owner` is accepted too, as by the emulator.
        public var secret: String?
        /// Wall-clock milliseconds since the Unix epoch, for timestamps and push ids.
        public var nowMillis: @Sendable () -> Int64

        public init(
            secret: String? = nil, nowMillis: @escaping @Sendable () -> Int64 = systemMillis
        ) {
            self.secret = secret
            self.nowMillis = nowMillis
        }
    }

    struct State {
        var root = Node()
        var pushIDs = PushIDGenerator()
        var listeners: [Int: ListenerEntry] = [:]
        var nextListenerID = 1
    }

    public let configuration: Configuration
    let state: Mutex<State>

    public init(configuration: Configuration = Configuration(), root: Node = Node()) {
        self.configuration = configuration
        var initial = State()
        initial.root = root
        self.state = Mutex(initial)
    }

    /// The whole tree at this instant (cheap: nodes are copy-on-write).
    public var root: Node {
        state.withLock { $0.root }
    }

    /// The node at `path` at this instant.
    public func node(at path: DatabasePath) -> Node {
        state.withLock { $0.root.child(at: path) }
    }

    /// Replaces the node at `path` and notifies listeners, outside any request.
    public func set(_ node: Node, at path: DatabasePath) {
        state.withLock { state in
            state.root.set(node, at: path)
            state.notify(.set(path))
        }
    }
}

/// Milliseconds since the Unix epoch from the system's real-time clock.
@Sendable public func systemMillis() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
}
