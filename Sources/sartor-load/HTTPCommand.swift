import Foundation
import SartorCommandLine
import SartorEngine
import SartorHTTP

/// `sartor-load http URL`: hammers one URL, as wrk, hey or oha do, and prints a summary.
struct HTTPCommand: Subcommand {
    static let spec = CommandSpec(
        name: "\(Tool.name) http",
        abstract: "Hammer one URL with many connections and print throughput and latency.",
        discussion: """
            Without --rate, N connections each send the next request as soon as the previous \
            one ends (a closed model, like wrk and hey). With --rate, requests start on a fixed \
            schedule whatever the latency, at most N at once (an open model); latency is then \
            measured from each request's scheduled start, and starts that come too late are \
            counted as missed. A non-2xx status counts as an error. The run ends after \
            --duration, or after --requests requests when that is given alone.
            """,
        options: [
            OptionSpec(
                "connections", short: "c", kind: .integer(1...100_000), default: "32",
                help: "Connections (and requests in flight at most)."),
            OptionSpec(
                "threads", short: "t", kind: .integer(1...256),
                help: "Threads sending requests, each with its own share of the connections "
                    + "(default: one per 16 connections, at most half the cores)."),
            OptionSpec(
                "duration", short: "d", kind: .duration, default: "10s",
                help: "How long to send requests."),
            OptionSpec(
                "requests", short: "n", kind: .integer(1...Int.max),
                help: "Stop after this many requests (with --duration, whichever comes first)."),
            OptionSpec(
                "rate", kind: .rate, help: "Start this many requests per second (open model)."),
            OptionSpec(
                "method", short: "m", kind: .string, value: "method", default: "GET",
                help: "HTTP method."),
            OptionSpec(
                "header", short: "H", kind: .string, value: "name: value", repeatable: true,
                help: "A request header, 'Name: value'; repeat for more."),
            OptionSpec(
                "body", kind: .string, value: "file",
                help: "Send the contents of this file as the body."),
            OptionSpec(
                "timeout", kind: .duration, default: "30s",
                help: "Deadline of each request; a later response counts as a timeout."),
            OptionSpec(
                "insecure", kind: .flag, help: "Do not verify the server's TLS certificate."),
            OptionSpec(
                "cacert", kind: .string, value: "file",
                help: "Trust the CA certificates in this PEM file instead of the system's."),
            OptionSpec("http1", kind: .flag, help: "Do not offer HTTP/2 over TLS."),
            OptionSpec("json", kind: .flag, help: "Print one JSON object instead of text."),
        ],
        positionals: [PositionalSpec("URL", help: "The http:// or https:// URL to request.")],
        examples: [
            Example(
                "sartor-load http http://127.0.0.1:8080/ -c 64 -d 30s",
                "64 connections for 30 seconds."),
            Example(
                "sartor-load http http://127.0.0.1:8080/x.json --rate 2000 -d 1m --json",
                "2000 requests per second for a minute, summary as JSON."),
            Example(
                "sartor-load http http://127.0.0.1:8080/a.json -m PUT --body a.json "
                    + "-H 'Content-Type: application/json' -n 10000",
                "10,000 PUT requests with a body and a header."),
        ])

    static func run(_ parsed: ParsedCommand) async throws -> ExitCode {
        let request = try makeRequest(parsed)
        let connections = parsed.integer("connections")!
        let clients = try makeClients(parsed, connections: connections)
        defer { for client in clients { client.shutdown() } }
        let statusCounts = StatusCounts()
        let controller = RunController(
            workload: SingleRequestWorkload(
                clients: clients, request: request, statusCounts: statusCounts),
            configuration: runConfiguration(parsed, connections: connections))

        let summarize = { @Sendable (snapshot: RunSnapshot) in
            HTTPSummary(
                snapshot: snapshot, counts: statusCounts.totals, method: request.method,
                url: request.url, connections: connections)
        }
        let json = parsed.flag("json")
        TerminationSignals.install { _, ordinal in
            guard ordinal > 1 else { return controller.stop(drainFor: .seconds(2)) }
            let summary = summarize(controller.snapshot())
            print(json ? summary.json() : summary.text())
            exit(ExitCode.interrupted.rawValue)
        }
        let summary = summarize(await controller.run())

        print(json ? summary.json() : summary.text())
        if summary.requests + summary.interrupted > 0 && summary.statusCodes.isEmpty {
            let cause =
                summary.recentErrors.first
                ?? "no request got a response before the stop's deadline"
            FileHandle.standardError.write(
                Data("\(Tool.name): no response at all: \(cause)\n".utf8))
            return .failure
        }
        return .success
    }

