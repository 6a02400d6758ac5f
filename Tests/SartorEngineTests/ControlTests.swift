import SartorMetrics
import Testing

@testable import SartorEngine

@Suite struct ControlTests {
    @Test func stagesMoveTheAgentCount() async {
        let workload = SyntheticWorkload(weights: [1]) { _, _, _, _ in
            await work(for: .milliseconds(1))
        }
        var configuration = RunConfiguration.closed(agents: 0)
        configuration.stages = [
            Stage(duration: .milliseconds(100), target: 8),
            Stage(duration: .milliseconds(150), target: 8),
            Stage(duration: .milliseconds(100), target: 2),
            Stage(duration: .milliseconds(150), target: 2),
        ]
        let controller = RunController(workload: workload, configuration: configuration)
        let run = Task { await controller.run() }
        var seen: [(Double, Int)] = []
        while controller.snapshot().state != .finished {
            let snapshot = controller.snapshot()
            seen.append((snapshot.activeTime.seconds, snapshot.agents))
            try? await Task.sleep(for: .milliseconds(5))
        }
        let final = await run.value
        // Up to 8, then down to 2 (a slow machine may sample late, never out of order).
        let reachedEight = seen.firstIndex { $0.1 == 8 }
        #expect(reachedEight != nil)
        #expect(seen[(reachedEight ?? seen.endIndex)...].contains { $0.0 > 0.35 && $0.1 == 2 })
        #expect(!seen.contains { $0.1 > 8 })
        #expect(final.activeTime < .seconds(2))
        #expect(workload.log.disconnectCount == workload.log.connectCount)
    }

    @Test func setLoadAddsAndRemovesAgentsGracefully() async {
        let workload = SyntheticWorkload(weights: [1]) { _, _, _, _ in
            await work(for: .milliseconds(3))
        }
        // Long think times would spread the first two agents' starts over 20 s.
        var configuration = RunConfiguration.closed(agents: 2, think: .fixed(.seconds(20)))
        configuration.spreadsStart = false
        let controller = RunController(workload: workload, configuration: configuration)
        let run = Task { await controller.run() }
        #expect(await eventually { controller.snapshot().agents == 2 })
        #expect(controller.setLoad(.agents(6)))
        #expect(!controller.setLoad(.rate(10)))
        #expect(await eventually { controller.snapshot().agents == 6 })
        #expect(await eventually { workload.log.count == 6 })

        // The removed agents are thinking for 20 s: they are woken and leave at once.
        controller.setLoad(.agents(1))
        #expect(await eventually(within: .seconds(2)) { controller.snapshot().agents == 1 })
        #expect(workload.log.disconnectCount == 5)
        #expect(controller.snapshot().errorCount == 0)
        controller.stop(drainFor: .seconds(1))
        _ = await run.value
        #expect(workload.log.disconnectCount == 6)
    }

    @Test func anOperationOverItsRateLimitIsSkipped() async {
        let workload = SyntheticWorkload([
            OperationSpec(
                name: "broadcast", weight: 1, rateLimit: RateLimit(3, per: .seconds(3600))),
            OperationSpec(name: "read", weight: 1),
        ]) { _, _, _, _ in .success }
        let controller = RunController(
            workload: workload, configuration: .closed(agents: 2, operations: 400))
        let final = await controller.run()
        let broadcast = final.operations[0]
        #expect(broadcast.completed == 6)
        #expect(broadcast.rateLimited == broadcast.picks - 6)
        #expect(broadcast.rateLimited > 100)
        #expect(final.operations[1].rateLimited == 0)
        #expect(workload.log.all.filter { $0.operation == 0 }.count == 6)
        #expect(final.errorCount == 0)
        // The limit counts the operations that ran, not the picks a rate limit skipped.
        #expect(final.completedOperations == 400)
    }

    @Test func theSameSeedRepeatsEveryAgentsSequence() async {
        func sequences(seed: UInt64) async -> [[Int]] {
            let workload = SyntheticWorkload(weights: [1, 1, 1, 1]) { _, _, _, _ in
                await work(for: .milliseconds(1))
            }
            var configuration = RunConfiguration.closed(agents: 3, operations: 300)
            configuration.seed = seed
            _ = await RunController(workload: workload, configuration: configuration).run()
            return (0..<3).map { workload.log.operations(ofAgent: $0) }
        }
        let first = await sequences(seed: 42)
        let second = await sequences(seed: 42)
        let other = await sequences(seed: 43)
        for agent in 0..<3 {
            let length = min(first[agent].count, second[agent].count, other[agent].count, 40)
            #expect(length >= 20)
            #expect(first[agent].prefix(length) == second[agent].prefix(length))
            #expect(first[agent].prefix(length) != other[agent].prefix(length))
        }
    }

    @Test func snapshotCountsOutcomesAndContextCounters() async {
        let workload = SyntheticWorkload(weights: [1]) { _, _, call, context in
            context.bytesSent += 100
            context.bytesReceived += 10
            context.requests += 1
            context.retries += call % 2
            switch call % 4 {
            case 0: return .success
            case 1: return .failure(.httpStatus(503), message: "busy")
            case 2: return .skipped(reason: "nothing to claim")
            default: return .conflict(reason: "taken")
            }
        }
        let controller = RunController(
            workload: workload, configuration: .closed(agents: 1, operations: 40))
        let final = await controller.run()
        let stats = final.operations[0]
        #expect(stats.successes == 10 && stats.errors == 10)
        #expect(stats.skipped == 10 && stats.conflicts == 10)
        #expect(stats.errorsByKind == [.httpStatus(503): 10])
        #expect(stats.bytesSent == 4_000 && stats.bytesReceived == 400 && stats.requests == 40)
        #expect(stats.retries == 20 && final.retries == 20)
        #expect(final.errors.countsByKind[.httpStatus(503)] == 10)
        #expect(final.errors.recentErrors.last?.operation == "op0")
        #expect(final.perSecond.totals.operations == 40)
        #expect(final.perSecond.totals.bytes == 4_400)
    }

    @Test func failedConnectsAreCountedAndRetried() async {
        var workload = SyntheticWorkload(weights: [1]) { _, _, _, _ in .success }
        workload.failedConnects = 2
        let controller = RunController(
            workload: workload,
            configuration: .closed(agents: 3, think: .fixed(.milliseconds(1)), operations: 30))
        let final = await controller.run()
        #expect(final.connectFailures == 6)
        // In the feed, but not in the operations' counts by kind.
        #expect(final.errors.countsByKind[.connectionRefused] == nil)
        #expect(final.errors.recentErrors.filter { $0.operation == "connect" }.count == 6)
        #expect(final.completedOperations == 30)
        #expect(workload.log.connectCount == 3)
    }
}
