/// One event of a listened location, as carried by `text/event-stream`.
///
/// `path` is relative to the listened location (`/` for the location itself). A `put`
/// replaces the value at `path` (`null` deletes); a `patch` replaces, for each entry, the
/// value at `path` + the entry's relative key path.
public struct StreamEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case put
        case patch
    }

    public let kind: Kind
    public let path: DatabasePath
    /// For `put`, a single entry with an empty key; for `patch`, relative key paths.
    public let entries: [(key: String, node: Node)]

    static func put(_ path: DatabasePath, _ node: Node) -> StreamEvent {
        StreamEvent(kind: .put, path: path, entries: [("", node)])
    }

    public static func == (lhs: StreamEvent, rhs: StreamEvent) -> Bool {
        lhs.kind == rhs.kind && lhs.path == rhs.path
            && lhs.entries.elementsEqual(rhs.entries, by: { $0 == $1 })
    }

    /// The event's `data` as a JSON value: `{"path": ..., "data": ...}`.
    public var data: JSONValue {
        let payload: JSONValue
        switch kind {
        case .put: payload = entries[0].node.jsonValue()
        case .patch:
            payload = .object(
                Dictionary(
                    entries.map { ($0.key, $0.node.jsonValue()) }, uniquingKeysWith: { $1 }))
        }
        return .object(["path": .string(path.description), "data": payload])
    }

    /// `event: <kind>\ndata: {"path":"...","data":...}\n\n`, ready to send.
    public func encoded() -> [UInt8] {
        var writer = JSONWriter(capacity: 128)
        writer.bytes.append(contentsOf: "event: \(kind.rawValue)\ndata: ".utf8)
        writer.beginObject()
        writer.writeKey("path")
        writer.writeString(path.description)
        writer.writeKey("data")
        switch kind {
        case .put: writer.write(entries[0].node, export: false)
        case .patch:
            writer.writeObject(entries.map { ($0.key, $0.node) }, export: false)
        }
        writer.endObject(empty: false)
        writer.bytes.append(contentsOf: "\n\n".utf8)
        return writer.bytes
    }

    /// The keep-alive event RTDB sends about every 30 seconds.
    public static let keepAlive: [UInt8] = Array("event: keep-alive\ndata: null\n\n".utf8)

    /// A `cancel` event with a JSON-quoted reason, sent before the server closes a stream.
    public static func cancel(_ reason: String) -> [UInt8] {
        var writer = JSONWriter()
        writer.bytes.append(contentsOf: "event: cancel\ndata: ".utf8)
        writer.writeString(reason)
        writer.bytes.append(contentsOf: "\n\n".utf8)
        return writer.bytes
    }

    /// An `auth_revoked` event, sent when the credential of a stream stops being valid.
    public static let authRevoked: [UInt8] = Array(
        "event: auth_revoked\ndata: \"credential is no longer valid\"\n\n".utf8)
}

/// Identifies one registered listener, for `Database.unlisten(_:)`.
public struct ListenerID: Sendable, Hashable {
    let rawValue: Int
}

struct ListenerEntry {
    let path: DatabasePath
    let handler: @Sendable (StreamEvent) -> Void
}

/// What a write changed, for listeners: a replaced location or a multi-path update.
enum Change {
    case set(DatabasePath)
    case merge(base: DatabasePath, keys: [DatabasePath])
}
