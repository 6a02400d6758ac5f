/// One whole second of active time.
public struct SecondSample: Sendable, Equatable, Codable {
    public var second: Int
    public var operations: Int
    public var errors: Int
    public var bytes: Int

    public init(second: Int, operations: Int, errors: Int, bytes: Int) {
        self.second = second
        self.operations = operations
        self.errors = errors
        self.bytes = bytes
    }
}

/// One failure as shown in "last errors".
public struct ErrorRecord: Sendable, Equatable, Codable {
    /// Seconds of active time since the start.
    public var time: Double
    public var operation: String
    /// `ErrorKind.label`, e.g. `http 503`.
    public var kind: String
    public var message: String

    public init(time: Double, operation: String, kind: String, message: String) {
        self.time = time
        self.operation = operation
        self.kind = kind
        self.message = message
    }
}

/// One operation as it ended, for the "last operations" log.
public struct OperationRecord: Sendable, Equatable, Codable {
    /// Seconds of active time since the start, at the end of the operation.
    public var time: Double
    public var operation: String
    /// `success`, `error`, `skipped` or `conflict`.
    public var outcome: String
    public var latencyMs: Double
    /// The error kind's label or the reason, when not a success.
    public var detail: String?

    public init(
        time: Double, operation: String, outcome: String, latencyMs: Double, detail: String? = nil
    ) {
        self.time = time
        self.operation = operation
        self.outcome = outcome
        self.latencyMs = latencyMs
        self.detail = detail
    }
}

/// The size of the data under test at one moment: record counts by collection.
public struct DataSizeSample: Sendable, Equatable, Codable {
    /// Seconds of active time since the start.
    public var time: Double
    /// Records per collection, e.g. `messages`, `tasks`, `knowledge`.
    public var records: [String: Int]

    public init(time: Double, records: [String: Int]) {
        self.time = time
        self.records = records
    }

    public var totalRecords: Int { records.values.reduce(0, +) }
}

/// What `--verify` found when it read back what the run wrote.
public struct VerifySummary: Sendable, Equatable, Codable {
    public var passed: Bool
    /// Records read back and compared.
    public var checked: Int
    /// What was acknowledged but is absent or different, or could not be read back, one line
    /// each.
    public var missing: [String]
    /// Agents still online after the run, one line each.
    public var notOffline: [String]
    /// Tasks claimed by more than one agent, one line each.
    public var doubleClaims: [String]

    public init(
        passed: Bool, checked: Int, missing: [String], notOffline: [String] = [],
        doubleClaims: [String]
    ) {
        self.passed = passed
        self.checked = checked
        self.missing = missing
        self.notOffline = notOffline
        self.doubleClaims = doubleClaims
    }

    private enum CodingKeys: String, CodingKey {
        case passed, checked, missing, notOffline, doubleClaims
    }

    /// Reads reports written before `notOffline` existed (they listed those agents in
    /// `missing`) as well as current ones.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        passed = try container.decode(Bool.self, forKey: .passed)
        checked = try container.decode(Int.self, forKey: .checked)
        missing = try container.decode([String].self, forKey: .missing)
        notOffline = try container.decodeIfPresent([String].self, forKey: .notOffline) ?? []
        doubleClaims = try container.decode([String].self, forKey: .doubleClaims)
    }
}

/// Where and how the run was made.
public struct ReportContext: Sendable, Equatable, Codable {
    /// The target's base URL, or a description of the embedded server.
    public var target: String
    public var root: String
    /// Wall-clock start, ISO 8601.
    public var startedAt: String
    /// The run's options as given, in order (`agents` → `64`).
    public var configuration: [String: String]
    /// `sartor-load`, `swift`, ... → version.
    public var versions: [String: String]
    /// Facts a reader needs to read the figures right, e.g. what a latency covers.
    public var notes: [String]

    public init(
        target: String = "", root: String = "", startedAt: String = "",
        configuration: [String: String] = [:], versions: [String: String] = [:],
        notes: [String] = []
    ) {
        self.target = target
        self.root = root
        self.startedAt = startedAt
        self.configuration = configuration
        self.versions = versions
        self.notes = notes
    }
}
