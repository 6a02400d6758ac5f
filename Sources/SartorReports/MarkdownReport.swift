import SartorMetrics

extension RunReport {
    /// `report.md`: what a person reads after a run. Deterministic for a given report.
    public var markdown: String {
        let sections = [
            executiveSummary, operationBreakdown, latencyByOperation, latencyOverTime,
            errorSection, dataGrowthSection, findingsSection, thresholdSection, verifySection,
            configurationSection,
        ]
        return "# sartor-load report\n\n" + sections.compactMap { $0 }.joined(separator: "\n\n")
            + "\n"
    }

    private var executiveSummary: String {
        let latency = latency.values(atPercentiles: [50, 95, 99])
        var lines = [
            "## Executive summary", "",
            "- Target: \(context.target.isEmpty ? "unknown" : context.target)"
                + (context.root.isEmpty ? "" : ", root `\(context.root)`"),
        ]
        if !context.startedAt.isEmpty { lines.append("- Started: \(context.startedAt)") }
        lines += [
            "- Duration: \(Format.elapsed(summary.durationSeconds)) of active time",
            "- Operations: \(summary.operations) (\(Format.number(summary.opsPerSecond, decimals: 1))/s, "
                + "\(Format.number(summary.opsPerSecond * 60, decimals: 1))/min)",
            "- Errors: \(summary.errors) (\(Format.percent(summary.errorRate))); skipped "
                + "\(summary.skipped), conflicts \(summary.conflicts), rate limited "
                + "\(summary.rateLimited), retries \(summary.retries)",
        ]
        if let agentFailures {
            lines.append("- \(agentFailures) (counted as neither operations nor errors)")
        }
        if summary.interrupted > 0 {
            lines.append(
                "- Interrupted: \(summary.interrupted) operations were still running at the "
                    + "stop's deadline and were cancelled; they count in neither operations nor errors"
            )
        }
        lines += [
            "- Latency: p50 \(Format.micros(latency[0])), p95 \(Format.micros(latency[1])), "
                + "p99 \(Format.micros(latency[2]))",
            "- Data: \(Format.bytes(summary.bytesSent)) sent, "
                + "\(Format.bytes(summary.bytesReceived)) received",
        ]
        if !thresholds.isEmpty {
            let failed = thresholds.filter { $0.verdict == .failed }.count
            lines.append(
                "- Thresholds: "
                    + (failed == 0
                        ? "all \(thresholds.count) passed"
                        : "\(failed) of "
                            + "\(thresholds.count) FAILED"))
        }
        if let verify {
            lines.append(
                "- Verify: \(verify.passed ? "passed" : "FAILED") (\(verify.checked) checked)")
        }
        let count = findings.count
        lines.append("- Findings: \(count == 0 ? "none" : "\(count), see below")")
        return lines.joined(separator: "\n")
    }

    private var operationBreakdown: String {
        var table = MarkdownTable(
            [
                "operation", "target", "realised", "count", "errors", "skipped", "conflicts",
                "rate limited", "retries", "sent", "received",
            ], rightAligned: [false] + Array(repeating: true, count: 10))
        let total = max(operations.reduce(0) { $0 + $1.count + $1.rateLimited }, 1)
        for operation in operations {
            table.add([
                operation.name, Format.percent(operation.targetShare),
                Format.percent(Double(operation.count + operation.rateLimited) / Double(total)),
                "\(operation.count)", "\(operation.errors)", "\(operation.skipped)",
                "\(operation.conflicts)", "\(operation.rateLimited)", "\(operation.retries)",
                Format.bytes(operation.bytesSent), Format.bytes(operation.bytesReceived),
            ])
        }
        return "## Operation breakdown\n\n" + table.text
    }

    private var latencyByOperation: String {
        var table = MarkdownTable(
            ["operation", "p50", "p95", "p99", "max", "mean", "samples"],
            rightAligned: [false, true, true, true, true, true, true])
        for (name, histogram) in operations.map({ ($0.name, $0.latency) }) + [("all", latency)] {
            guard !histogram.isEmpty else {
                table.add([name, "–", "–", "–", "–", "–", "0"])
                continue
            }
            let values = histogram.values(atPercentiles: [50, 95, 99])
            table.add(
                [name] + values.map(Format.micros) + [
                    Format.micros(histogram.max), Format.milliseconds(histogram.mean / 1000),
                    "\(histogram.totalCount)",
                ])
        }
        let notes = context.notes.map { "\n\n> \($0)" }.joined()
        return "## Latency by operation\n\n" + table.text + notes
    }

    private var thresholdSection: String? {
        guard !thresholds.isEmpty else { return nil }
        var table = MarkdownTable(
            ["threshold", "result", "measured"], rightAligned: [false, false, false])
        for result in thresholds {
            table.add(["`\(result.threshold)`", result.verdict.rawValue, result.detail])
        }
        return "## Thresholds\n\n" + table.text
    }
}
