import Foundation
import Testing

@testable import SartorServer

@Suite("Event streams")
struct StreamingTests {
    static let accept = [("Accept", "text/event-stream")]

    func openStream(_ server: EmbeddedServer, _ path: String) throws -> RawConnection {
        let connection = try RawConnection(port: server.port)
        try connection.send(
            "GET \(path) HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        let head = try connection.readHead()
        #expect(head.status == 200)
        #expect(head.headers["content-type"] == "text/event-stream")
        return connection
    }

    @Test func initialPutThenPutAndPatchEventsForChangesBelow() throws {
        let server = try rtdbServer()
        defer { server.stop() }
        _ = try request(server.port, "PUT", "/room.json", body: "{\"a\":1}")
        let stream = try openStream(server, "/room.json")
        let initial = try stream.readStream(until: "\n\n")
        #expect(initial.contains("event: put\ndata: {\"path\":\"/\",\"data\":{\"a\":1}}\n\n"))

        _ = try request(server.port, "PUT", "/room/b.json", body: "{\"c\":true}")
        let put = try stream.readStream(until: "\n\n")
        #expect(put.contains("event: put\ndata: {\"path\":\"/b\",\"data\":{\"c\":true}}"))

        _ = try request(server.port, "PATCH", "/room.json", body: "{\"a\":2,\"d\":\"x\"}")
        let patch = try stream.readStream(until: "\n\n")
        #expect(
            patch.contains("event: patch\ndata: {\"path\":\"/\",\"data\":{\"a\":2,\"d\":\"x\"}}"))

        _ = try request(server.port, "PUT", "/elsewhere.json", body: "1")
        _ = try request(server.port, "DELETE", "/room/a.json")
        let delete = try stream.readStream(until: "\n\n")
        #expect(delete.contains("event: put\ndata: {\"path\":\"/a\",\"data\":null}"))
        #expect(!delete.contains("elsewhere"))
    }

    @Test func aStreamWithPrintPrettyOpensAndRepeatedParametersAreRefused() throws {
        let server = try rtdbServer()
        defer { server.stop() }
        let stream = try openStream(server, "/pretty.json?print=pretty")
        #expect(try stream.readStream(until: "\n\n").contains("event: put"))
        let repeated = try request(
            server.port, "GET", "/pretty.json?print=pretty&print=silent", headers: Self.accept)
        #expect(repeated.status == 400)
        #expect(repeated.text.contains("Repeating query parameter 'print' is not supported."))
    }

    @Test func anEmptyLocationStartsWithNullAndManyListenersRunAtOnce() throws {
        let server = try rtdbServer()
        defer { server.stop() }
        let streams = try (0..<40).map { _ in try openStream(server, "/many.json") }
        for stream in streams {
            #expect(try stream.readStream(until: "\n\n").contains("{\"path\":\"/\",\"data\":null}"))
        }
        #expect(server.statistics.openStreams == 40)
        _ = try request(server.port, "PUT", "/many.json", body: "7")
        for stream in streams {
            #expect(try stream.readStream(until: "\n\n").contains("\"data\":7"))
        }
    }

    @Test func keepAlivesFlowAndAGoneClientIsCleanedUp() throws {
        let server = try rtdbServer { $0.keepAliveInterval = .milliseconds(200) }
        defer { server.stop() }
        var stream: RawConnection? = try openStream(server, "/k.json")
        _ = try stream?.readStream(until: "\n\n")
        let keepAlive = try stream?.readStream(until: "event: keep-alive\ndata: null\n\n")
        #expect(keepAlive != nil)
        #expect(server.database.listenerCount == 1)

        stream = nil
        let deadline = ContinuousClock.now + .seconds(3)
        while server.database.listenerCount > 0, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(server.database.listenerCount == 0)
        #expect(server.statistics.openStreams == 0)
    }

    @Test func aRefusedStreamGetsTheRTDBError() throws {
        let server = try rtdbServer { $0.secret = "k" }
        defer { server.stop() }
        let denied = try request(server.port, "GET", "/a.json", headers: Self.accept)
        #expect(denied.status == 401)
        let badPath = try request(server.port, "GET", "/a$.json?auth=k", headers: Self.accept)
        #expect(badPath.status == 400)
        let allowed = try openStream(server, "/a.json?auth=k")
        #expect(try allowed.readStream(until: "\n\n").contains("event: put"))
    }

    @Test func stoppingTheServerEndsOpenStreams() throws {
        let server = try rtdbServer()
        let stream = try openStream(server, "/s.json")
        _ = try stream.readStream(until: "\n\n")
        server.stop()
        #expect(stream.closedByServer(within: .seconds(2)))
        #expect(server.database.listenerCount == 0)
    }
}
