import SartorHTTP
import SartorMetrics
import Synchronization
import Testing

/// A handler that lets each lane send until `budget` requests were sent in all, optionally
/// telling lanes to wait first, and keeps every result.
final class CountingHandler: RepetitionHandler {
    struct State {
        var budget: Int
        var waitFirst: Bool
        var waits = 0
        var sentByLane: [Int: Int] = [:]
        var results: [HTTPResult] = []
        var latenciesMicros: [Int] = []
    }

    let state: Mutex<State>

    init(budget: Int, waitFirst: Bool = false) {
        state = Mutex(State(budget: budget, waitFirst: waitFirst))
    }

    func nextStep(lane: Int) -> RepeatStep {
        state.withLock { state in
            if state.waitFirst {
                state.waits += 1
                return .wait
            }
            guard state.budget > 0 else { return .finish }
            state.budget -= 1
            state.sentByLane[lane, default: 0] += 1
            return .send
        }
    }

    func completed(lane: Int, result: HTTPResult, latencyMicros: Int) {
        state.withLock { state in
            state.results.append(result)
            state.latenciesMicros.append(latencyMicros)
        }
    }

    /// Lets lanes that were told to wait send from now on.
    func release() {
        state.withLock { $0.waitFirst = false }
    }
}

@Suite("HTTPClient.repeatedly keeps lanes busy on the loop thread")
struct RepetitionTests {
    @Test func sendsExactlyTheBudgetOverReusedConnections() async throws {
        let server = try RawServer(.respond(status: 200, body: Array("ok".utf8)))
        defer { server.stop() }
        let client = try HTTPClient()
        let handler = CountingHandler(budget: 200)

        await client.repeatedly(
            HTTPRequest(url: "http://127.0.0.1:\(server.port)/r", keepsBody: false), lanes: 4,
            handler: handler)

        let state = handler.state.withLock { $0 }
        #expect(state.results.count == 200)
        #expect(server.requests.count == 200)
        #expect(state.sentByLane.keys.sorted() == [0, 1, 2, 3])
        #expect(state.results.allSatisfy { (try? $0.get().status) == 200 })
        #expect(state.latenciesMicros.allSatisfy { $0 > 0 && $0 < 10_000_000 })
        #expect(server.connections.load(ordering: .relaxed) == 4)
    }

    @Test func waitingLanesSendOnlyAfterAWake() async throws {
        let server = try RawServer(.respond(status: 204, body: []))
        defer { server.stop() }
        let client = try HTTPClient()
        let handler = CountingHandler(budget: 10, waitFirst: true)
        let url = "http://127.0.0.1:\(server.port)/"

        async let done: Void = client.repeatedly(HTTPRequest(url: url), lanes: 2, handler: handler)
        for _ in 0..<500 where handler.state.withLock({ $0.waits }) < 2 {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(50))
        let waitsBefore = handler.state.withLock { $0.waits }
        let sentBefore = server.requests.count
        handler.release()
        client.wakeRepetitions()
        await done

        #expect(waitsBefore == 2)
        #expect(sentBefore == 0)
        #expect(handler.state.withLock { $0.results.count } == 10)
    }

    @Test func failuresAreClassifiedAsSendClassifiesThem() async throws {
        let port = try RawServer.closedPort()
        let client = try HTTPClient()
        let handler = CountingHandler(budget: 3)
        let url = "http://127.0.0.1:\(port)/"

        await client.repeatedly(HTTPRequest(url: url), lanes: 1, handler: handler)

        let results = handler.state.withLock { $0.results }
        #expect(results.count == 3)
        for result in results {
            guard case .failure(let failure) = result else {
                Issue.record("a request to a closed port succeeded")
                continue
            }
            #expect(failure.kind == .connectionRefused)
            #expect(failure.message.contains(url))
        }
    }

    @Test func cancellationAbandonsRequestsInFlight() async throws {
        let server = try RawServer(.silent)
        defer { server.stop() }
        let client = try HTTPClient()
        let handler = CountingHandler(budget: 100)
        let url = "http://127.0.0.1:\(server.port)/"

        let task = Task {
            await client.repeatedly(HTTPRequest(url: url), lanes: 3, handler: handler)
        }
        try await server.waitForRequests(3)
        task.cancel()
        await task.value

        let results = handler.state.withLock { $0.results }
        #expect(results.count == 3)
        #expect(
            results.allSatisfy { result in
                if case .failure(let failure) = result {
                    failure.message.hasSuffix("cancelled")
                } else {
                    false
                }
            })
    }

    @Test func shutdownEndsTheRepetition() async throws {
        let server = try RawServer(.silent)
        defer { server.stop() }
        let client = try HTTPClient()
        let handler = CountingHandler(budget: 100)
        let url = "http://127.0.0.1:\(server.port)/"

        async let done: Void = client.repeatedly(HTTPRequest(url: url), lanes: 2, handler: handler)
        try await server.waitForRequests(2)
        client.shutdown()
        await done

        #expect(handler.state.withLock { $0.results.count } == 2)
    }
}

extension RawServer {
    /// Waits until the server has read `count` requests, for at most 5 seconds.
    func waitForRequests(_ count: Int) async throws {
        for _ in 0..<500 where requests.count < count {
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
