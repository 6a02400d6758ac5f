/// Everything that shapes one embedded server. The defaults suit `run`'s in-process target: a
/// free loopback port, no persistence, no faults, no output.
public struct ServerConfiguration: Sendable {
    /// Numeric address to listen on; loopback unless the user asks otherwise.
    public var host = "127.0.0.1"
    /// Port to listen on; 0 picks a free one (read it back from `EmbeddedServer.port`).
    public var port: UInt16 = 0
    /// Server threads, each with its own epoll set.
    public var threadCount = max(2, System.processorCount)
    /// Connections beyond this are closed as soon as they are accepted.
    public var maxConnections = 4096
    /// Silence after which a connection is closed (whole seconds; 0 disables the timeout).
    public var connectionTimeout: Duration = .seconds(30)
    /// Largest request body accepted; a larger declared body gets 413.
    public var maxBodyBytes = 256 << 20
    /// A Firebase JSON export loaded at start and written back while running; nil keeps the
    /// tree in memory only.
    public var dataFile: String?
    /// How often a changed tree is written to `dataFile`.
    public var persistInterval: Duration = .seconds(5)
    /// When set, every request must carry it (`auth=`, `access_token=` or a bearer token).
    public var secret: String?
    /// Failures, latency and stalls to inject.
    public var faults = FaultPlan()
    /// Interval between `keep-alive` events on idle event streams.
    public var keepAliveInterval: Duration = .seconds(30)
    /// Whether every response is written to the log as one access line.
    public var accessLog = false
    /// Where start, stop, persist and failure lines (and access lines) go.
    public var log = ServerLog.silent

    public init() {}
}

/// A destination for the server's log lines. Lines carry no trailing newline.
public struct ServerLog: Sendable {
    private let sink: (@Sendable (String) -> Void)?

    /// A log that writes each line with `sink`.
    public init(_ sink: @escaping @Sendable (String) -> Void) {
        self.sink = sink
    }

    private init() { sink = nil }

    /// Discards everything (the default when embedded).
    public static let silent = ServerLog()

    /// Writes each line to standard error.
    public static let standardError = ServerLog { line in
        System.writeStandardError(line + "\n")
    }

    /// Whether anything is listening; callers skip formatting when not.
    public var isEnabled: Bool { sink != nil }

    /// Writes one line (built only when the log is enabled).
    public func write(_ line: @autoclosure () -> String) {
        sink?(line())
    }
}
