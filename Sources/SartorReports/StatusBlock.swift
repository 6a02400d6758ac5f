/// The plain-text status printed every `--status-interval` by headless runs, and the final
/// summary; no terminal control codes, so it reads the same in a log file or CI output.
public enum StatusBlock {
    /// A status block: elapsed and remaining time, totals, rates, then one line per operation
    /// with its count, errors and p50/p95/p99. `remainingSeconds` is nil when the run has no
    /// time limit.
    public static func render(_ report: RunReport, remainingSeconds: Double?) -> String {
        let summary = report.summary
        var head = "[\(Format.elapsed(summary.durationSeconds))] status"
        if let remainingSeconds {
            head += ", \(Format.elapsed(max(remainingSeconds, 0))) remaining"
        }
        return ([head, totals(summary)] + agentFailures(summary) + table(report))
            .joined(separator: "\n") + "\n"
    }

    /// The summary printed at the end: totals, the operation table, thresholds, verify and
    /// findings, in a few lines.
    public static func finalSummary(_ report: RunReport) -> String {
        var lines = ["sartor-load finished after \(Format.elapsed(report.summary.durationSeconds))"]
        lines.append(totals(report.summary))
        lines += agentFailures(report.summary)
        lines += table(report)
        for result in report.thresholds {
            lines.append(
                "threshold \(result.threshold): \(result.verdict.rawValue) (\(result.detail))")
        }
        if let verify = report.verify {
            lines.append(
                "verify: \(verify.passed ? "passed" : "FAILED"), \(verify.checked) checked, "
                    + "\(verify.missing.count) missing, \(verify.notOffline.count) not offline, "
                    + "\(verify.doubleClaims.count) double claims")
        }
        for finding in report.findings { lines.append("finding: \(finding.title)") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func totals(_ summary: Summary) -> String {
        "operations \(summary.operations) (\(Format.number(summary.opsPerSecond * 60, decimals: 1))"
            + "/min, \(Format.number(summary.opsPerSecond, decimals: 1))/s), errors "
            + "\(summary.errors) (\(Format.percent(summary.errorRate))), skipped "
            + "\(summary.skipped), conflicts \(summary.conflicts), retries \(summary.retries)"
            + (summary.interrupted > 0 ? ", interrupted at stop \(summary.interrupted)" : "")
    }

    /// Agents' failed connects and disconnects, when there were any: not operations, so apart.
    private static func agentFailures(_ summary: Summary) -> [String] {
        guard summary.connectFailures > 0 || summary.disconnectFailures > 0 else { return [] }
        return [
            "agents: failed connects \(summary.connectFailures), failed disconnects "
                + "\(summary.disconnectFailures) (not operations)"
        ]
    }

    private static func table(_ report: RunReport) -> [String] {
        let rows =
            report.operations.map { ($0.name, $0.count, $0.errors, $0.latency) }
            + [("all", report.summary.operations, report.summary.errors, report.latency)]
        let width = max(rows.map { $0.0.count }.max() ?? 0, 9)
        let header =
            pad("operation", width) + pad("count", 9, right: true)
            + pad("errors", 8, right: true) + pad("p50", 11, right: true)
            + pad("p95", 11, right: true) + pad("p99", 11, right: true)
        return ["  " + header]
            + rows.map { name, count, errors, latency in
                let values = latency.isEmpty ? nil : latency.values(atPercentiles: [50, 95, 99])
                let cells = (values ?? [0, 0, 0]).map { latency.isEmpty ? "–" : Format.micros($0) }
                return "  " + pad(name, width) + pad("\(count)", 9, right: true)
                    + pad("\(errors)", 8, right: true)
                    + cells.map { pad($0, 11, right: true) }.joined()
            }
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(width - text.count, 0))
        return right ? fill + text : text + fill
    }
}
