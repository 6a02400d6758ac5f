extension Database {
    /// The whole tree in Firebase's JSON export format (priorities as `.priority`/`.value`,
    /// integer-keyed objects kept as objects); `null` for an empty database. Taken under the
    /// lock, serialized after it.
    public func exportJSON(pretty: Bool = false) -> [UInt8] {
        root.json(RenderOptions(pretty: pretty, export: true))
    }

    /// Replaces the whole tree with `root` and tells every listener.
    public func replaceRoot(_ root: Node) {
        set(root, at: .root)
    }

    /// Parses a tree in Firebase's JSON export format (or plain JSON), with the same key,
    /// depth and string rules as writes; server values are refused, and so is a file without
    /// any JSON (an empty database is exported as `null`).
    public static func importTree(_ bytes: [UInt8]) throws(RTDBError) -> Node {
        let request = RTDBRequest(method: "PUT", path: "/.json", body: bytes)
        let value: JSONValue
        do {
            value = try Database().parseBody(request, patch: false)
        } catch {
            if error == .noData { throw .emptyExport }
            throw error
        }
        do {
            return try Node.normalizing(value, at: .root, resolver: nil)
        } catch {
            if error == .needsServerValues { throw .unrecognizedServerValue }
            throw error
        }
    }
}
