import SartorRTDB

/// Turns wire requests into database requests, and event-stream requests into listeners.
struct RTDBFrontEnd: Sendable {
    let database: Database

    /// Answers one request from the database, or opens an event stream for a GET that accepts
    /// `text/event-stream`.
    func respond(_ incoming: IncomingRequest) -> Reply {
        let request = rtdbRequest(incoming)
        if request.wantsEventStream, request.method == "GET" {
            return stream(request)
        }
        return .response(database.handle(request))
    }

    /// The database's view of `incoming`: query names and values form-decoded.
    func rtdbRequest(_ incoming: IncomingRequest) -> RTDBRequest {
        RTDBRequest(
            method: incoming.method, path: incoming.rawPath,
            query: incoming.rawQuery.map { (formDecoded($0.name), formDecoded($0.value ?? "")) },
            headers: incoming.headers, body: incoming.body)
    }

    /// Checks the request as a plain GET (path, parameters, auth, answered exactly as RTDB
    /// would refuse them), then listens: the first event is the whole value, then every change.
    private func stream(_ request: RTDBRequest) -> Reply {
        var probe = request
        probe.setHeader("accept", "application/json")
        // The client's own print is replaced, not repeated, so that only its repeats are refused.
        if let print = probe.query.firstIndex(where: { $0.name == "print" }) {
            probe.query[print].value = "silent"
        } else {
            probe.query.append(("print", "silent"))
        }
        let check = database.handle(probe)
        guard (200..<300).contains(check.status), let path = listenedPath(request.path) else {
            return .response(check)
        }

        let stream = EventStream()
        let database = database
        let listener = database.listen(path: path) { event in
            stream.send(deferred: { event.encoded() })
        }
        stream.onDetach { database.unlisten(listener) }
        return .stream(stream)
    }

    /// The location of `/a/b.json`, segments percent-decoded; nil for `.priority` and other
    /// paths a stream cannot follow.
    private func listenedPath(_ raw: String) -> DatabasePath? {
        guard raw.hasSuffix(".json") else { return nil }
        var keys: [String] = []
        for segment in raw.dropLast(5).split(separator: "/") {
            guard let key = percentDecoded(segment, plusIsSpace: false) else { return nil }
            keys.append(key)
        }
        return DatabasePath(validating: keys.joined(separator: "/"))
    }
}

/// A query name or value decoded as a form field: `+` is a space, `%XX` a byte; malformed
/// escapes are kept as sent so the database can refuse the value itself.
func formDecoded(_ text: String) -> String {
    percentDecoded(Substring(text), plusIsSpace: true) ?? text
}

/// `%XX` escapes decoded as UTF-8; nil for a malformed escape or invalid UTF-8.
func percentDecoded(_ text: Substring, plusIsSpace: Bool) -> String? {
    let utf8 = text.utf8
    guard utf8.contains(where: { $0 == 0x25 || (plusIsSpace && $0 == 0x2B) }) else {
        return String(text)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count)
    var iterator = utf8.makeIterator()
    while let byte = iterator.next() {
        switch byte {
        case 0x25:
            guard let high = iterator.next().flatMap(hexValue),
                let low = iterator.next().flatMap(hexValue)
            else { return nil }
            bytes.append(high << 4 | low)
        case 0x2B where plusIsSpace: bytes.append(0x20)
        default: bytes.append(byte)
        }
    }
    return String(validating: bytes, as: UTF8.self)
}

private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
}
