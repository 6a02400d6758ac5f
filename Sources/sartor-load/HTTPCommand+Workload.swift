import SartorEngine
import SartorHTTP
import Synchronization

/// The workload of `sartor-load http`: one operation, one request, again and again. The
/// closed model runs on the client's loop thread through `driver`; the open model runs agents.
struct SingleRequestWorkload: Workload {
    /// Agents and lanes are shared out over these clients.
    let clients: [HTTPClient]
    let request: HTTPRequest
    let statusCounts: StatusCounts
    let operations = [OperationSpec(name: "request", weight: 1)]

    var driver: (any OperationDriver)? {
        RepeatedRequestDriver(clients: clients, request: request, statusCounts: statusCounts)
    }

    func makeAgent(index: Int) -> any VirtualAgent {
        SingleRequestAgent(
            client: clients[index % clients.count], request: request,
            statusCounts: statusCounts, shard: index)
    }
}

/// Sends the request; a non-2xx status counts as an `http <status>` error.
struct SingleRequestAgent: VirtualAgent {
    let client: HTTPClient
    let request: HTTPRequest
    let statusCounts: StatusCounts
    let shard: Int

    mutating func connect(_ context: inout OperationContext) async -> Outcome { .success }

    mutating func run(operation: Int, _ context: inout OperationContext) async -> Outcome {
        let result = await client.send(request)
        context.requests += 1
        context.bytesSent += result.bytesSent
        context.bytesReceived += result.bytesReceived
        if case .success(let response) = result {
            statusCounts.add(response, shard: shard)
        }
        return Outcome(result)
    }

    mutating func disconnect(_ context: inout OperationContext) async -> Outcome { .success }
}

/// Responses by status code and by HTTP version, counted from many agents at once. Agents
/// spread over a few independently locked shards, so they rarely wait on one another.
final class StatusCounts: Sendable {
    struct Counts {
        var statuses: [Int: Int] = [:]
        var versions: [HTTPVersion: Int] = [:]
    }

    private final class Shard: Sendable {
        let counts = Mutex(Counts())
    }

    private let shards = (0..<16).map { _ in Shard() }

    func add(_ response: HTTPResponse, shard: Int) {
        shards[shard % shards.count].counts.withLock { counts in
            counts.statuses[response.status, default: 0] += 1
            counts.versions[response.version, default: 0] += 1
        }
    }

    /// Every status and version seen with its count, merged from the shards.
    var totals: Counts {
        shards.reduce(into: Counts()) { totals, shard in
            let counts = shard.counts.withLock { $0 }
            totals.statuses.merge(counts.statuses, uniquingKeysWith: +)
            totals.versions.merge(counts.versions, uniquingKeysWith: +)
        }
    }
}

extension HTTPVersion {
    var label: String {
        switch self {
        case .http1_0: "HTTP/1.0"
        case .http1_1: "HTTP/1.1"
        case .http2: "HTTP/2"
        case .http3: "HTTP/3"
        case .unknown: "unknown"
        }
    }
}
