import Foundation
import SartorEngine
import SartorReports
import SartorWorkload
import Synchronization

/// One run from the first operation to the exit code: the controller, and around it the data
/// sampler, the target watch, Ctrl-C, the status output and, at the end, verify and reports.
final class RunInProgress: Sendable {
    let plan: RunPlan
    let target: RunTarget
    let session: RTDBSession
    let workload: SartorWorkload
    let controller: RunController
    let sampler: DataGrowthSampler
    let watch: TargetWatch
    let startedAt = Date()
    /// How the run ended early, if it did: Ctrl-C, q, a threshold or the target lost.
    let stopReason = Mutex<String?>(nil)
    /// Per-operation latency by time slice, fed from snapshots while the run goes; slices are
    /// sparse (a few KiB an operation) and at most 120, so this stays small for any run length.
    let timeline = Mutex(LatencyTimeline())

    /// How long operations in flight may finish after a stop.
    static let drainTimeout: Duration = .seconds(10)

    init(plan: RunPlan, target: RunTarget, session: RTDBSession) {
        self.plan = plan
        self.target = target
        self.session = session
        workload = SartorWorkload(settings: plan.settings, session: session)
        var configuration = plan.configuration
        configuration.drainTimeout = Self.drainTimeout
        controller = RunController(workload: workload, configuration: configuration)
        sampler = DataGrowthSampler(session: session, paths: plan.settings.paths)
        watch = TargetWatch(session: session, root: plan.settings.paths.root)
    }

    /// Stops the run gracefully, remembering the first reason given; operations still running
    /// get `drain` to finish.
    func stop(because reason: String, drain: Duration = RunInProgress.drainTimeout) {
        stopReason.withLock { if $0 == nil { $0 = reason } }
        controller.stop(drainFor: drain)
    }

    /// How long operations may still run once the target is lost: they can only wait for
    /// retries against a database that is gone, which must not lengthen the run.
    static let lostTargetDrain = Duration.seconds(1)

    /// Runs to the end and returns the exit code.
    func execute() async -> ExitCode {
        TerminationSignals.install { [self] name, ordinal in
            if ordinal == 1 {
                note("stopping: \(name) (press Ctrl-C again to exit at once)")
                stop(because: "interrupted (\(name))")
            } else {
                exitImmediately()
            }
        }

        let background = startBackgroundTasks()
        let final: RunSnapshot
        if plan.headless {
            final = await runHeadless()
        } else {
            final = await runWithDashboard()
        }
        for task in background { task.cancel() }
        await sampler.sample(at: final.activeTime.seconds)

        var verifyReport: VerifyReport?
        if plan.verify, let ledger = workload.ledger, watch.lost == nil {
            verifyReport = await Verifier(session: session, paths: plan.settings.paths)
                .verify(ledger)
        }
        return finish(final, verify: verifyReport)
    }

    private func startBackgroundTasks() -> [Task<Void, Never>] {
        let sampling = Task { [sampler, controller, plan] in
            while !Task.isCancelled {
                await sampler.sample(at: controller.snapshot().activeTime.seconds)
                try? await Task.sleep(for: plan.sampleInterval)
            }
        }
        let watching = Task { [self] in
            await watch.watch {
                // Under the dashboard the terminal is curses'; finish() prints the cause after.
                if self.plan.headless {
                    self.note("stopping: \(self.watch.lost ?? "the target stopped answering")")
                }
                self.stop(because: "target lost", drain: Self.lostTargetDrain)
            }
        }
        return [sampling, watching]
    }

    /// A line on stderr; used only while no dashboard owns the terminal.
    func note(_ line: String) {
        FileHandle.standardError.write(Data("sartor-load: \(line)\n".utf8))
    }

    /// The second Ctrl-C: reports from the current snapshot, then exit 130 at once.
    private func exitImmediately() {
        let snapshot = controller.snapshot()
        stopReason.withLock { $0 = "interrupted twice (Ctrl-C)" }
        writeReports(snapshot, verify: nil)
        exit(ExitCode.interrupted.rawValue)
    }
}
