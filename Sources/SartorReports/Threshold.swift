import SartorCommandLine

/// A pass/fail criterion on a run, written `[operation.]metric<limit`, e.g. `p95<1500ms`,
/// `error_rate<1%`, `direct_message.p99<2s`, `ops_per_second>10`.
public struct Threshold: Sendable, Equatable {
    /// What a threshold measures.
    public enum Metric: Sendable, Equatable {
        /// Latency at a percentile (0...100), in ms.
        case percentile(Double)
        case maxLatency
        case meanLatency
        /// Real errors per operation, a fraction.
        case errorRate
        case errors
        case operations
        case opsPerSecond
        /// Conflicts per operation, a fraction.
        case conflictRate
        case retries

        /// Whether its limit is a duration (compared in ms).
        var isLatency: Bool {
            switch self {
            case .percentile, .maxLatency, .meanLatency: true
            default: false
            }
        }
    }

    public enum Comparison: String, Sendable, CaseIterable {
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case less = "<"
        case greater = ">"

        func holds(_ actual: Double, _ limit: Double) -> Bool {
            switch self {
            case .less: actual < limit
            case .lessOrEqual: actual <= limit
            case .greater: actual > limit
            case .greaterOrEqual: actual >= limit
            }
        }
    }

    /// The text as the user wrote it.
    public var text: String
    /// The operation it applies to; nil for the whole run.
    public var operation: String?
    public var metric: Metric
    public var comparison: Comparison
    /// In the metric's unit: ms for latencies, a fraction for rates, per second, or a count.
    public var limit: Double

    static let metricNames =
        "p50, p90, p95, p99, p99.9, max, mean, error_rate, errors, operations, ops_per_second, "
        + "conflict_rate, retries"
    static let hint = "use e.g. p95<1500ms, error_rate<1%, direct_message.p99<2s, ops_per_second>10"

    /// Parses one threshold; errors are `UsageError`s naming `--threshold` and the text.
    public static func parse(_ text: String) throws -> Threshold {
        func refuse(_ problem: String, _ hint: String = Threshold.hint) -> UsageError {
            UsageError(flag: "--threshold", value: text, problem: problem, hint: hint)
        }
        let spaceless = text.filter { !$0.isWhitespace }
        guard
            let comparison = Comparison.allCases.first(where: { spaceless.contains($0.rawValue) }),
            let range = spaceless.range(of: comparison.rawValue)
        else { throw refuse("has no comparison", "write <, <=, > or >=; \(hint)") }
        let subject = spaceless[..<range.lowerBound]
        let limitText = String(spaceless[range.upperBound...])
        var operation: String?
        var metricName = String(subject)
        if metric(named: metricName) == nil, let dot = subject.firstIndex(of: ".") {
            operation = String(subject[..<dot])
            metricName = String(subject[subject.index(after: dot)...])
        }
        guard let metric = metric(named: metricName) else {
            throw refuse("has an unknown metric \"\(metricName)\"", "use \(metricNames)")
        }
        if operation?.isEmpty == true { throw refuse("has an empty operation name") }
        let limit: Double
        do { limit = try parseLimit(limitText, for: metric) } catch {
            throw refuse("has a bad limit \"\(limitText)\"", "\(error.hint ?? hint)")
        }
        return Threshold(
            text: text, operation: operation, metric: metric, comparison: comparison,
            limit: limit)
    }

    private static func metric(named name: String) -> Metric? {
        switch name {
        case "max": return .maxLatency
        case "mean", "avg": return .meanLatency
        case "error_rate": return .errorRate
        case "errors": return .errors
        case "operations", "count": return .operations
        case "ops_per_second", "rps": return .opsPerSecond
        case "conflict_rate": return .conflictRate
        case "retries": return .retries
        default:
            guard name.hasPrefix("p"), let value = Double(name.dropFirst()),
                (0...100).contains(value)
            else { return nil }
            return .percentile(value)
        }
    }

    private static func parseLimit(_ text: String, for metric: Metric) throws(ValueError) -> Double
    {
        switch metric {
        case .percentile, .maxLatency, .meanLatency:
            if let milliseconds = Double(text), milliseconds >= 0 { return milliseconds }
            let duration = try DurationSyntax.parse(text)
            let (seconds, attoseconds) = duration.components
            return Double(seconds) * 1000 + Double(attoseconds) / 1e15
        case .errorRate, .conflictRate:
            return try FractionSyntax.parse(text)
        case .opsPerSecond:
            return try RateSyntax.parse(text)
        case .errors, .operations, .retries:
            return Double(try IntegerSyntax.parse(text, in: 0...Int.max))
        }
    }

    /// Checks that every threshold's operation is one of `operations`, suggesting the nearest.
    public static func validate(_ thresholds: [Threshold], operations: [String]) throws {
        for threshold in thresholds {
            guard let name = threshold.operation, !operations.contains(name) else { continue }
            let hint =
                NearestName.find(name, among: operations).map { "did you mean \($0)?" }
                ?? "operations are \(operations.joined(separator: ", "))"
            throw UsageError(
                flag: "--threshold", value: threshold.text,
                problem: "names an unknown operation \"\(name)\"", hint: hint)
        }
    }
}
