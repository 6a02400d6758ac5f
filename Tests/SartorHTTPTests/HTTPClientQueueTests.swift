import Synchronization
import Testing

@testable import SartorHTTP

@Suite("HTTPClient queues requests beyond maxConnections")
struct HTTPClientQueueTests {
    @Test func requestsBeyondTheLimitWaitWithoutAHandle() async throws {
        let server = try RawServer(.respond(status: 200, body: Array("ok".utf8)))
        defer { server.stop() }
        let client = try HTTPClient(configuration: HTTPClientConfiguration(maxConnections: 4))
        let url = "http://127.0.0.1:\(server.port)/"

        let statuses = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<100 {
                group.addTask { (try? await client.send(HTTPRequest(url: url)).get().status) ?? 0 }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }

        #expect(statuses.count == 100)
        #expect(statuses.allSatisfy { $0 == 200 })
        #expect(client.loop.peakRunning.load(ordering: .relaxed) == 4)
        #expect(client.loop.handlesCreated.load(ordering: .relaxed) <= 4)
        #expect(server.connections.load(ordering: .relaxed) <= 4)
        #expect(server.requests.count == 100)
    }

    @Test func aRequestQueuedTooLongFailsAsATimeoutWithoutBeingSent() async throws {
        let server = try RawServer(.silent)
        defer { server.stop() }
        let client = try HTTPClient(
            configuration: HTTPClientConfiguration(
                maxConnections: 1, requestTimeout: .seconds(2), queueTimeout: .milliseconds(150)))
        let url = "http://127.0.0.1:\(server.port)/"

        let running = Task { await client.send(HTTPRequest(url: url)) }
        // The first request holds the only connection before the second is sent.
        for _ in 0..<500 where server.requests.count == 0 {
            try await Task.sleep(for: .milliseconds(10))
        }
        let clock = ContinuousClock()
        let started = clock.now
        let queued = await client.send(HTTPRequest(url: url))
        let waited = clock.now - started

        guard case .failure(let failure) = queued else {
            Issue.record("a silent server cannot answer")
            return
        }
        #expect(failure.kind == .timeout)
        #expect(failure.message.contains("queue timeout"))
        #expect(waited >= .milliseconds(150) && waited < .seconds(2))
        #expect(server.requests.count == 1)
        running.cancel()
        _ = await running.value
    }

    @Test func theRequestTimeoutStartsWhenTheTransferStarts() async throws {
        let server = try RawServer(.silent)
        defer { server.stop() }
        let client = try HTTPClient(
            configuration: HTTPClientConfiguration(
                maxConnections: 1, requestTimeout: .milliseconds(300), queueTimeout: .seconds(5)))
        let url = "http://127.0.0.1:\(server.port)/"

        let clock = ContinuousClock()
        let started = clock.now
        async let first = client.send(HTTPRequest(url: url))
        async let second = client.send(HTTPRequest(url: url))
        let results = await [first, second]
        let elapsed = clock.now - started

        for result in results {
            guard case .failure(let failure) = result else {
                Issue.record("a silent server cannot answer")
                continue
            }
            #expect(failure.kind == .timeout)
            #expect(!failure.message.contains("queue timeout"))
        }
        // One after the other, each with its own 300 ms once it was handed to libcurl.
        #expect(elapsed >= .milliseconds(590))
        #expect(server.requests.count == 2)
    }

    @Test func cancellingAQueuedRequestEndsItAtOnce() async throws {
        let server = try RawServer(.silent)
        defer { server.stop() }
        let client = try HTTPClient(
            configuration: HTTPClientConfiguration(maxConnections: 1, queueTimeout: .seconds(30)))
        let url = "http://127.0.0.1:\(server.port)/"

        let running = Task { await client.send(HTTPRequest(url: url)) }
        for _ in 0..<500 where server.requests.count == 0 {
            try await Task.sleep(for: .milliseconds(10))
        }
        let queued = Task { await client.send(HTTPRequest(url: url)) }
        try await Task.sleep(for: .milliseconds(50))
        queued.cancel()
        let result = await queued.value

        guard case .failure(let failure) = result else {
            Issue.record("a cancelled request cannot succeed")
            return
        }
        #expect(failure.message.contains("cancelled"))
        #expect(server.requests.count == 1)
        running.cancel()
        _ = await running.value
    }

    @Test func shutdownFailsQueuedRequests() async throws {
        let server = try RawServer(.silent)
        defer { server.stop() }
        let client = try HTTPClient(configuration: HTTPClientConfiguration(maxConnections: 1))
        let url = "http://127.0.0.1:\(server.port)/"

        let tasks = (0..<3).map { _ in Task { await client.send(HTTPRequest(url: url)) } }
        try await Task.sleep(for: .milliseconds(100))
        client.shutdown()

        for task in tasks {
            guard case .failure(let failure) = await task.value else {
                Issue.record("a silent server cannot answer")
                continue
            }
            #expect(failure.message.contains("shut down"))
        }
    }
}
