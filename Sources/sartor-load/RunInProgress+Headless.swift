import Foundation
import SartorEngine
import SartorReports

extension RunInProgress {
    /// Runs without the dashboard: a status block every `--status-interval`, thresholds
    /// checked every second with `--abort-on-fail`.
    func runHeadless() async -> RunSnapshot {
        let progress = Task { [self] in await followProgress(printing: true) }
        let final = await controller.run()
        progress.cancel()
        updateTimeline(final)
        return final
    }

    /// Every second: feeds the latency timeline, checks thresholds when asked to abort on a
    /// failure, and (headless) prints the status block when it is due.
    func followProgress(printing: Bool) async {
        let clock = ContinuousClock()
        var nextStatus = clock.now + plan.statusInterval
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(1))
            let snapshot = controller.snapshot()
            updateTimeline(snapshot)
            if plan.abortOnFail, !plan.thresholds.isEmpty {
                let report = makeReport(snapshot, verify: nil, final: false)
                if let failed = report.thresholds.first(where: { $0.verdict == .failed }) {
                    if printing { note("stopping: threshold \(failed.threshold) failed") }
                    stop(because: "threshold \(failed.threshold) failed (\(failed.detail))")
                }
            }
            if printing, clock.now >= nextStatus {
                nextStatus = clock.now + plan.statusInterval
                let report = makeReport(snapshot, verify: nil, final: false)
                let remaining = plan.configuration.duration.map {
                    max(0, ($0 - snapshot.activeTime).seconds)
                }
                print(StatusBlock.render(report, remainingSeconds: remaining), terminator: "")
                fflush(stdout)
            }
        }
    }

    func updateTimeline(_ snapshot: RunSnapshot) {
        let cumulative = snapshot.operations.map { (name: $0.name, latency: $0.latency) }
        timeline.withLock { $0.update(cumulative: cumulative, at: snapshot.activeTime.seconds) }
    }

    // Limitation: until the dashboard is wired in, a terminal run shows the headless status
    // blocks too.
    func runWithDashboard() async -> RunSnapshot {
        await runHeadless()
    }
}
