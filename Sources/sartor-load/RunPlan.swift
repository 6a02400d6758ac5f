import Foundation
import SartorCommandLine
import SartorDashboard
import SartorEngine
import SartorReports
import SartorWorkload

/// Everything `run` was asked to do, read from the command line and checked.
struct RunPlan: Sendable {
    /// nil: start the embedded server.
    var target: URL?
    var authToken: String?
    var settings: SartorSettings
    var configuration: RunConfiguration
    var headless: Bool
    var theme: Theme
    var framesPerSecond: Int
    var statusInterval: Duration
    var sampleInterval: Duration
    var reportDirectory: String
    var thresholds: [Threshold]
    var abortOnFail: Bool
    var verify: Bool
    /// The deadline of each request.
    var requestTimeout: Duration
    /// Every option's effective value (repeated ones all, the token masked), for the reports.
    var arguments: [String: String]

    init(_ parsed: ParsedCommand, stdoutIsTerminal: Bool) throws {
        target = parsed.url("target")
        requestTimeout = parsed.duration("timeout")!
        authToken = parsed.string("auth")
        if authToken?.isEmpty == true {
            throw UsageError(
                flag: "--auth", value: "", problem: "is empty",
                hint: "give the database's token, or leave --auth out for an open database")
        }
        if let target, !["http", "https"].contains(target.scheme?.lowercased() ?? "") {
            throw UsageError(
                flag: "--target", value: target.absoluteString, problem: "is not an http(s) URL",
                hint: "use e.g. https://<db>.firebaseio.com")
        }
        if let target, target.query != nil || target.fragment != nil {
            // Paths are appended to the base URL, which a query or fragment would swallow.
            throw UsageError(
                flag: "--target", value: target.absoluteString,
                problem: "has a query or fragment",
                hint: "give the database's base URL alone, e.g. https://<db>.firebaseio.com")
        }
        let root = parsed.string("root") ?? "agents-network"
        guard Self.isRootPath(root) else {
            throw UsageError(
                flag: "--root", value: root, problem: "is not a valid RTDB key path",
                hint: "write keys such as load-test or teams/load-test: no . $ # [ ] or control "
                    + "characters, no empty key, at most \(Self.rootLimitBytes) bytes")
        }

        let mix = try Self.mix(parsed)
        let work = parsed.durationRange("work")!
        verify = parsed.flag("verify")
        settings = SartorSettings(
            paths: SartorPaths(root: root), mix: mix,
            claimMode: ClaimMode(rawValue: parsed.string("claim")!)!,
            statusQuery: StatusQueryMode(rawValue: parsed.string("status-query")!)!,
            broadcastsPerMinute: parsed.integer("broadcast-limit")!,
            work: ThinkTime(work.lower, work.upper), keepsLedger: verify)
        configuration = try Self.configuration(parsed)

        headless = parsed.flag("no-tui") || !stdoutIsTerminal
        theme = ThemeCatalog.defaultTheme
        if let name = parsed.string("theme") {
            theme = try ThemesCommand.resolve(name, flag: "--theme")
        }
        framesPerSecond = parsed.integer("fps")!
        statusInterval = parsed.duration("status-interval")!
        sampleInterval = parsed.duration("sample-interval")!
        reportDirectory = parsed.string("report-dir") ?? Self.defaultReportDirectory()
        thresholds = try parsed.strings("threshold").map { try Threshold.parse($0) }
        try Threshold.validate(thresholds, operations: SartorOperation.allCases.map(\.name))
        abortOnFail = parsed.flag("abort-on-fail")
        arguments = ReportContext.configuration(parsed)
    }

