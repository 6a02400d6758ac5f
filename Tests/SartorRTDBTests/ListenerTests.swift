import Synchronization
import Testing

@testable import SartorRTDB

/// Collects the encoded events a listener receives.
final class EventLog: Sendable {
    private let events = Mutex<[String]>([])

    func append(_ event: StreamEvent) {
        let text = String(decoding: event.encoded(), as: UTF8.self)
        events.withLock { $0.append(text) }
    }

    var texts: [String] { events.withLock { $0 } }
}

@Suite struct ListenerTests {
    func listen(_ db: Harness, _ path: String) -> (EventLog, ListenerID) {
        let log = EventLog()
        let id = db.database.listen(path: DatabasePath(validating: path)!) { log.append($0) }
        return (log, id)
    }

    func event(_ kind: String, _ path: String, _ data: String) -> String {
        "event: \(kind)\ndata: {\"path\":\"\(path)\",\"data\":\(data)}\n\n"
    }

    @Test func initialPutCarriesTheWholeValue() {
        let db = Harness()
        db.send("PUT", "/a.json", #"{"b":1}"#)
        let (log, _) = listen(db, "/a")
        let (empty, _) = listen(db, "/none")
        #expect(log.texts == [event("put", "/", #"{"b":1}"#)])
        #expect(empty.texts == [event("put", "/", "null")])
    }

    @Test func changesBelowAboveAndBesideTheListenedPath() {
        let db = Harness()
        let (log, _) = listen(db, "/a/b")
        db.send("PUT", "/a/b/c.json", "1")
        db.send("PUT", "/a.json", #"{"b":{"d":2},"x":3}"#)
        db.send("PUT", "/z.json", "9")
        db.send("DELETE", "/a/b.json")
        #expect(
            log.texts == [
                event("put", "/", "null"), event("put", "/c", "1"),
                event("put", "/", #"{"d":2}"#), event("put", "/", "null"),
            ])
    }

    @Test func patchesAreRelativeToTheListenedPath() {
        let db = Harness()
        let (root, _) = listen(db, "/")
        let (inside, _) = listen(db, "/u/alan")
        let (beside, _) = listen(db, "/v")
        db.send("PATCH", "/u.json", #"{"alan/nick":"x","grace":{"a":1}}"#)
        db.send("PATCH", "/u.json", #"{"alan":{"n":2}}"#)
        #expect(
            root.texts.dropFirst() == [
                event("patch", "/u", #"{"alan/nick":"x","grace":{"a":1}}"#),
                event("patch", "/u", #"{"alan":{"n":2}}"#),
            ])
        #expect(
            inside.texts.dropFirst() == [
                event("patch", "/", #"{"nick":"x"}"#), event("put", "/", #"{"n":2}"#),
            ])
        #expect(beside.texts.count == 1)
    }

    @Test func unlistenStopsEvents() {
        let db = Harness()
        let (log, id) = listen(db, "/")
        #expect(db.database.listenerCount == 1)
        db.database.unlisten(id)
        db.send("PUT", "/a.json", "1")
        #expect(log.texts.count == 1)
        #expect(db.database.listenerCount == 0)
    }

    @Test func openStreamChecksTheRequestFirst() {
        let db = Harness(secret: "s")
        let log = EventLog()
        let denied = RTDBRequest(method: "GET", path: "/a.json")
        guard case .rejected(let response) = db.database.openStream(denied, log.append) else {
            Issue.record("stream opened without credentials")
            return
        }
        #expect(response.status == 401)
        let allowed = RTDBRequest(
            method: "GET", path: "/a.json", query: [("auth", "s")],
            headers: [("Accept", "text/event-stream")])
        #expect(allowed.wantsEventStream)
        guard case .listening = db.database.openStream(allowed, log.append) else {
            Issue.record("stream refused")
            return
        }
        #expect(log.texts == [event("put", "/", "null")])
    }

    @Test func manyWritersAndListenersSeeEveryWriteInOrder() async {
        let db = Harness()
        let logs = (0..<8).map { _ in listen(db, "/c").0 }
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for index in 0..<50 { db.send("PUT", "/c/w\(writer).json", "\(index)") }
                }
            }
        }
        for log in logs {
            #expect(log.texts.count == 201)
            let last = log.texts.filter { $0.contains("/w2") }.last
            #expect(last == event("put", "/w2", "49"))
        }
    }

    @Test func keepAliveAndCancelEvents() {
        #expect(
            String(decoding: StreamEvent.keepAlive, as: UTF8.self)
                == "event: keep-alive\ndata: null\n\n")
        #expect(
            String(decoding: StreamEvent.cancel("Permission denied"), as: UTF8.self)
                == "event: cancel\ndata: \"Permission denied\"\n\n")
    }
}
