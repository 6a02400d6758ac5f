import SartorHTTP
import SartorMetrics
import Testing

@Suite("HTTPClient failures are classified and named")
struct HTTPClientFailureTests {
    /// The failure of one request, or a recorded issue when it succeeded.
    private func failure(
        of request: HTTPRequest, configuration: HTTPClientConfiguration = .init()
    ) async throws -> HTTPFailure? {
        let client = try HTTPClient(configuration: configuration)
        guard case .failure(let failure) = await client.send(request) else {
            Issue.record("\(request.url) should have failed")
            return nil
        }
        #expect(failure.message.contains(request.url))
        return failure
    }

    @Test func silentServerTimesOut() async throws {
        let server = try RawServer(.silent)
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/slow"

        let failure = try await failure(of: HTTPRequest(url: url, timeout: .milliseconds(200)))

        #expect(failure?.kind == .timeout)
        #expect(failure?.bytesSent ?? 0 > 0)
    }

    @Test func clientDefaultTimeoutApplies() async throws {
        let server = try RawServer(.silent)
        defer { server.stop() }
        let configuration = HTTPClientConfiguration(requestTimeout: .milliseconds(150))

        let failure = try await failure(
            of: HTTPRequest(url: "http://127.0.0.1:\(server.port)/"), configuration: configuration)

        #expect(failure?.kind == .timeout)
    }

    @Test func closedPortIsRefused() async throws {
        let port = try RawServer.closedPort()

        let failure = try await failure(of: HTTPRequest(url: "http://127.0.0.1:\(port)/"))

        #expect(failure?.kind == .connectionRefused)
        #expect(failure?.message.contains("connection refused") == true)
    }

    @Test func closeMidResponseIsAReset() async throws {
        let server = try RawServer(.closeMidResponse)
        defer { server.stop() }

        let failure = try await failure(of: HTTPRequest(url: "http://127.0.0.1:\(server.port)/"))

        #expect(failure?.kind == .connectionReset)
        #expect(failure?.bytesReceived ?? 0 > 10)
    }

    @Test func malformedResponseIsInvalid() async throws {
        let server = try RawServer(.malformed)
        defer { server.stop() }

        let failure = try await failure(of: HTTPRequest(url: "http://127.0.0.1:\(server.port)/"))

        #expect(failure?.kind == .invalidResponse)
    }

    @Test func garbageInsteadOfTLSIsATLSFailure() async throws {
        let server = try RawServer(.garbageOnConnect)
        defer { server.stop() }

        let failure = try await failure(of: HTTPRequest(url: "https://127.0.0.1:\(server.port)/"))

        #expect(failure?.kind == .tls)
    }

    @Test func cancellingTheTaskAbandonsTheRequest() async throws {
        let server = try RawServer(.silent)
        defer { server.stop() }
        let client = try HTTPClient()
        let request = HTTPRequest(url: "http://127.0.0.1:\(server.port)/", timeout: .seconds(30))

        let task = Task { await client.send(request) }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        let result = await task.value

        guard case .failure(let failure) = result else {
            Issue.record("a cancelled request cannot succeed")
            return
        }
        #expect(failure.kind == .other)
        #expect(failure.message.contains("cancelled"))
    }

    @Test func sendAfterShutdownFailsAtOnce() async throws {
        let client = try HTTPClient()
        client.shutdown()

        let result = await client.send(HTTPRequest(url: "http://127.0.0.1:9/"))

        guard case .failure(let failure) = result else {
            Issue.record("a stopped client cannot send")
            return
        }
        #expect(failure.message.contains("shut down"))
    }
}
