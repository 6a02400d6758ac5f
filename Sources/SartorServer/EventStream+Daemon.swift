import CMicroHTTPDShim

extension EventStream {
    /// What the reader found when it looked for the next bytes.
    private enum Next {
        case copied(Int)
        case item(Item)
        case finished(Int)
    }

    /// Binds the stream to the connection that will carry it (daemon thread, before queueing).
    func attach(to connection: ConnectionHandle) {
        withState { $0.connection = connection }
    }

    /// Copies up to `capacity` bytes into `destination`. Returns the count, -1 at the end of
    /// the stream, -2 after an overflow, or 0 after suspending the connection until a producer
    /// queues more (the MHD content reader contract).
    func read(into destination: UnsafeMutableRawPointer, capacity: Int) -> Int {
        while true {
            let next = withState { state -> Next in
                if state.currentOffset < state.current.count {
                    return .copied(Self.copy(&state, into: destination, capacity: capacity))
                }
                if state.nextItem < state.items.count {
                    let item = state.items[state.nextItem]
                    state.nextItem += 1
                    if state.nextItem == state.items.count {
                        state.items.removeAll(keepingCapacity: true)
                        state.nextItem = 0
                    }
                    return .item(item)
                }
                if state.overflowed { return .finished(-2) }
                if state.closed { return .finished(-1) }
                guard let connection = state.connection else { return .finished(-2) }
                state.suspended = true
                MHD_suspend_connection(connection.pointer)
                return .finished(0)
            }
            switch next {
            case .copied(let count), .finished(let count):
                return count
            case .item(let item):
                let bytes: [UInt8]
                switch item {
                case .bytes(let ready): bytes = ready
                case .deferred(let encode): bytes = encode()
                }
                withState { state in
                    state.current = bytes
                    state.currentOffset = 0
                }
            }
        }
    }

    private static func copy(
        _ state: inout State, into destination: UnsafeMutableRawPointer, capacity: Int
    ) -> Int {
        let count = min(state.current.count - state.currentOffset, capacity)
        state.current.withUnsafeBytes { source in
            destination.copyMemory(
                from: source.baseAddress! + state.currentOffset, byteCount: count)
        }
        state.currentOffset += count
        return count
    }

    /// Called once when MHD frees the response: the connection is gone or finished.
    func detach() {
        let actions = withState { state -> [@Sendable () -> Void] in
            state.closed = true
            state.detached = true
            state.connection = nil
            state.suspended = false
            state.items.removeAll()
            defer { state.detachActions = [] }
            return state.detachActions
        }
        for action in actions { action() }
    }
}
