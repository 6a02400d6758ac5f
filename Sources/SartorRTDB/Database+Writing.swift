extension Database {
    private enum WriteOutcome {
        case written(Node)
        case preconditionFailed(Node, etag: String)
    }

    /// PUT: replace the value (or priority); `if-match` checked under the same lock.
    func put(_ target: RequestTarget, _ request: RTDBRequest, _ options: RequestOptions)
        throws(RTDBError) -> RTDBResponse
    {
        let ifMatch = try request.ifMatch()
        if ifMatch != nil && options.print == .silent {
            throw .unsupported("Combining print=silent and if-match")
        }
        let value = try parseBody(request, patch: false)
        let path = target.path
        let prepared = target.isPriority ? nil : try prepare(value, at: path)
        let now = configuration.nowMillis()
        let outcome = try state.withLock { state throws(RTDBError) -> WriteOutcome in
            if let ifMatch {
                let current = state.root.child(at: path)
                let etag = ETag.of(current)
                if etag != ifMatch { return .preconditionFailed(current, etag: etag) }
            }
            if target.isPriority {
                let priority = try Node.normalizingPriority(
                    value, at: path, resolver: ServerValueResolver(nowMillis: now, root: state.root)
                )
                state.root.setPriority(priority, at: path.keys[...])
            } else {
                let node = try prepared.orResolving(value, path, now, state.root)
                state.root.set(node, at: path)
            }
            state.notify(.set(path))
            return .written(state.root.child(at: path))
        }
        return respond(outcome, target, request, options)
    }

    /// DELETE: remove the value (or priority); `if-match` checked under the same lock.
    func delete(_ target: RequestTarget, _ request: RTDBRequest, _ options: RequestOptions)
        throws(RTDBError) -> RTDBResponse
    {
        let ifMatch = try request.ifMatch()
        if ifMatch != nil && options.print == .silent {
            throw .unsupported("Combining print=silent and if-match")
        }
        let path = target.path
        let outcome = state.withLock { state -> WriteOutcome in
            if let ifMatch {
                let current = state.root.child(at: path)
                let etag = ETag.of(current)
                if etag != ifMatch { return .preconditionFailed(current, etag: etag) }
            }
            if target.isPriority {
                state.root.setPriority(nil, at: path.keys[...])
            } else {
                state.root.set(.empty, at: path)
            }
            state.notify(.set(path))
            return .written(target.isPriority ? state.root.child(at: path) : .empty)
        }
        return respond(outcome, target, request, options)
    }

    private func respond(
        _ outcome: WriteOutcome, _ target: RequestTarget, _ request: RTDBRequest,
        _ options: RequestOptions
    ) -> RTDBResponse {
        switch outcome {
        case .preconditionFailed(let current, let etag):
            return .json(412, current.json(options.render), etag: etag)
        case .written(let node):
            let shown = target.isPriority ? node.priority.map { Node($0) } ?? .empty : node
            let etag = request.wantsETag ? ETag.of(node) : nil
            return success(shown.json(options.render), options, etag: etag)
        }
    }

    /// POST: store the body under a new push id; answer `{"name": id}`.
    func post(_ target: RequestTarget, _ request: RTDBRequest, _ options: RequestOptions)
        throws(RTDBError) -> RTDBResponse
    {
        if request.header("if-match") != nil { throw .unsupported("if-match on POST") }
        if target.isPriority { throw .invalidPath }
        guard target.path.keys.count < KeyRules.maximumDepth else { throw .tooDeep }
        let value = try parseBody(request, patch: false)
        // A stand-in as long as a push id, so that key-path limits see the real lengths.
        let placeholder = String(repeating: "-", count: 20)
        let prepared = try prepare(value, at: target.path.appending(placeholder))
        let now = configuration.nowMillis()
        let (name, node) = try state.withLock { state throws(RTDBError) -> (String, Node) in
            let name = state.pushIDs.next(nowMillis: now)
            let path = target.path.appending(name)
            let node = try prepared.orResolving(value, path, now, state.root)
            state.root.set(node, at: path)
            state.notify(.set(path))
            return (name, node)
        }
        var writer = JSONWriter(pretty: options.print == .pretty)
        writer.beginObject()
        writer.writeKey("name")
        writer.writeString(name)
        writer.endObject(empty: false)
        return success(writer.bytes, options, etag: request.wantsETag ? ETag.of(node) : nil)
    }
}

extension Database {
    /// Parses a write body; RTDB's messages for bad JSON, bad keys and missing data.
    func parseBody(_ request: RTDBRequest, patch: Bool) throws(RTDBError) -> JSONValue {
        guard request.body.contains(where: { $0 > 0x20 }) else { throw .noData }
        do {
            return try request.body.withUnsafeBufferPointer { buffer throws(JSONParseError) in
                var parser = JSONParser(buffer, keyCheck: .database(topLevelPaths: patch))
                return try parser.parseDocument()
            }
        } catch {
            switch error.reason {
            case .invalidKey: throw .invalidKey(line: error.line, column: error.column)
            case .tooDeep: throw .tooDeep
            case .syntax: throw patch ? .invalidPatchData : .invalidData
            }
        }
    }

    /// The node for `value` when it holds no server value (outside the lock), else nil.
    func prepare(_ value: JSONValue, at path: DatabasePath) throws(RTDBError) -> Node? {
        do {
            return try Node.normalizing(value, at: path, resolver: nil)
        } catch {
            if error == .needsServerValues { return nil }
            throw error
        }
    }
}

extension Node? {
    /// The prepared node, or `value` normalized with its server values resolved against `root`
    /// (under the lock).
    func orResolving(_ value: JSONValue, _ path: DatabasePath, _ now: Int64, _ root: Node)
        throws(RTDBError) -> Node
    {
        if let self { return self }
        let resolver = ServerValueResolver(nowMillis: now, root: root)
        return try Node.normalizing(value, at: path, resolver: resolver)
    }
}
