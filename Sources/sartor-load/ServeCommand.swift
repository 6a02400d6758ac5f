import Foundation
import SartorCommandLine
import SartorServer
import Synchronization

/// `sartor-load serve`: the embedded RTDB-compatible server as a standalone process.
enum ServeCommand: Subcommand {
    static let spec = CommandSpec(
        name: "sartor-load serve",
        abstract: "Serve a Firebase Realtime Database-compatible REST API on this machine.",
        discussion: """
            Answers RTDB's REST API (GET, PUT, POST, PATCH, DELETE, queries, ETags, server \
            values, text/event-stream) from an in-memory tree, so that clients, Google's admin \
            SDKs (FIREBASE_DATABASE_EMULATOR_HOST=127.0.0.1:PORT) and 'sartor-load run \
            --target' work against it unchanged. It listens on loopback unless --host says \
            otherwise; --port 0 picks a free port. The URL is printed on stdout; start, stop, \
            persist and failure lines go to stderr. Fault injection rehearses an unhealthy \
            database: failures with RTDB's own bodies, added latency that holds no server \
            thread, and periodic stalls. Ctrl-C or SIGTERM saves the tree, prints the request \
            and fault counts, and exits 0. A second signal lets that save finish, then exits \
            130; a third exits 130 at once, but never in the middle of a save.

            Exit codes: 0 stopped by a signal, 1 cannot listen or write --data (the last save \
            at shutdown included), 64 bad usage, 65 a --data file that is not a Firebase JSON \
            export (left untouched), 130 stopped by a second signal.
            """,
        options: [
            OptionSpec(
                "host", kind: .string, value: "address", default: "127.0.0.1",
                help: "Numeric address to listen on (::1 for IPv6 loopback)."),
            OptionSpec(
                "port", short: "p", kind: .integer(0...65535), default: "9000",
                help: "Port to listen on; 0 picks a free one."),
            OptionSpec(
                "data", kind: .string, value: "file",
                help: "Firebase JSON export to load at start and write back while running "
                    + "(atomically, every --persist-every when changed, and on exit)."),
            OptionSpec(
                "persist-every", kind: .duration, default: "5s",
                help: "How often a changed tree is written to --data."),
            OptionSpec(
                "secret", kind: .string, value: "secret",
                help: "Require this secret as auth=, access_token= or a bearer token."),
            OptionSpec(
                "fail-rate", kind: .fraction,
                help: "Answer this fraction of requests with 503 (RTDB's 'not attempted')."),
            OptionSpec(
                "fail", kind: .pairs,
                help: "Failures per status, e.g. 500=0.01,504=0.5%, with RTDB's bodies. 412 "
                    + "hits conditional writes only (PUT/DELETE with if-match), carrying the "
                    + "current value and ETag like a lost race."),
            OptionSpec(
                "latency", kind: .durationRange,
                help: "Latency added to every response: 80ms, or a uniform range 80ms..200ms."),
            OptionSpec(
                "stall-every", kind: .duration,
                help: "Hold every response for --stall-for, this often."),
            OptionSpec(
                "stall-for", kind: .duration, default: "2s",
                help: "Length of each stall."),
            OptionSpec(
                "seed", kind: .integer(0...Int.max), default: "1",
                help: "Seed of the fault draws, to repeat a run's faults."),
            OptionSpec(
                "max-body", kind: .string, value: "size", default: "256MB",
                help: "Largest request body (B, KB, MB, GB); larger ones get 413."),
            OptionSpec(
                "max-connections", kind: .integer(1...1_000_000), default: "4096",
                help: "Connections served at once; more wait to be accepted."),
            OptionSpec(
                "connection-timeout", kind: .duration, default: "30s",
                help: "Close a connection silent this long (half-sent requests included)."),
            OptionSpec(
                "keep-alive", kind: .duration, default: "30s",
                help: "Interval of keep-alive events on event streams."),
            OptionSpec(
                "threads", kind: .integer(1...256),
                help: "Server threads (default: one per core, at least 2)."),
            OptionSpec(
                "access-log", kind: .flag,
                help: "Log one line per response on stderr."),
        ],
        examples: [
            Example(
                "sartor-load serve --port 0",
                "Serve on a free loopback port and print its URL."),
            Example(
                "sartor-load serve --data tree.json --secret s3cret",
                "Keep the tree in tree.json and require auth=s3cret."),
            Example(
                "sartor-load serve --fail-rate 1% --latency 80ms..200ms --stall-every 30s",
                "Rehearse a struggling database: 1% 503s, slow answers, a 2 s stall each 30 s."),
        ])

    static func run(_ parsed: ParsedCommand) async throws -> ExitCode {
        let configuration = try configuration(parsed)
        let (signals, received) = AsyncStream.makeStream(of: String.self)
        let shutdown = ServeShutdown(log: configuration.log)
        TerminationSignals.install { name, ordinal in
            if ordinal == 1 { received.yield(name) } else { shutdown.repeated(name, ordinal) }
        }
        let server = try EmbeddedServer.start(configuration)
        shutdown.serving(server)
        FileHandle.standardOutput.write(Data((server.baseURL + "\n").utf8))
        var waiting = signals.makeAsyncIterator()
        let signal = await waiting.next() ?? "end of input"
        configuration.log.write("sartor-load serve: \(signal) received, shutting down")
        try server.shutDown()
        return shutdown.interrupted ? .interrupted : .success
    }

