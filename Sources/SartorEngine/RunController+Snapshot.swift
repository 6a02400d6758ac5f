import SartorMetrics
import Synchronization

extension RunController {
    /// The run's figures now. Thread-safe; costs a few histogram merges per operation (well
    /// under a millisecond for a handful of operations), so it can be taken 10 times a second.
    public func snapshot() -> RunSnapshot {
        let now = ContinuousClock.now
        let control = control.withLock { $0 }
        // Read before the tallies, so that every operation not in flight here is counted there.
        let inFlightNow = inFlight.load(ordering: .acquiring)
        let active = control.activeTime(at: now)
        let tallies = recorder.tallies()
        let view = recorder.harvest(atSecond: Int(active.seconds), tallies: tallies)

        let totalPicks = tallies.reduce(0) { $0 + $1.picks }
        let stats = operations.indices.map { index in
            let tally = tallies[index]
            return OperationStats(
                name: operations[index].name,
                targetWeight: control.mix.weights[index],
                targetShare: control.mix.share(of: index),
                picks: tally.picks,
                realisedShare: totalPicks > 0 ? Double(tally.picks) / Double(totalPicks) : 0,
                completed: tally.completed,
                successes: tally.successes,
                errors: tally.errors,
                errorsByKind: tally.errorsByKind,
                skipped: tally.skipped,
                conflicts: tally.conflicts,
                rateLimited: tally.rateLimited,
                requests: tally.requests,
                retries: tally.retries,
                bytesSent: tally.bytesSent,
                bytesReceived: tally.bytesReceived,
                latency: view.latency[index],
                rawLatency: view.rawLatency[index],
                recentLatency: view.recentLatency[index]
            )
        }
        let recentSeconds = active.seconds - Double(view.recentStartSecond)
        let achieved = recentSeconds > 0.05 ? Double(view.recentCompleted) / recentSeconds : 0

        return RunSnapshot(
            state: control.state,
            model: configuration.model,
            load: control.load,
            agents: liveAgents.load(ordering: .relaxed),
            activeTime: active,
            elapsedTime: control.startInstant.map { now - $0 } ?? .zero,
            durationLimit: configuration.duration,
            operationLimit: configuration.operationLimit,
            stageIndex: control.stageIndex,
            operations: stats,
            perSecond: view.perSecond,
            errors: recorder.errorFeed(),
            recentOperations: recorder.log.events(),
            inFlight: inFlightNow,
            startedOperations: control.started,
            completedOperations: tallies.reduce(0) { $0 + $1.completed },
            missedStarts: missedStarts.load(ordering: .relaxed),
            connectFailures: connectFailures.load(ordering: .relaxed),
            disconnectFailures: disconnectFailures.load(ordering: .relaxed),
            interrupted: interrupted.load(ordering: .relaxed),
            expectedRate: expectedRate(load: control.load, recent: view.recentLatency),
            achievedRate: achieved
        )
    }

    /// Operations/s the load should give: the rate itself in the open model; in the closed
    /// model each agent does one operation per (mean think time + recent mean latency).
    private func expectedRate(load: Load, recent: [Histogram]) -> Double {
        switch (configuration.model, load) {
        case (.open, .rate(let rate)):
            return rate
        case (.closed(_, let think), .agents(let agents)):
            var merged = Histogram()
            for histogram in recent { merged.add(histogram) }
            let cycle = think.mean.seconds + merged.mean / 1_000_000
            return cycle > 0 ? Double(agents) / cycle : 0
        default:
            return 0
        }
    }
}
