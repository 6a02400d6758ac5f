import SartorEngine

extension RunReport {
    /// Several reports of load generators that ran at the same time against one target, as one:
    /// counts add up, histograms merge (so percentiles are those of all samples), the duration
    /// is the longest, per-second series add second by second. Configuration, target and
    /// notes are the first report's; with several reports, threshold results are dropped
    /// (evaluate them again on the merged figures). One report comes back unchanged.
    public static func merged(_ reports: [RunReport]) -> RunReport? {
        guard var result = reports.first else { return nil }
        if reports.count > 1 { result.thresholds = [] }
        for report in reports.dropFirst() {
            result.summary.add(report.summary)
            for operation in report.operations {
                if let index = result.operations.firstIndex(where: { $0.name == operation.name }) {
                    result.operations[index].add(operation)
                } else {
                    result.operations.append(operation)
                }
            }
            result.timeline.merge(report.timeline)
            result.errorsByKind.merge(report.errorsByKind, uniquingKeysWith: +)
            result.recentErrors = Array(
                (result.recentErrors + report.recentErrors).sorted { $0.time > $1.time }.prefix(100)
            )
            result.lastOperations = Array(
                (result.lastOperations + report.lastOperations).sorted { $0.time < $1.time }
                    .suffix(RunSnapshot.recentOperationLimit))
            result.dataGrowth = (result.dataGrowth + report.dataGrowth).sorted { $0.time < $1.time }
            result.perSecond = mergeSeconds(result.perSecond, report.perSecond)
            result.verify = mergeVerify(result.verify, report.verify)
        }
        let totalShare = result.operations.reduce(0) { $0 + $1.targetShare }
        if totalShare > 0 {
            for index in result.operations.indices {
                result.operations[index].targetShare /= totalShare
            }
        }
        return result
    }

    private static func mergeSeconds(_ a: [SecondSample], _ b: [SecondSample]) -> [SecondSample] {
        var bySecond: [Int: SecondSample] = [:]
        for sample in a + b {
            var merged =
                bySecond[sample.second]
                ?? SecondSample(
                    second: sample.second, operations: 0, errors: 0, bytes: 0)
            merged.operations += sample.operations
            merged.errors += sample.errors
            merged.bytes += sample.bytes
            bySecond[sample.second] = merged
        }
        return bySecond.values.sorted { $0.second < $1.second }
    }

    private static func mergeVerify(_ a: VerifySummary?, _ b: VerifySummary?) -> VerifySummary? {
        guard let a, let b else { return a ?? b }
        return VerifySummary(
            passed: a.passed && b.passed, checked: a.checked + b.checked,
            missing: a.missing + b.missing, notOffline: a.notOffline + b.notOffline,
            doubleClaims: a.doubleClaims + b.doubleClaims)
    }
}

extension Summary {
    mutating func add(_ other: Summary) {
        operations += other.operations
        errors += other.errors
        skipped += other.skipped
        conflicts += other.conflicts
        rateLimited += other.rateLimited
        retries += other.retries
        missedStarts += other.missedStarts
        interrupted += other.interrupted
        connectFailures += other.connectFailures
        disconnectFailures += other.disconnectFailures
        durationSeconds = max(durationSeconds, other.durationSeconds)
        bytesSent += other.bytesSent
        bytesReceived += other.bytesReceived
    }
}

extension OperationReport {
    mutating func add(_ other: OperationReport) {
        targetShare += other.targetShare
        count += other.count
        errors += other.errors
        skipped += other.skipped
        conflicts += other.conflicts
        rateLimited += other.rateLimited
        retries += other.retries
        bytesSent += other.bytesSent
        bytesReceived += other.bytesReceived
        latency.add(other.latency)
    }
}
