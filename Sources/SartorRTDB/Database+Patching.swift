extension Database {
    /// PATCH: every top-level key is a relative path; all are applied atomically, `null`
    /// deletes, nested objects replace. Ancestor/descendant keys are refused; `{}` is a no-op.
    func patch(_ target: RequestTarget, _ request: RTDBRequest, _ options: RequestOptions)
        throws(RTDBError) -> RTDBResponse
    {
        if request.wantsETag { throw .unsupported("X-Firebase-ETag on PATCH") }
        if request.header("if-match") != nil { throw .unsupported("if-match on PATCH") }
        if target.isPriority { throw .invalidPath }
        guard case .object(let members) = try parseBody(request, patch: true) else {
            throw .invalidPatchData
        }
        var entries: [(key: String, relative: DatabasePath, value: JSONValue, node: Node?)] = []
        for (key, value) in members {
            guard let relative = DatabasePath(validating: key) else { throw .invalidPatchData }
            let path = target.path.appending(relative)
            guard path.byteCount <= KeyRules.maximumKeyBytes else { throw .pathTooLong }
            entries.append((key, relative, value, try prepare(value, at: path)))
        }
        entries.sort { $0.relative.keys.lexicographicallyPrecedes($1.relative.keys) }
        for index in entries.indices.dropFirst()
        where entries[index - 1].relative.isAncestorOrSelf(of: entries[index].relative) {
            throw .overlappingPaths
        }

        let now = configuration.nowMillis()
        let written = try state.withLock { state throws(RTDBError) -> [(String, Node)] in
            var nodes: [(String, Node)] = []
            for entry in entries {
                let path = target.path.appending(entry.relative)
                let node = try entry.node.orResolving(entry.value, path, now, state.root)
                nodes.append((entry.key, node))
            }
            for (entry, (_, node)) in zip(entries, nodes) {
                state.root.set(node, at: target.path.appending(entry.relative))
            }
            if !entries.isEmpty {
                state.notify(.merge(base: target.path, keys: entries.map(\.relative)))
            }
            return nodes
        }
        var writer = JSONWriter(pretty: options.print == .pretty)
        writer.writeObject(written, export: options.export)
        return success(writer.bytes, options, etag: nil)
    }
}
