import SartorMetrics

/// The `report.json` layout, field for field; `docs/report.schema.json` describes it.
/// Derived figures (rates, percentiles) are written for readers and ignored when read back:
/// the histograms are the source of truth, which is what makes reports mergeable.
struct ReportDocument: Codable {
    struct SummaryFields: Codable {
        var operations, errors, skipped, conflicts, rateLimited, retries, missedStarts: Int
        /// Absent from reports written before they existed.
        var interrupted, connectFailures, disconnectFailures: Int?
        var bytesSent, bytesReceived: Int
        var durationSeconds: Double
        var opsPerSecond: Double?
        var errorRate: Double?
        var latencyMs: LatencyFigures?
    }

    struct OperationFields: Codable {
        var index: Int
        var targetShare: Double
        var count, errors, skipped, conflicts, rateLimited, retries, bytesSent, bytesReceived: Int
        var latencyMs: LatencyFigures?
        var histogram: String
    }

    struct SliceOperation: Codable {
        var count: Int
        var latencyMs: LatencyFigures?
        var histogram: String
    }

    struct Slice: Codable {
        var startSecond: Double
        var operations: [String: SliceOperation]
    }

    struct Timeline: Codable {
        var sliceSeconds: Double
        var slices: [Slice]
    }

    struct Errors: Codable {
        var byKind: [String: Int]
        var recent: [ErrorRecord]
    }

    struct Target: Codable {
        var url: String
        var root: String
    }

    var schemaVersion: Int
    var summary: SummaryFields
    var operations: [String: OperationFields]
    var perSecond: [SecondSample]
    var latencyOverTime: Timeline
    var errors: Errors
    var lastOperations: [OperationRecord]
    var dataGrowth: [DataSizeSample]
    var configuration: [String: String]
    var target: Target
    var startedAt: String
    var versions: [String: String]
    var notes: [String]
    var verify: VerifySummary?
    var thresholds: [ThresholdResult]
}

extension ReportDocument {
    init(_ report: RunReport) {
        let summary = report.summary
        schemaVersion = RunReport.schemaVersion
        self.summary = SummaryFields(
            operations: summary.operations, errors: summary.errors, skipped: summary.skipped,
            conflicts: summary.conflicts, rateLimited: summary.rateLimited,
            retries: summary.retries, missedStarts: summary.missedStarts,
            interrupted: summary.interrupted, connectFailures: summary.connectFailures,
            disconnectFailures: summary.disconnectFailures, bytesSent: summary.bytesSent,
            bytesReceived: summary.bytesReceived,
            durationSeconds: summary.durationSeconds, opsPerSecond: summary.opsPerSecond,
            errorRate: summary.errorRate, latencyMs: LatencyFigures(report.latency))
        var operations: [String: OperationFields] = [:]
        for (index, operation) in report.operations.enumerated() {
            operations[operation.name] = OperationFields(
                index: index, targetShare: operation.targetShare, count: operation.count,
                errors: operation.errors, skipped: operation.skipped,
                conflicts: operation.conflicts, rateLimited: operation.rateLimited,
                retries: operation.retries, bytesSent: operation.bytesSent,
                bytesReceived: operation.bytesReceived,
                latencyMs: LatencyFigures(operation.latency), histogram: operation.latency.encoded()
            )
        }
        self.operations = operations
        perSecond = report.perSecond
        latencyOverTime = Timeline(
            sliceSeconds: report.timeline.sliceSeconds,
            slices: report.timeline.slices.map { slice in
                Slice(
                    startSecond: slice.start,
                    operations: slice.latency.mapValues { latency in
                        SliceOperation(
                            count: latency.totalCount, latencyMs: LatencyFigures(latency),
                            histogram: latency.encoded())
                    })
            })
        errors = Errors(byKind: report.errorsByKind, recent: report.recentErrors)
        lastOperations = report.lastOperations
        dataGrowth = report.dataGrowth
        configuration = report.context.configuration
        target = Target(url: report.context.target, root: report.context.root)
        startedAt = report.context.startedAt
        versions = report.context.versions
        notes = report.context.notes
        verify = report.verify
        thresholds = report.thresholds
    }

    func report(path: String) throws -> RunReport {
        let operations = try self.operations.sorted { $0.value.index < $1.value.index }.map {
            name, fields in
            OperationReport(
                name: name, targetShare: fields.targetShare, count: fields.count,
                errors: fields.errors, skipped: fields.skipped, conflicts: fields.conflicts,
                rateLimited: fields.rateLimited, retries: fields.retries,
                bytesSent: fields.bytesSent, bytesReceived: fields.bytesReceived,
                latency: try decodeHistogram(
                    fields.histogram, path: path, field: "operations.\(name)"))
        }
        let slices = try latencyOverTime.slices.map { slice in
            LatencyTimeline.Slice(
                start: slice.startSecond,
                latency: try slice.operations.mapValues {
                    try decodeSparseHistogram($0.histogram, path: path, field: "latencyOverTime")
                })
        }
        return RunReport(
            summary: Summary(
                operations: summary.operations, errors: summary.errors, skipped: summary.skipped,
                conflicts: summary.conflicts, rateLimited: summary.rateLimited,
                retries: summary.retries, missedStarts: summary.missedStarts,
                interrupted: summary.interrupted ?? 0,
                connectFailures: summary.connectFailures ?? 0,
                disconnectFailures: summary.disconnectFailures ?? 0,
                durationSeconds: summary.durationSeconds, bytesSent: summary.bytesSent,
                bytesReceived: summary.bytesReceived),
            operations: operations, perSecond: perSecond,
            timeline: LatencyTimeline(sliceSeconds: latencyOverTime.sliceSeconds, slices: slices),
            // Older reports counted the client-side kinds here too.
            errorsByKind: errors.byKind.filter { !RunReport.clientSideLabels.contains($0.key) },
            recentErrors: errors.recent,
            lastOperations: lastOperations, dataGrowth: dataGrowth,
            context: ReportContext(
                target: target.url, root: target.root, startedAt: startedAt,
                configuration: configuration, versions: versions, notes: notes),
            verify: verify, thresholds: thresholds)
    }
}