    private static func runConfiguration(_ parsed: ParsedCommand, connections: Int)
        -> RunConfiguration
    {
        let model: LoadModel =
            if let rate = parsed.number("rate") {
                .open(rate: rate, maxInFlight: connections)
            } else {
                .closed(agents: connections, think: .none)
            }
        // A request count alone runs until done; otherwise the duration (or its default) holds.
        let bounded = parsed.wasGiven("duration") || !parsed.wasGiven("requests")
        return RunConfiguration(
            model: model, duration: bounded ? parsed.duration("duration") : nil,
            operationLimit: parsed.integer("requests"), retryPolicy: .disabled,
            drainTimeout: min(parsed.duration("timeout")!, .seconds(5)))
    }

    /// One client (one loop thread) per thread asked for, never more than connections, each
    /// allowed its share of the connections. By default half the cores at most: a target on
    /// the same machine needs the rest, and on two cores a second loop thread measured no
    /// faster while costing more CPU per request.
    private static func makeClients(_ parsed: ParsedCommand, connections: Int) throws
        -> [HTTPClient]
    {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let defaultThreads = min((connections + 15) / 16, max(cores / 2, 1))
        let threads = min(parsed.integer("threads") ?? defaultThreads, connections)
        let caBundle = try caBundle(parsed)
        return try (0..<threads).map { index in
            let share = connections * (index + 1) / threads - connections * index / threads
            return try HTTPClient(
                configuration: HTTPClientConfiguration(
                    maxConnections: share, requestTimeout: parsed.duration("timeout")!,
                    prefersHTTP2: !parsed.flag("http1"),
                    verifiesCertificates: !parsed.flag("insecure"), caBundlePath: caBundle))
        }
    }

    private static func caBundle(_ parsed: ParsedCommand) throws -> String? {
        guard let path = parsed.string("cacert") else { return nil }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw UsageError(
                flag: "--cacert", value: path, problem: "cannot be read",
                hint: "give the path of a readable PEM file")
        }
        return path
    }

    private static func makeRequest(_ parsed: ParsedCommand) throws -> HTTPRequest {
        let url = parsed.positional("URL").first ?? ""
        do {
            _ = try URLSyntax.parse(url)
        } catch {
            throw UsageError(flag: "URL", value: url, error)
        }
        let method = parsed.string("method")!
        guard !method.isEmpty, method.allSatisfy({ $0.isLetter && $0.isUppercase }) else {
            throw UsageError(
                flag: "--method", value: method, problem: "is not an HTTP method",
                hint: "write it in capitals, e.g. GET, PUT, POST, PATCH, DELETE")
        }
        let headers = try parsed.strings("header").map { text in
            guard let header = HTTPHeader(parsing: text) else {
                throw UsageError(
                    flag: "--header", value: text, problem: "is not a header",
                    hint: "write 'Name: value'")
            }
            return header
        }
        var body: [UInt8]?
        if let path = parsed.string("body") {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UsageError(
                    flag: "--body", value: path, problem: "cannot be read",
                    hint: "give the path of a readable file")
            }
            body = [UInt8](data)
        }
        return HTTPRequest(
            method: method, url: url, headers: headers, body: body, keepsBody: false)
    }
}