    static func configuration(_ parsed: ParsedCommand) throws -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.host = parsed.string("host") ?? configuration.host
        configuration.port = UInt16(parsed.integer("port") ?? 9000)
        configuration.dataFile = parsed.string("data")
        configuration.persistInterval = parsed.duration("persist-every") ?? .seconds(5)
        configuration.secret = parsed.string("secret")
        if configuration.secret?.isEmpty == true {
            throw UsageError(
                flag: "--secret", value: "", problem: "is empty",
                hint: "give the secret clients must send, or leave --secret out for open access")
        }
        configuration.maxConnections = parsed.integer("max-connections") ?? 4096
        configuration.connectionTimeout = parsed.duration("connection-timeout") ?? .seconds(30)
        configuration.keepAliveInterval = parsed.duration("keep-alive") ?? .seconds(30)
        if let threads = parsed.integer("threads") { configuration.threadCount = threads }
        configuration.accessLog = parsed.flag("access-log")
        configuration.log = .standardError
        configuration.maxBodyBytes = try byteCount(parsed.string("max-body") ?? "256MB")
        configuration.faults = try faultPlan(parsed)
        return configuration
    }

    static func faultPlan(_ parsed: ParsedCommand) throws -> FaultPlan {
        var plan = FaultPlan(seed: UInt64(parsed.integer("seed") ?? 1))
        if let rate = parsed.number("fail-rate") { plan.failureRates[503] = rate }
        for pair in parsed.pairs("fail") ?? [] {
            guard let status = Int(pair.key), (400...599).contains(status) else {
                throw UsageError(
                    flag: "--fail", value: pair.key, problem: "is not an HTTP error status",
                    hint: "use a status from 400 to 599, e.g. 500=0.01")
            }
            do {
                plan.failureRates[status] = try FractionSyntax.parse(pair.value)
            } catch {
                throw UsageError(flag: "--fail", value: pair.value, error)
            }
        }
        let total = plan.failureRates.values.reduce(0, +)
        guard total <= 1 else {
            let withRate = parsed.wasGiven("fail-rate") ? " with --fail-rate" : ""
            throw UsageError(
                flag: "--fail", value: parsed.texts("fail").last,
                problem: "adds up to \(Int((total * 100).rounded()))%\(withRate)",
                hint: "lower the rates so that they sum to at most 100%")
        }
        if let latency = parsed.durationRange("latency") {
            plan.latency = latency.lower...latency.upper
        }
        if let every = parsed.duration("stall-every") {
            let length = parsed.duration("stall-for") ?? .seconds(2)
            guard length < every else {
                throw UsageError(
                    flag: "--stall-for", value: DurationSyntax.format(length),
                    problem: "is not shorter than --stall-every \(DurationSyntax.format(every))",
                    hint: "make stalls shorter than the interval between them")
            }
            plan.stall = StallSchedule(every: every, length: length)
        } else if parsed.wasGiven("stall-for") {
            throw UsageError(
                flag: "--stall-for", value: parsed.texts("stall-for").last,
                problem: "does nothing without --stall-every",
                hint: "add e.g. --stall-every 30s")
        }
        return plan
    }

    /// `256MB`, `64KB`, `1GB` or plain bytes, in powers of 1024.
    static func byteCount(_ text: String) throws -> Int {
        let units: [(suffix: String, scale: Int)] = [
            ("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1),
        ]
        let upper = text.uppercased()
        let unit = units.first { upper.hasSuffix($0.suffix) } ?? ("", 1)
        guard let number = Int(upper.dropLast(unit.suffix.count)), number > 0,
            number <= Int.max / unit.scale
        else {
            throw UsageError(
                flag: "--max-body", value: text, problem: "is not a size",
                hint: "use e.g. 256MB, 64KB or 1000000")
        }
        return number * unit.scale
    }
}

/// What signals after the first do while `serve` shuts down: the second one only changes the
/// exit code to 130, so that the last save is never cut short (`timeout` and process-group
/// kills send SIGTERM twice); a third ends the process at once, waiting only for a save in
/// progress so that no temporary file is left half-written.
///
/// Thread-safety: the server and the flag are under one `Mutex`, shared by the signal thread
/// and the command.
final class ServeShutdown: Sendable {
    private struct State {
        var server: EmbeddedServer?
        var interrupted = false
    }
    private let state = Mutex(State())
    private let log: ServerLog

    init(log: ServerLog) { self.log = log }

    /// Whether a second signal arrived: the command then exits 130 after shutting down.
    var interrupted: Bool { state.withLock { $0.interrupted } }

    /// The server a third signal must wait for.
    func serving(_ server: EmbeddedServer) {
        state.withLock { $0.server = server }
    }

    /// Signal number `ordinal` (2 or more), named `name`.
    func repeated(_ name: String, _ ordinal: Int) {
        let server = state.withLock { state -> EmbeddedServer? in
            state.interrupted = true
            return state.server
        }
        guard ordinal > 2 else {
            log.write("sartor-load serve: \(name) again; exiting 130 once the tree is saved")
            return
        }
        guard let server else { _exit(ExitCode.interrupted.rawValue) }
        server.exitBetweenSaves { _exit(ExitCode.interrupted.rawValue) }
    }
}
