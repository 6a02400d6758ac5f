import Foundation
import SartorCommandLine
import SartorEngine
import SartorHTTP
import SartorReports
import SartorWorkload

extension RunCommand {
    static func run(_ parsed: ParsedCommand) async throws -> ExitCode {
        var plan = try RunPlan(parsed, stdoutIsTerminal: isatty(STDOUT_FILENO) == 1)
        let target = try RunTarget.open(plan)
        defer { target.stop() }
        let client: HTTPClient
        do {
            client = try HTTPClient(configuration: clientConfiguration(plan, target: target))
        } catch {
            throw RunFailure("the HTTP client could not start: \(error)")
        }
        defer { client.shutdown() }
        let session = RTDBSession(
            sender: client,
            endpoint: RTDBEndpoint(baseURL: target.baseURL, authToken: plan.authToken))

        let root = plan.settings.paths.root
        let startLine = "sartor-load: target \(target.description), root \(root)\n"
        FileHandle.standardOutput.write(Data(startLine.utf8))
        try await target.checkReachable(
            session, root: root, retryPolicy: plan.configuration.retryPolicy)
        // Before the load, so that a bad --report-dir does not cost a whole run.
        do {
            if !parsed.wasGiven("report-dir") {
                plan.reportDirectory = try claimFreshDirectory(plan.reportDirectory)
            }
            try ReportWriter.prepare(plan.reportDirectory)
        } catch {
            throw RunFailure("--report-dir: \(error); choose another directory")
        }

        let run = RunInProgress(plan: plan, target: target, session: session)
        return await run.execute()
    }

    /// Creates `path`, or `path-2`, `path-3`... when it exists, and returns the one created:
    /// runs started in the same second (several load generators at once) each get their own
    /// default report directory instead of overwriting one another's.
    private static func claimFreshDirectory(_ path: String) throws -> String {
        let parent = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(
            atPath: parent.isEmpty ? "." : parent, withIntermediateDirectories: true)
        for attempt in 1...1000 {
            let candidate = attempt == 1 ? path : "\(path)-\(attempt)"
            if mkdir(candidate, 0o755) == 0 { return candidate }
            guard errno == EEXIST else { break }
        }
        throw RunFailure("\(path): cannot be created (\(String(cString: strerror(errno))))")
    }

    /// One connection per agent (or per operation in flight), as real agents would have, up
    /// to `maxConnections`; requests beyond wait in the client's queue, which costs them
    /// nothing but the wait.
    private static func clientConfiguration(
        _ plan: RunPlan, target: RunTarget
    ) -> HTTPClientConfiguration {
        let connections: Int
        switch plan.configuration.model {
        case .closed(let agents, _):
            let peak = plan.configuration.stages.map { Int($0.target.rounded(.up)) }.max() ?? 0
            connections = max(agents, peak)
        case .open(_, let maxInFlight): connections = maxInFlight
        }
        return HTTPClientConfiguration(
            maxConnections: min(max(connections, 8), maxConnections),
            requestTimeout: plan.requestTimeout,
            prefersHTTP2: target.server == nil)
    }

    /// Connections (and requests running) at most. Each running request holds a libcurl
    /// handle with its receive buffer (about 20 KiB), so 10,000 agents that all send at once
    /// (when they join, or disconnect at a stop) would take 200 MB; with think times the
    /// steady run has far fewer requests in flight, and a single server on loopback answers
    /// no faster with more connections than this.
    static let maxConnections = 1024
}
