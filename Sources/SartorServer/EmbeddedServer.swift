import SartorRTDB
import Synchronization

/// The RTDB-compatible HTTP server, embeddable in any process: `start` binds and serves on
/// daemon threads, `stop` persists and shuts down. No global state; it prints nothing unless
/// the configuration's log says so.
public final class EmbeddedServer: Sendable {
    public let configuration: ServerConfiguration
    /// The numeric address listened on.
    public var host: String { configuration.host }
    /// The bound port (the one picked when the configuration asked for 0).
    public let port: UInt16
    /// The tree being served (shared with whoever else holds it).
    public let database: Database

    private let daemon: HTTPDaemon
    private let faults: FaultInjector
    private let counters: ResponseCounters
    private let changes: ChangeTracker
    private let periodic: PeriodicTasks
    private let stopped = Atomic<Bool>(false)

    /// Serves `database` (or answers with `respond` instead, for testing the HTTP layer alone).
    init(
        configuration: ServerConfiguration, database: Database,
        respond: (@Sendable (IncomingRequest) -> Reply)? = nil
    ) throws(ServerError) {
        let front = RTDBFrontEnd(database: database)
        let respond = respond ?? front.respond
        let faults = FaultInjector(plan: configuration.faults)
        let counters = ResponseCounters()
        let changes = ChangeTracker(dataFile: configuration.dataFile) {
            database.exportJSON()
        }
        let log = configuration.log
        let accessLog = configuration.accessLog && log.isEnabled
        let hooks = DaemonHooks(
            respond: { request in
                // Limitation: an injected failure is answered before the database sees the
                // request, so an injected 500 or 504 never applies a write (RTDB's may have).
                if let status = faults.failure(conditionalWrite: request.isConditionalWrite),
                    let injected = front.injectedFailure(status, for: request)
                {
                    faults.count(status)
                    return .response(injected)
                }
                return respond(request)
            },
            delay: { faults.delay() },
            responded: { record in
                counters.record(status: record.status, bodyBytes: record.bodyBytes)
                if record.isWrite, (200..<300).contains(record.status) {
                    changes.noteChange()
                }
                if accessLog { log.write(record.accessLine) }
            })
        let daemon = HTTPDaemon(settings: DaemonSettings(configuration), hooks: hooks)
        port = try daemon.start()

        self.configuration = configuration
        self.database = database
        self.daemon = daemon
        self.faults = faults
        self.counters = counters
        self.changes = changes
        let streams = daemon.streams
        var tasks = [
            PeriodicTasks.Task(interval: configuration.keepAliveInterval) {
                streams.broadcast(event: "keep-alive", data: "null")
            }
        ]
        if configuration.dataFile != nil {
            tasks.append(
                PeriodicTasks.Task(interval: configuration.persistInterval) {
                    // A failure is logged and retried at the next interval.
                    try? changes.persistIfChanged(log: log)
                })
        }
        periodic = PeriodicTasks(tasks)
        log.write("sartor-load serve: listening on \(baseURL)\(configuration.startDetail)")
    }

    /// `http://host:port` of the running server (IPv6 hosts in brackets).
    public var baseURL: String {
        host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
    }

    /// Requests, faults and streams so far.
    public var statistics: ServerStatistics {
        let (byStatus, bodyBytes) = counters.current
        return ServerStatistics(
            responsesByStatus: byStatus, bodyBytesSent: bodyBytes, faults: faults.counts,
            openStreams: daemon.streams.count)
    }

    /// Ends every stream, stops serving, writes the tree one last time when it changed, and
    /// logs the counts. Idempotent; safe from any thread. A failed last save is logged only;
    /// `shutDown()` reports it.
    public func stop() {
        try? shutDown()
    }

    /// `stop()`, throwing `unsavedChanges` when the last save of the tree failed (the counts
    /// are logged first). Only the first call stops and can throw; later ones return at once.
    public func shutDown() throws(ServerError) {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        periodic.stop()
        daemon.stop()
        var failure: ServerError?
        do {
            try changes.persistIfChanged(log: configuration.log)
        } catch {
            if case .cannotPersist(let path, let reason) = error {
                failure = .unsavedChanges(path: path, reason: reason)
            } else {
                failure = error
            }
        }
        let statistics = statistics
        configuration.log.write(
            "sartor-load serve: stopped; \(statistics.summary); \(statistics.faults.summary)")
        if let failure { throw failure }
    }

    /// Waits for a save of the tree in progress to finish, then calls `exit` with saves held
    /// off: for a process that must end at once (a repeated signal) without leaving a
    /// half-written temporary file. Saves nothing itself.
    public func exitBetweenSaves(_ exit: () -> Never) -> Never {
        changes.withSavesHeld(exit)
    }

    deinit { stop() }
}

extension DaemonSettings {
    init(_ configuration: ServerConfiguration) {
        let timeout = configuration.connectionTimeout
        self.init(
            host: configuration.host, port: configuration.port,
            threadCount: configuration.threadCount, maxConnections: configuration.maxConnections,
            connectionTimeoutSeconds: timeout > .zero ? max(1, Int(timeout.seconds.rounded())) : 0,
            maxBodyBytes: configuration.maxBodyBytes)
    }
}

extension ServerConfiguration {
    /// The start line's tail: data file, auth and faults, when set.
    var startDetail: String {
        var parts: [String] = []
        if let dataFile { parts.append("data \(dataFile)") }
        if secret != nil { parts.append("secret required") }
        if !faults.isEmpty { parts.append("faults on (seed \(faults.seed))") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }
}

extension ResponseRecord {
    /// Whether the request could have changed the tree (POST covers method overrides).
    var isWrite: Bool {
        switch method {
        case "PUT", "POST", "PATCH", "DELETE": true
        default: false
        }
    }

    /// `GET /users/a.json?print=pretty 200 123B 0.42ms`: one line, whatever the client sent
    /// (control characters and spaces in the target are percent-encoded).
    var accessLine: String {
        let millis = (elapsed.seconds * 1000 * 100).rounded() / 100
        var target = rawPath
        for (index, item) in rawQuery.enumerated() {
            target += index == 0 ? "?" : "&"
            target += item.value.map { "\(item.name)=\($0)" } ?? item.name
        }
        return "\(Self.oneLine(method)) \(Self.oneLine(target)) \(status) \(bodyBytes)B \(millis)ms"
    }

    private static func oneLine(_ text: String) -> String {
        let isBreaking: (UInt8) -> Bool = { $0 <= 0x20 || $0 == 0x7F }
        guard text.utf8.contains(where: isBreaking) else { return text }
        return percentEncoded(text.utf8, escaping: isBreaking)
    }
}
