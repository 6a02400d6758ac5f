extension Database {
    /// Registers `handler` for the changes at and below `path`, and calls it at once with a
    /// `put` of `/` carrying the whole current value (`null` when empty).
    ///
    /// The handler runs under the database lock, in the order the writes happened: it must
    /// return quickly and must not call back into the database (queue the event and wake the
    /// connection). Events carry nodes, not bytes: call `encoded()` outside the handler.
    public func listen(
        path: DatabasePath, _ handler: @escaping @Sendable (StreamEvent) -> Void
    ) -> ListenerID {
        state.withLock { state in
            let id = state.nextListenerID
            state.nextListenerID += 1
            state.listeners[id] = ListenerEntry(path: path, handler: handler)
            handler(.put(.root, state.root.child(at: path)))
            return ListenerID(rawValue: id)
        }
    }

    /// Removes a listener; no event reaches its handler once this returns.
    public func unlisten(_ id: ListenerID) {
        _ = state.withLock { $0.listeners.removeValue(forKey: id.rawValue) }
    }

    /// Number of registered listeners.
    public var listenerCount: Int {
        state.withLock { $0.listeners.count }
    }
}

extension Database.State {
    /// Delivers `change` (already applied to `root`) to every listener it affects.
    func notify(_ change: Change) {
        for entry in listeners.values {
            if let event = event(for: change, at: entry.path) { entry.handler(event) }
        }
    }

    func event(for change: Change, at listened: DatabasePath) -> StreamEvent? {
        switch change {
        case .set(let written):
            if let relative = listened.relative(written) {
                return .put(relative, root.child(at: written))
            }
            if written.isAncestorOrSelf(of: listened) {
                return .put(.root, root.child(at: listened))
            }
            return nil
        case .merge(let base, let keys):
            if let relative = listened.relative(base) {
                let entries = keys.map { key in
                    (key.keys.joined(separator: "/"), root.child(at: base.appending(key)))
                }
                return StreamEvent(kind: .patch, path: relative, entries: entries)
            }
            guard base.isAncestorOrSelf(of: listened) else { return nil }
            var entries: [(key: String, node: Node)] = []
            for key in keys {
                let written = base.appending(key)
                if written.isAncestorOrSelf(of: listened) {
                    return .put(.root, root.child(at: listened))
                }
                if let relative = listened.relative(written) {
                    entries.append((relative.keys.joined(separator: "/"), root.child(at: written)))
                }
            }
            return entries.isEmpty ? nil : StreamEvent(kind: .patch, path: .root, entries: entries)
        }
    }
}
