extension RunReport {
    /// Samples a time slice needs before its median is compared.
    static let trendSamples = 5

    /// Operations whose median latency grew by half or more from the first to the last slice.
    var latencyGrowth: [Finding]? {
        guard let first = timeline.slices.first, let last = timeline.slices.last,
            first.start != last.start
        else { return nil }
        let growth = dataGrowth.count >= 2 ? (dataGrowth.first!, dataGrowth.last!) : nil
        var findings: [Finding] = []
        for operation in operations {
            guard let early = first.latency[operation.name],
                let late = last.latency[operation.name],
                early.totalCount >= Self.trendSamples, late.totalCount >= Self.trendSamples
            else { continue }
            let before = early.value(atPercentile: 50)
            let after = late.value(atPercentile: 50)
            guard before > 0, Double(after) >= 1.5 * Double(before) else { continue }
            var evidence =
                "Median latency of \(operation.name) went from \(Format.micros(before)) in the "
                + "first slice to \(Format.micros(after)) in the last"
            var recommendation =
                "Find what slows \(operation.name) down over time: queues that build up, or "
                + "load that rises faster than the target scales."
            if let (start, end) = growth, end.totalRecords > start.totalRecords {
                evidence +=
                    ", while the data grew from \(start.totalRecords) to \(end.totalRecords) "
                    + "records"
                recommendation =
                    readsWholeCollections(operation.name)
                    ? "Reads that download whole collections slow down as the data grows: read "
                        + "shallow (`shallow=true`), page with `orderBy`/`limitToLast`, or archive "
                        + "old records."
                    : "\(operation.name) only writes, so larger data does not slow it by "
                        + "itself: most likely it waits behind other requests, which a database "
                        + "serves one at a time, and whole-collection reads take longer as the "
                        + "data grows. Make those reads smaller (shallow, paged) or archive old "
                        + "records; then look at the rules evaluated on each write."
            }
            findings.append(
                Finding(
                    title: "Latency of \(operation.name) grew during the run",
                    evidence: evidence + ".", recommendation: recommendation))
        }
        return findings
    }

    var contentionFindings: [Finding] {
        operations.flatMap { operation -> [Finding] in
            var findings: [Finding] = []
            if operation.conflicts > 0 { findings.append(contention(operation)) }
            if operation.rateLimited > 0 {
                findings.append(
                    Finding(
                        title: "The rate limit of \(operation.name) was hit",
                        evidence: "\(operation.rateLimited) picks of \(operation.name) were held "
                            + "back by the per-agent rate limit.",
                        recommendation: "Expected when the mix asks for more than the limit "
                            + "allows; lower the weight or raise the limit if the target can "
                            + "take it."))
            }
            if operation.skipped > 0 {
                let share = Double(operation.skipped) / Double(operation.count)
                // Under one run in twenty a skip is the ordinary start of a run, not a shortage.
                let often = share >= 0.05
                findings.append(
                    Finding(
                        title: "\(operation.name) \(often ? "often" : "sometimes") found "
                            + "nothing to do",
                        evidence: "\(operation.skipped) of \(operation.count) runs were skipped "
                            + "(\(Format.percent(share))).",
                        recommendation: often
                            ? (operation.name == "direct_message"
                                ? "A message needs another agent online: run more agents (in "
                                    + "the open model, a rate that keeps several busy)."
                                : "The work it consumes is produced too slowly: raise the "
                                    + "weight of the operations that produce it.")
                            : "No action needed: this happens while the network is still "
                                + "filling, before there is work to take."))
            }
            return findings
        }
    }

    /// Operations that download whole collections: the Sartor operations that read the agents
    /// or the tasks to choose from, and `status_query` unless it reads shallow.
    func readsWholeCollections(_ name: String) -> Bool {
        switch name {
        case "direct_message", "task_claim": true
        case "status_query": context.configuration["status-query"] != "shallow"
        default: false
        }
    }

    /// Lost races of `operation`, read in the light of the claim mode and of verify.
    private func contention(_ operation: OperationReport) -> Finding {
        let share = Format.percent(Double(operation.conflicts) / Double(operation.count))
        var evidence = "\(operation.conflicts) of \(operation.count) runs lost a race (\(share))"
        let doubleClaims = verify?.doubleClaims.count
        let found = doubleClaims ?? 0
        let recommendation: String
        switch context.configuration["claim"] {
        case "naive":
            evidence +=
                "; read-then-patch claims (`--claim naive`) cannot stop a second agent from "
                + "claiming a task it read as available"
            evidence +=
                doubleClaims.map {
                    $0 > 0
                        ? ", and verify found \($0) double claims" : "; verify found none this run"
                }
                ?? "; `--verify` would list the double claims"
            recommendation =
                "Claim with a conditional write (`--claim safe`, ETag and If-Match): a lost "
                + "race then ends in a 412 instead of a second claim."
        case "safe" where found > 0:
            evidence += ", yet verify found \(found) double claims although claims were conditional"
            recommendation =
                "Check that the target honours If-Match on PUT (a 412 once the ETag has changed) "
                + "and that nothing else writes claims."
        case "safe":
            evidence += "; conditional writes (ETag and If-Match) let only one agent win each task"
            recommendation =
                "Expected contention, not an error: the losers move on. To lose fewer races, "
                + "give the claimers more tasks to choose from (a higher task_create weight) or "
                + "fewer rivals."
        default:
            recommendation =
                "Expected when agents compete for the same records; check with `--verify` that "
                + "no record was taken twice."
        }
        return Finding(
            title: "\(operation.name) met contention", evidence: evidence + ".",
            recommendation: recommendation)
    }

    /// Operations whose p99 is more than ten times their median.
    var tailFindings: [Finding] {
        operations.compactMap { operation in
            let latency = operation.latency
            guard latency.totalCount >= 100 else { return nil }
            let p50 = latency.value(atPercentile: 50)
            let p99 = latency.value(atPercentile: 99)
            guard p50 > 0, p99 > 10 * p50 else { return nil }
            return Finding(
                title: "\(operation.name) has a long tail",
                evidence: "p99 \(Format.micros(p99)) is \(p99 / p50)× the median "
                    + "\(Format.micros(p50)).",
                recommendation: "Users meet the tail often at this volume: look for lock waits, "
                    + "retries and slow paths in this operation.")
        }
    }

    var loadFindings: [Finding] {
        guard summary.missedStarts > 0 else { return [] }
        return [
            Finding(
                title: "The generator missed start times",
                evidence: "\(summary.missedStarts) operations started late or not at all.",
                recommendation: "Latencies are measured from the intended start, so they stay "
                    + "honest; raise `--max-in-flight` or lower the rate to keep the schedule.")
        ]
    }
}
