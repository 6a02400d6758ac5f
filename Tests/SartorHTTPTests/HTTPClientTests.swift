import SartorHTTP
import SartorMetrics
import Testing

@Suite("HTTPClient against a local server")
struct HTTPClientTests {
    @Test func getReturnsStatusBodyAndExactByteCounts() async throws {
        let server = try RawServer(.respond(status: 200, body: Array("hello".utf8)))
        defer { server.stop() }
        let client = try HTTPClient()

        let response = try await client.send(HTTPRequest(url: "http://127.0.0.1:\(server.port)/a"))
            .get()

        #expect(response.status == 200)
        #expect(response.body == Array("hello".utf8))
        #expect(response.version == .http1_1)
        #expect(response.bytesSent == server.requests.map(\.byteCount).reduce(0, +))
        #expect(response.bytesReceived == server.bytesWritten.load(ordering: .relaxed))
        #expect(server.requests.first?.head.hasPrefix("GET /a HTTP/1.1\r\n") == true)
    }

    @Test func sequentialRequestsReuseOneConnection() async throws {
        let server = try RawServer(.respond(status: 200, body: Array("x".utf8)))
        defer { server.stop() }
        let client = try HTTPClient()

        for _ in 0..<20 {
            let result = await client.send(HTTPRequest(url: "http://127.0.0.1:\(server.port)/"))
            #expect(try result.get().status == 200)
        }

        #expect(server.connections.load(ordering: .relaxed) == 1)
        #expect(server.requests.count == 20)
    }

    @Test func bodyMethodAndHeadersAreSentAsGiven() async throws {
        let server = try RawServer(.respond(status: 200, body: nil))
        defer { server.stop() }
        let client = try HTTPClient()
        let url = "http://127.0.0.1:\(server.port)/tree/x.json"

        let put = HTTPRequest(
            method: "PUT", url: url, headers: [HTTPHeader(name: "X-Trace", value: "42")],
            body: Array("{\"a\":1}".utf8))
        let echoed = try await client.send(put).get()
        let get = try await client.send(HTTPRequest(url: url)).get()
        let delete = try await client.send(HTTPRequest(method: "DELETE", url: url)).get()

        #expect(echoed.body == Array("{\"a\":1}".utf8))
        #expect(get.body.isEmpty && delete.status == 200)
        let heads = server.requests.map(\.head)
        #expect(heads.count == 3)
        #expect(heads[0].hasPrefix("PUT /tree/x.json HTTP/1.1\r\n"))
        #expect(heads[0].contains("X-Trace: 42\r\n"))
        #expect(heads[0].contains("Content-Length: 7\r\n"))
        #expect(!heads[0].lowercased().contains("content-type"))
        #expect(!heads[0].lowercased().contains("expect:"))
        #expect(heads[1].hasPrefix("GET /tree/x.json HTTP/1.1\r\n"))
        #expect(!heads[1].contains("Content-Length"))
        #expect(heads[2].hasPrefix("DELETE /tree/x.json HTTP/1.1\r\n"))
    }

    @Test func capturesOnlyTheHeadersAskedFor() async throws {
        let server = try RawServer(.respond(status: 200, body: []))
        defer { server.stop() }
        let client = try HTTPClient()
        let url = "http://127.0.0.1:\(server.port)/"

        let named = try await client.send(HTTPRequest(url: url, capturedHeaders: .named(["etag"])))
            .get()
        let none = try await client.send(HTTPRequest(url: url)).get()
        let all = try await client.send(HTTPRequest(url: url, capturedHeaders: .all)).get()

        #expect(named.header("ETag") == "\"v1\"")
        #expect(named.headers.count == 1)
        #expect(none.headers.isEmpty)
        #expect(all.header("x-other") == "1" && all.header("Content-Length") == "0")
    }

    @Test func bigBodiesArriveWholeOrAreOnlyCounted() async throws {
        let payload = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let server = try RawServer(.respond(status: 200, body: payload))
        defer { server.stop() }
        let client = try HTTPClient()
        let url = "http://127.0.0.1:\(server.port)/big"

        let kept = try await client.send(HTTPRequest(url: url)).get()
        let counted = try await client.send(HTTPRequest(url: url, keepsBody: false)).get()

        #expect(kept.body == payload)
        #expect(counted.body.isEmpty)
        #expect(counted.bytesReceived > payload.count)
        #expect(counted.bytesReceived == kept.bytesReceived)
    }

    @Test func manyConcurrentRequestsShareTheConnectionLimit() async throws {
        let server = try RawServer(.respond(status: 204, body: []))
        defer { server.stop() }
        let client = try HTTPClient(configuration: HTTPClientConfiguration(maxConnections: 8))
        let url = "http://127.0.0.1:\(server.port)/"

        let statuses = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<400 {
                group.addTask { (try? await client.send(HTTPRequest(url: url)).get().status) ?? 0 }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }

        #expect(statuses.count == 400)
        #expect(statuses.allSatisfy { $0 == 204 })
        #expect(server.connections.load(ordering: .relaxed) <= 8)
        #expect(server.requests.count == 400)
    }

    @Test func nonSuccessStatusIsAResponseUntilTheCallerSaysOtherwise() async throws {
        let server = try RawServer(.respond(status: 503, body: []))
        defer { server.stop() }
        let client = try HTTPClient()
        let url = "http://127.0.0.1:\(server.port)/busy"

        let result = await client.send(HTTPRequest(url: url))

        #expect(try result.get().status == 503)
        guard case .failure(let failure) = result.requiringSuccessStatus() else {
            Issue.record("a 503 must become a failure")
            return
        }
        #expect(failure.kind == .httpStatus(503))
        #expect(failure.message.contains(url) && failure.message.contains("503"))
        #expect(failure.bytesReceived > 0)
    }
}
