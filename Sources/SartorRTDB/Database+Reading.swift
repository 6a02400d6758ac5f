extension Database {
    /// GET: the value (or its priority), shaped by `shallow`, a query or `format=export`; ETags
    /// on request and `If-None-Match` → 304. Serialization happens outside the lock.
    func get(_ target: RequestTarget, _ request: RTDBRequest, _ options: RequestOptions)
        throws(RTDBError) -> RTDBResponse
    {
        if request.header("if-match") != nil { throw .unsupported("if-match on GET") }
        let ifNoneMatch = request.header("if-none-match").map(RTDBRequest.unquoted)
        let wantsETag = request.wantsETag || ifNoneMatch != nil
        if options.shallow && wantsETag { throw .unsupported("Combining ETags and shallow") }

        var node = state.withLock { $0.root.child(at: target.path) }
        if target.isPriority { node = node.priority.map { Node($0) } ?? .empty }

        let etag = wantsETag ? ETag.of(node) : nil
        if let ifNoneMatch, ifNoneMatch == etag {
            var headers = RTDBResponse.standardHeaders
            headers.removeFirst()
            headers.append(("ETag", ifNoneMatch))
            return RTDBResponse(status: 304, headers: headers)
        }
        var response = success(render(node, options), options, etag: etag)
        if options.print != .silent { decorate(&response, options) }
        return response
    }

    func render(_ node: Node, _ options: RequestOptions) -> [UInt8] {
        guard !node.children.isEmpty, options.shallow || options.query != nil else {
            return node.json(options.render)
        }
        var writer = JSONWriter(pretty: options.print == .pretty, capacity: 1024)
        if options.shallow {
            let keys =
                options.query.map { $0.evaluate(node).map(\.key) }
                ?? KeyOrder.sortedKeys(node.children)
            writer.beginObject()
            for key in keys {
                writer.writeKey(key)
                writer.writeBool(true)
            }
            writer.endObject(empty: keys.isEmpty)
            return writer.bytes
        }
        let survivors = options.query!.evaluate(node)
        let result = Node(children: Dictionary(uniqueKeysWithValues: survivors))
        if options.export || result.arraySlots() == nil {
            writer.writeObject(survivors, export: options.export)
        } else {
            writer.write(result, export: false)
        }
        return writer.bytes
    }

    /// JSONP (`callback`) and `download` on a successful GET.
    private func decorate(_ response: inout RTDBResponse, _ options: RequestOptions) {
        if let callback = options.callback {
            response.body = Array("\(callback)(".utf8) + response.body + Array(");".utf8)
            response.headers[0] = ("Content-Type", "application/javascript; charset=utf-8")
        }
        if let download = options.download {
            let name = download.filter { $0 != "\"" && $0 != "\r" && $0 != "\n" }
            response.headers.append(
                ("Content-Disposition", "attachment; filename=\"\(name)\""))
        }
    }
}
