import SartorRTDB

/// A database with a fixed clock, and shorthands to send it requests.
struct Harness {
    let database: Database

    init(secret: String? = nil, nowMillis: Int64 = 1_712_345_678_901, root: Node = Node()) {
        database = Database(
            configuration: Database.Configuration(secret: secret, nowMillis: { nowMillis }),
            root: root)
    }

    @discardableResult
    func send(
        _ method: String, _ path: String, _ body: String? = nil,
        query: [(String, String)] = [], headers: [(String, String)] = []
    ) -> RTDBResponse {
        let request = RTDBRequest(
            method: method, path: path, query: query.map { (name: $0.0, value: $0.1) },
            headers: headers.map { (name: $0.0, value: $0.1) },
            body: body.map { Array($0.utf8) } ?? [])
        return database.handle(request)
    }

    /// The compact JSON at `path`.
    func read(_ path: String, query: [(String, String)] = []) -> String {
        send("GET", path, query: query).bodyText
    }
}

func errorBody(_ message: String) -> String {
    "{\n  \"error\" : \"\(message)\"\n}\n"
}
