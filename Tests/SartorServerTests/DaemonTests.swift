import Foundation
import SartorRTDB
import Synchronization
import Testing

@testable import SartorServer

/// Echoes the request, for testing the HTTP layer without the database.
@Sendable func echo(_ request: IncomingRequest) -> Reply {
    let query = request.rawQuery.map { "\($0.name)=\($0.value ?? "-")" }
    let text =
        "\(request.method) \(request.rawPath) [\(query.joined(separator: "&"))] "
        + String(decoding: request.body, as: UTF8.self)
    return .response(OutgoingResponse(status: 200, headers: [], body: Array(text.utf8)))
}

func echoServer(_ adjust: (inout ServerConfiguration) -> Void = { _ in }) throws
    -> EmbeddedServer
{
    var configuration = ServerConfiguration()
    configuration.threadCount = 2
    adjust(&configuration)
    return try EmbeddedServer(configuration: configuration, database: Database(), respond: echo)
}

@Suite("HTTP daemon")
struct DaemonTests {
    @Test func servesOnAFreeLoopbackPortWithRawPathAndQuery() throws {
        let server = try echoServer()
        defer { server.stop() }
        #expect(server.port != 0)
        let reply = try request(server.port, "GET", "/a%2Fb/c.json?orderBy=%22%24key%22&shallow")
        #expect(reply.status == 200)
        #expect(reply.text == "GET /a%2Fb/c.json [orderBy=%22%24key%22&shallow=-] ")
    }

    @Test func keepsTheConnectionAliveAcrossRequests() throws {
        let server = try echoServer()
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        for index in 0..<50 {
            let reply = try connection.exchange("PUT", "/k\(index).json", body: "\(index)")
            #expect(reply.text == "PUT /k\(index).json [] \(index)")
        }
        #expect(server.statistics.responsesByStatus[200] == 50)
    }

    @Test func refusesADeclaredBodyOverTheLimitWith413() throws {
        let server = try echoServer { $0.maxBodyBytes = 1000 }
        defer { server.stop() }
        let reply = try request(
            server.port, "PUT", "/a.json", body: String(repeating: "x", count: 1001))
        #expect(reply.status == 413)
        #expect(reply.text == "{\n  \"error\" : \"Payload is too large\"\n}\n")
        let fits = try request(
            server.port, "PUT", "/a.json", body: String(repeating: "y", count: 1000))
        #expect(fits.status == 200)
    }

    @Test func stopReleasesThePort() throws {
        let server = try echoServer()
        let port = server.port
        server.stop()
        #expect(throws: (any Error).self) { try RawConnection(port: port) }
    }

    @Test func aBusyPortOrABadHostIsASetupError() throws {
        let server = try echoServer()
        defer { server.stop() }
        #expect {
            try echoServer { $0.port = server.port }
        } throws: { error in
            guard case .cannotListen(_, let port, _) = error as? ServerError else { return false }
            return port == server.port
        }
        #expect(throws: ServerError.invalidHost("localhost")) {
            try echoServer { $0.host = "localhost" }
        }
    }

    @Test func servesIPv6Loopback() throws {
        let server = try echoServer { $0.host = "::1" }
        defer { server.stop() }
        #expect(server.baseURL == "http://[::1]:\(server.port)")
    }

    @Test func anAccessLineKeepsTheQueryAndStaysOneLine() {
        let record = ResponseRecord(
            method: "GET", rawPath: "/a b\n.json", rawQuery: [("print", "pretty"), ("x", nil)],
            status: 400, bodyBytes: 12, elapsed: .microseconds(1500))
        #expect(record.accessLine == "GET /a%20b%0A.json?print=pretty&x 400 12B 1.5ms")
    }
}
