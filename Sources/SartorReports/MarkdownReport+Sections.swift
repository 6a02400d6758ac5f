import SartorMetrics

extension RunReport {
    /// Rows at most in the time-based tables; longer series are thinned evenly.
    static let timeRows = 30

    var latencyOverTime: String {
        let names = operations.map(\.name)
        var table = MarkdownTable(
            ["from", "ops/s"] + names.map { "\($0) p95" },
            rightAligned: [false] + Array(repeating: true, count: names.count + 1))
        for slice in Self.thin(timeline.slices) {
            let end = Int(slice.start + timeline.sliceSeconds)
            let operations = perSecond.filter { $0.second >= Int(slice.start) && $0.second < end }
                .reduce(0) { $0 + $1.operations }
            // The last slice may end with the run, before its full width.
            let covered = min(timeline.sliceSeconds, summary.durationSeconds - slice.start)
            let rate = covered > 0 ? Double(operations) / covered : 0
            let cells = names.map { name in
                slice.latency[name].map { Format.micros($0.value(atPercentile: 95)) } ?? "–"
            }
            table.add([Format.elapsed(slice.start), Format.number(rate, decimals: 1)] + cells)
        }
        let heading =
            "## Latency over time\n\n"
            + "p95 per operation in slices of \(Format.elapsed(timeline.sliceSeconds)).\n\n"
        return heading + (timeline.slices.isEmpty ? "No samples." : table.text)
    }

    var errorSection: String {
        var parts: [String] = []
        if errorsByKind.isEmpty {
            parts.append("No operation failed.")
        } else {
            var kinds = MarkdownTable(["kind", "count"], rightAligned: [false, true])
            let mostFirst = errorsByKind.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            for (kind, count) in mostFirst { kinds.add([kind, "\(count)"]) }
            parts.append(kinds.text)
        }
        if let line = agentFailures {
            parts.append("\(line); they are not operations, so they are not counted above.")
        }
        if !recentErrors.isEmpty {
            var recent = MarkdownTable(
                ["time", "operation", "kind", "message"], rightAligned: [true, false, false, false])
            for error in recentErrors.prefix(10) {
                recent.add([Format.elapsed(error.time), error.operation, error.kind, error.message])
            }
            parts.append("Last errors, newest first:\n\n" + recent.text)
        }
        return "## Errors\n\n" + parts.joined(separator: "\n\n")
    }

    /// `Failed agent connects: 2, disconnects: 1`, or nil when none failed.
    var agentFailures: String? {
        guard summary.connectFailures > 0 || summary.disconnectFailures > 0 else { return nil }
        return "Failed agent connects: \(summary.connectFailures), disconnects: "
            + "\(summary.disconnectFailures)"
    }

    var dataGrowthSection: String? {
        guard !dataGrowth.isEmpty else { return nil }
        let collections = Set(dataGrowth.flatMap(\.records.keys)).sorted()
        var table = MarkdownTable(
            ["time"] + collections + ["total"],
            rightAligned: [false] + Array(repeating: true, count: collections.count + 1))
        for sample in Self.thin(dataGrowth) {
            table.add(
                [Format.elapsed(sample.time)] + collections.map { "\(sample.records[$0] ?? 0)" }
                    + ["\(sample.totalRecords)"])
        }
        return "## Data growth\n\nRecords in each collection during the run.\n\n" + table.text
    }

    var findingsSection: String {
        let findings = findings
        guard !findings.isEmpty else {
            return "## Findings and recommendations\n\nNothing stands out: no errors, retries, "
                + "conflicts, refusals or latency trends."
        }
        let items = findings.enumerated().map { index, finding in
            "\(index + 1). **\(finding.title).** \(finding.evidence)\n   *Recommendation:* "
                + finding.recommendation
        }
        return "## Findings and recommendations\n\n" + items.joined(separator: "\n")
    }

    var verifySection: String? {
        guard let verify else { return nil }
        var lines = [
            "## Verify", "",
            "\(verify.passed ? "Passed" : "FAILED"): \(verify.checked) records checked, "
                + "\(verify.missing.count) missing or different, \(verify.notOffline.count) "
                + "agents not offline, \(verify.doubleClaims.count) double claims.",
        ]
        for (title, items) in [
            ("Missing or different", verify.missing), ("Agents not offline", verify.notOffline),
            ("Double claims", verify.doubleClaims),
        ]
        where !items.isEmpty {
            lines += ["", "\(title):", ""] + items.prefix(50).map { "- \($0)" }
            if items.count > 50 { lines.append("- … and \(items.count - 50) more in report.json") }
        }
        return lines.joined(separator: "\n")
    }

    var configurationSection: String? {
        guard !context.configuration.isEmpty || !context.versions.isEmpty else { return nil }
        var table = MarkdownTable(["setting", "value"], rightAligned: [false, false])
        for (key, value) in context.configuration.sorted(by: { $0.key < $1.key }) {
            table.add([key, "`\(value)`"])
        }
        for (name, version) in context.versions.sorted(by: { $0.key < $1.key }) {
            table.add(["version of \(name)", version])
        }
        return "## Configuration\n\n" + table.text
    }

    /// At most `timeRows` elements, evenly spaced, always keeping the first and the last.
    static func thin<T>(_ items: [T]) -> [T] {
        guard items.count > timeRows else { return items }
        let step = Double(items.count - 1) / Double(timeRows - 1)
        return (0..<timeRows).map { items[Int((Double($0) * step).rounded())] }
    }
}
