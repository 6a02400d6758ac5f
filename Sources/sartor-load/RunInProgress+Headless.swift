import Foundation
import SartorDashboard
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
            // Once the run is stopping, for this or another reason, the failure stays said.
            if plan.abortOnFail, !plan.thresholds.isEmpty, stopReason.withLock({ $0 == nil }) {
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
                let block = StatusBlock.render(report, remainingSeconds: remaining)
                FileHandle.standardOutput.write(Data(block.utf8))
            }
        }
    }

    /// Feeds the latency timeline from `snapshot`.
    func updateTimeline(_ snapshot: RunSnapshot) {
        let cumulative = snapshot.operations.map { (name: $0.name, latency: $0.latency) }
        timeline.withLock { $0.update(cumulative: cumulative, at: snapshot.activeTime.seconds) }
    }

    /// Runs under the live dashboard; when the terminal cannot host it, falls back to the
    /// headless output. A second Ctrl-C or q in the dashboard writes the reports and exits 130.
    func runWithDashboard() async -> RunSnapshot {
        let running = Task { [controller] in await controller.run() }
        let progress = Task { [self] in await followProgress(printing: false) }
        defer { progress.cancel() }
        let control = EngineControl(
            controller: controller, target: target.description, root: plan.settings.paths.root)
        do {
            let exit = try await Dashboard.run(
                control,
                options: DashboardOptions(framesPerSecond: plan.framesPerSecond, theme: plan.theme))
            switch exit {
            case .runFinished: break
            case .userQuit: stop(because: "stopped from the dashboard (q)")
            case .interruptedTwice:
                stopReason.withLock { $0 = "stopped twice from the dashboard" }
                writeReports(controller.snapshot(), verify: nil)
                Foundation.exit(ExitCode.interrupted.rawValue)
            }
        } catch {
            note("no dashboard (\(error)); showing status blocks instead")
            let headless = Task { [self] in await followProgress(printing: true) }
            defer { headless.cancel() }
            return await running.value
        }
        let final = await running.value
        updateTimeline(final)
        return final
    }
}
