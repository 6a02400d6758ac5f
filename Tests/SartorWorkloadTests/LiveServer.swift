import SartorEngine
import SartorHTTP
import SartorServer
import Synchronization

@testable import SartorWorkload

/// An embedded server on 127.0.0.1 (port 0), a client and a session under a test root, with a
/// recorder of every request the workload sends.
final class LiveServer: Sendable {
    let server: EmbeddedServer
    let client: HTTPClient
    let recorder: RecordingSender
    let session: RTDBSession
    let paths = SartorPaths(root: "test-root")

    init(faults: FaultPlan = FaultPlan()) throws {
        var configuration = ServerConfiguration()
        configuration.faults = faults
        server = try EmbeddedServer.start(configuration)
        client = try HTTPClient(configuration: HTTPClientConfiguration(maxConnections: 64))
        recorder = RecordingSender(client)
        session = RTDBSession(sender: recorder, endpoint: RTDBEndpoint(baseURL: server.baseURL))
    }

    deinit {
        client.shutdown()
        server.stop()
    }

    /// A context for direct calls of an agent, without retry waits worth speaking of.
    func context(seed: UInt64 = 1, retries: RetryPolicy = .disabled) -> OperationContext {
        OperationContext(random: SeededRandom(seed: seed), retryPolicy: retries, agentIndex: 0)
    }

    func settings(
        claim: ClaimMode = .safe, statusQuery: StatusQueryMode = .full, ledger: Bool = false
    ) -> SartorSettings {
        SartorSettings(
            paths: paths, claimMode: claim, statusQuery: statusQuery, broadcastsPerMinute: 0,
            work: .none, keepsLedger: ledger)
    }

    /// The value at `path`, read without the recorder.
    func read(_ path: String) async throws -> JSONValue {
        let response = try await client.send(
            HTTPRequest(url: RTDBEndpoint(baseURL: server.baseURL).url(path))
        ).get()
        return try JSONScanner.parse(response.body)
    }

    func delete(_ path: String) async throws {
        _ = try await client.send(
            HTTPRequest(method: "DELETE", url: RTDBEndpoint(baseURL: server.baseURL).url(path))
        ).get()
    }
}

/// Passes requests to a client and remembers `METHOD path?query` of each (scheme and host dropped).
final class RecordingSender: RequestSending {
    let inner: any RequestSending
    private let lines = Mutex<[String]>([])

    init(_ inner: any RequestSending) { self.inner = inner }

    func send(_ request: HTTPRequest) async -> HTTPResult {
        let afterScheme = request.url.split(separator: "://", maxSplits: 1).last ?? ""
        let pathAndQuery = afterScheme.drop { $0 != "/" }
        let line = "\(request.method) \(pathAndQuery)"
        lines.withLock { $0.append(line) }
        return await inner.send(request)
    }

    /// The requests recorded since the last call, and forgets them.
    func take() -> [String] {
        lines.withLock { recorded in
            defer { recorded = [] }
            return recorded
        }
    }
}
