import Foundation
import Testing

@testable import SartorServer

@Suite("Limits")
struct LimitTests {
    @Test func aHalfRequestIsDroppedAfterTheConnectionTimeout() throws {
        let server = try echoServer { $0.connectionTimeout = .seconds(1) }
        defer { server.stop() }
        let headersOnly = try RawConnection(port: server.port)
        try headersOnly.send("GET /a.json HTTP/1.1\r\nHost: x\r\n")
        let halfBody = try RawConnection(port: server.port)
        try halfBody.send("PUT /a.json HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\":")
        #expect(headersOnly.closedByServer(within: .seconds(4)))
        #expect(halfBody.closedByServer(within: .seconds(1)))
        #expect(try request(server.port, "GET", "/a.json").status == 200)
    }

    @Test func connectionsBeyondTheLimitWaitForAFreeSlot() throws {
        let server = try echoServer { $0.maxConnections = 4 }
        defer { server.stop() }
        var held = try (0..<4).map { _ in try RawConnection(port: server.port) }
        for connection in held {
            #expect(try connection.exchange("GET", "/a.json").status == 200)
        }
        let extra = try RawConnection(port: server.port)
        try extra.send("GET /extra.json HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(!extra.fill(timeout: .milliseconds(500)))
        #expect(try held[3].exchange("GET", "/b.json").status == 200)

        held.removeAll()
        #expect(try extra.readResponse().text == "GET /extra.json [] ")
    }

    @Test func aChunkedBodyIsAssembled() throws {
        let server = try echoServer()
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        try connection.send(
            "PUT /c.json HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\n{\"a\r\n4\r\n\":1}\r\n0\r\n\r\n")
        let reply = try connection.readResponse()
        #expect(reply.text == "PUT /c.json [] {\"a\":1}")
    }

    @Test func aChunkedBodyOverTheLimitClosesTheConnection() throws {
        let server = try echoServer { $0.maxBodyBytes = 16 }
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        try connection.send(
            "PUT /c.json HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "20\r\n" + String(repeating: "x", count: 32) + "\r\n")
        #expect(connection.closedByServer(within: .seconds(2)))
        #expect(try request(server.port, "GET", "/a.json").status == 200)
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let server = try echoServer()
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        try connection.send(
            (0..<5).map { "GET /p\($0).json HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
        for index in 0..<5 {
            #expect(try connection.readResponse().text == "GET /p\(index).json [] ")
        }
    }
}
