import Foundation
import SartorEngine
import SartorHTTP
import SartorMetrics
import SartorReports
import SartorServer
import SartorWorkload

extension RunInProgress {
    /// The report of the run as it stands in `snapshot`, its thresholds judged as at the end
    /// when `final`, else as during the run.
    func makeReport(_ snapshot: RunSnapshot, verify: VerifyReport?, final: Bool) -> RunReport {
        var report = RunReport(
            snapshot: snapshot, timeline: timeline.withLock { $0 },
            dataGrowth: sampler.series.map(Self.dataSample), context: reportContext(),
            verify: verify.map(Self.verifySummary))
        report.thresholds = plan.thresholds.map { $0.evaluate(report, final: final) }
        return report
    }

    /// Writes report.md and report.json; prints where, or why it could not.
    @discardableResult
    func writeReports(_ snapshot: RunSnapshot, verify: VerifyReport?, final: Bool = true)
        -> (report: RunReport, written: Bool)
    {
        let report = makeReport(snapshot, verify: verify, final: final)
        do {
            let paths = try ReportWriter.write(report, to: plan.reportDirectory)
            note("reports written: \(paths.joined(separator: ", "))")
            return (report, true)
        } catch {
            note("could not write the reports: \(error)")
            return (report, false)
        }
    }

    /// Writes the reports, prints the summary and picks the exit code: 1 when the target was
    /// lost or the reports could not be written, 2 when verify failed, 99 when a threshold
    /// failed, else 0.
    func finish(_ final: RunSnapshot, verify: VerifyReport?) -> ExitCode {
        let (report, written) = writeReports(final, verify: verify)
        var summary = StatusBlock.finalSummary(report)
        if let verify, !verify.passed {
            summary += verify.detailLines().map { "  \($0)\n" }.joined()
        }
        FileHandle.standardOutput.write(Data(summary.utf8))
        if let lost = watch.lost {
            note(lost)
            return .failure
        }
        if !written { return .failure }
        if let verify, !verify.passed { return .verifyFailed }
        if report.thresholds.contains(where: { $0.verdict == .failed }) { return .thresholdsFailed }
        return .success
    }

    private func reportContext() -> ReportContext {
        var notes = [
            "Latency covers an operation's requests only; the simulated work between a task "
                + "claim and its update (--work) is the agent's own time and is excluded.",
            "A task_claim with no available task is skipped; a lost claim race is a conflict; "
                + "neither counts as an error.",
        ]
        if let reason = stopReason.withLock({ $0 }) {
            notes.append("The run ended early: \(reason).")
        }
        return ReportContext(
            target: target.description, root: plan.settings.paths.root,
            startedAt: Timestamp.format(startedAt), configuration: plan.arguments,
            versions: [
                "sartor-load": SartorVersion.current, "libcurl": HTTPClient.libcurlVersion,
                "libmicrohttpd": EmbeddedServer.libmicrohttpdVersion,
            ], notes: notes)
    }

    static func dataSample(_ sizes: DataSizes) -> DataSizeSample {
        DataSizeSample(
            time: sizes.time,
            records: [
                "agents": sizes.agents, "tasks": sizes.tasks, "knowledge": sizes.knowledge,
                "messages": sizes.messages,
            ])
    }

    static func verifySummary(_ report: VerifyReport) -> VerifySummary {
        VerifySummary(
            passed: report.passed, checked: report.checked,
            missing: report.missing + report.mismatched.map { "different: \($0)" }
                + (report.readFailure.map { ["unreadable: \($0)"] } ?? []),
            notOffline: report.notOffline,
            doubleClaims: report.detailLines(limit: .max).filter { $0.hasPrefix("double claim") })
    }
}
