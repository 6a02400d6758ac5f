import Foundation
import SartorMetrics
import Synchronization
import Testing

@testable import SartorHTTP

/// `repeatedly` over plain `http://`, which runs without libcurl: the same results, kinds and
/// connection reuse as the libcurl path.
@Suite("HTTPClient.repeatedly over plain HTTP")
struct PlainRepetitionTests {
    @Test func sendsTheRequestAsLibcurlWouldAndKeepsTheBody() async throws {
        let server = try RawServer(.respond(status: 201, body: nil))
        defer { server.stop() }
        let client = try HTTPClient(configuration: HTTPClientConfiguration(userAgent: "test/1"))
        let handler = CountingHandler(budget: 3)
        let request = HTTPRequest(
            method: "PUT", url: "http://127.0.0.1:\(server.port)/a/b.json?x=1#fragment",
            headers: [HTTPHeader(name: "X-Test", value: "yes")], body: Array("{\"a\":1}".utf8),
            capturedHeaders: .named(["etag"]))

        await client.repeatedly(request, lanes: 1, handler: handler)

        let head = try #require(server.requests.first?.head)
        #expect(head.hasPrefix("PUT /a/b.json?x=1 HTTP/1.1\r\n"))
        #expect(head.contains("\r\nHost: 127.0.0.1:\(server.port)\r\n"))
        #expect(head.contains("\r\nUser-Agent: test/1\r\n"))
        #expect(head.contains("\r\nX-Test: yes\r\n"))
        #expect(head.contains("\r\nContent-Length: 7\r\n"))
        #expect(server.connections.load(ordering: .relaxed) == 1)
        for result in handler.state.withLock({ $0.results }) {
            let response = try result.get()
            #expect(response.status == 201)
            #expect(response.body == Array("{\"a\":1}".utf8))
            #expect(response.header("ETag") == "\"v1\"")
            #expect(response.version == .http1_1)
            #expect(response.bytesSent == server.requests[0].byteCount)
        }
    }

    @Test func chunkedBodiesAreDecoded() async throws {
        let server = try RawServer(.respondChunked(chunks: ["hello ", "chunked ", "world"]))
        defer { server.stop() }
        let client = try HTTPClient()
        let handler = CountingHandler(budget: 4)

        await client.repeatedly(
            HTTPRequest(url: "http://127.0.0.1:\(server.port)/"), lanes: 2, handler: handler)

        let results = handler.state.withLock { $0.results }
        #expect(results.count == 4)
        #expect(results.allSatisfy { (try? $0.get().body) == Array("hello chunked world".utf8) })
        #expect(server.connections.load(ordering: .relaxed) == 2)
    }

    @Test(arguments: [true, false])
    func aClosedKeptAliveConnectionIsReplaced(announced: Bool) async throws {
        let server = try RawServer(.respondOnceThenClose(announced: announced))
        defer { server.stop() }
        let client = try HTTPClient()
        let handler = CountingHandler(budget: 5)

        await client.repeatedly(
            HTTPRequest(url: "http://127.0.0.1:\(server.port)/"), lanes: 1, handler: handler)

        let results = handler.state.withLock { $0.results }
        #expect(results.count == 5)
        #expect(results.allSatisfy { (try? $0.get().status) == 200 })
        #expect(server.connections.load(ordering: .relaxed) >= 5)
        // A request sent again counts the bytes of the attempt that was answered.
        let sent = results.compactMap { try? $0.get().bytesSent }
        #expect(sent.allSatisfy { $0 == server.requests[0].byteCount })
    }

    @Test func failuresAreClassified() async throws {
        let cases: [(RawServer.Behaviour, ErrorKind)] = [
            (.closeMidResponse, .connectionReset), (.malformed, .invalidResponse),
            (.garbageThenClose, .invalidResponse), (.silent, .timeout),
        ]
        let configuration = HTTPClientConfiguration(requestTimeout: .milliseconds(300))
        let client = try HTTPClient(configuration: configuration)
        for (behaviour, kind) in cases {
            let server = try RawServer(behaviour)
            defer { server.stop() }
            let handler = CountingHandler(budget: 2)
            let url = "http://127.0.0.1:\(server.port)/"

            await client.repeatedly(HTTPRequest(url: url), lanes: 1, handler: handler)

            let results = handler.state.withLock { $0.results }
            #expect(results.count == 2)
            for result in results {
                guard case .failure(let failure) = result else {
                    Issue.record("\(behaviour) gave a response")
                    continue
                }
                #expect(failure.kind == kind, "\(behaviour): \(failure.message)")
                #expect(failure.message.hasPrefix("GET \(url): \(kind.label)"))
            }
        }
    }

    @Test func repeatingAfterShutdownSendsNothing() async throws {
        let server = try RawServer(.respond(status: 200, body: []))
        defer { server.stop() }
        let client = try HTTPClient()
        client.shutdown()
        let handler = CountingHandler(budget: 5)

        await client.repeatedly(
            HTTPRequest(url: "http://127.0.0.1:\(server.port)/"), lanes: 2, handler: handler)

        #expect(handler.state.withLock { $0.results }.isEmpty)
        #expect(server.requests.isEmpty)

        // Refused repetitions leave no descriptor behind.
        func openDescriptors() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
        }
        let before = try openDescriptors()
        for _ in 0..<50 {
            await client.repeatedly(
                HTTPRequest(url: "http://127.0.0.1:\(server.port)/"), lanes: 1, handler: handler)
        }
        #expect(try openDescriptors() <= before + 2)
    }
}

@Suite struct PlainTargetAddressTests {
    /// A name may resolve to an address nothing listens on first (`::1` for a server on
    /// 127.0.0.1 only): the next one is tried, and kept for later connections.
    @Test func aRefusedAddressFallsBackToTheNextOne() async throws {
        let server = try RawServer(.respond(status: 200, body: Array("ok".utf8)))
        defer { server.stop() }
        let closed = try RawServer.closedPort()
        let configuration = HTTPClientConfiguration()
        var target = try #require(
            PlainTarget(
                HTTPRequest(url: "http://127.0.0.1:\(server.port)/"),
                configuration: configuration))
        let refusing = try #require(
            PlainTarget(
                HTTPRequest(url: "http://127.0.0.1:\(closed)/"), configuration: configuration))
        target.addresses = refusing.addresses + target.addresses
        let handler = CountingHandler(budget: 6)
        let repetition = try #require(PlainRepetition(target: target, lanes: 2, handler: handler))

        let started = Mutex(false)
        await withUnsafeContinuation { continuation in
            let ok = repetition.start(continuation: continuation, onEnd: {})
            started.withLock { $0 = ok }
            if !ok { continuation.resume() }
        }

        #expect(started.withLock { $0 })
        let results = handler.state.withLock { $0.results }
        #expect(results.count == 6)
        #expect(results.allSatisfy { (try? $0.get().status) == 200 })
        #expect(server.connections.load(ordering: .relaxed) == 2)
    }
}