    private static func configuration(_ parsed: ParsedCommand) throws -> RunConfiguration {
        try refuseConflicts(parsed)
        let think = parsed.durationRange("think")!
        let model: LoadModel
        if let rate = parsed.number("rate") {
            model = .open(rate: rate, maxInFlight: parsed.integer("max-in-flight")!)
        } else {
            model = .closed(
                agents: parsed.integer("agents")!, think: ThinkTime(think.lower, think.upper))
        }
        let stages = (parsed.stages("stages") ?? []).map {
            SartorEngine.Stage(duration: $0.duration, target: $0.target)
        }
        return RunConfiguration(
            model: model, stages: stages,
            // Stages set the run's length; the default --duration would cut long ones short.
            duration: stages.isEmpty
                ? parsed.duration("duration") : stages.reduce(.zero) { $0 + $1.duration },
            operationLimit: parsed.integer("operations"),
            seed: UInt64(parsed.integer("seed")!),
            retryPolicy: RetryPolicy(maxRetries: parsed.integer("retries")!))
    }

    /// Options that the chosen load model would silently ignore are refused instead.
    private static func refuseConflicts(_ parsed: ParsedCommand) throws {
        if parsed.wasGiven("rate") {
            for flag in ["agents", "think"] where parsed.wasGiven(flag) {
                throw UsageError(
                    flag: "--\(flag)", value: parsed.texts(flag).last,
                    problem: "cannot be combined with --rate",
                    hint: "--agents and --think set the closed model, --rate the open one; "
                        + "give one model")
            }
        } else if parsed.wasGiven("max-in-flight") {
            throw UsageError(
                flag: "--max-in-flight", value: parsed.texts("max-in-flight").last,
                problem: "applies to the open model only", hint: "add --rate, or drop it")
        }
        if parsed.wasGiven("stages"), parsed.wasGiven("duration") {
            throw UsageError(
                flag: "--duration", value: parsed.texts("duration").last,
                problem: "cannot be combined with --stages",
                hint: "the run lasts as long as its stages; drop --duration or change the stages")
        }
    }

    /// `--mix`, checked against the operation names.
    private static func mix(_ parsed: ParsedCommand) throws -> OperationMix {
        let text = parsed.texts("mix").last
        let named = (parsed.weights("mix") ?? []).map { (name: $0.name, weight: $0.weight) }
        do {
            return try OperationMix(named: named, text: text ?? "")
        } catch {
            let operations = SartorOperation.allCases.map(\.name)
            switch error {
            case .unknownOperation(let name):
                let near = NearestName.find(name, among: operations)
                throw UsageError(
                    flag: "--mix", value: text, problem: "names an unknown operation \"\(name)\"",
                    hint: near.map { "did you mean \($0)?" }
                        ?? "the operations are \(operations.joined(separator: ", "))")
            case .empty:
                throw UsageError(
                    flag: "--mix", value: text, problem: "gives no operation a weight above 0",
                    hint: "give at least one operation a weight, e.g. direct_message=1")
            default:
                throw UsageError(flag: "--mix", value: text, problem: error.description)
            }
        }
    }

    /// The longest `--root` taken: the run's own keys go under it, and RTDB refuses key paths
    /// over 768 bytes.
    static let rootLimitBytes = 512

    /// Whether `root` is keys joined by `/`, each one a valid RTDB key: not empty (so neither
    /// `/` nor `a//b`, which would write at the database's root or skip a level), without
    /// `. $ # [ ]` or control characters.
    static func isRootPath(_ root: String) -> Bool {
        guard !root.isEmpty, root.utf8.count <= rootLimitBytes else { return false }
        return root.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { key in
            !key.isEmpty
                && key.unicodeScalars.allSatisfy { scalar in
                    !".$#[]".unicodeScalars.contains(scalar) && scalar.value >= 0x20
                        && scalar.value != 0x7F
                }
        }
    }

    /// `sartor-load-reports/<local time>`, e.g. `sartor-load-reports/2025-11-04T13-33-16`.
    static func defaultReportDirectory() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd'T'HH-mm-ss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return "sartor-load-reports/" + formatter.string(from: Date())
    }
}
