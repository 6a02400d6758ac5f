import SartorMetrics
import Synchronization
import Testing

@testable import SartorEngine

@Suite struct ClosedModelTests {
    @Test func operationLimitStopsTheRunAfterExactlyThatMany() async {
        let workload = SyntheticWorkload(weights: [1, 3]) { _, _, _, _ in .success }
        let controller = RunController(
            workload: workload, configuration: .closed(agents: 4, operations: 200))
        let final = await controller.run()
        #expect(final.state == .finished)
        #expect(final.startedOperations == 200)
        #expect(final.completedOperations == 200)
        #expect(workload.log.count == 200)
        #expect(workload.log.disconnectCount == workload.log.connectCount)
        #expect(final.operations.map(\.picks).reduce(0, +) == 200)
        #expect(final.latency.totalCount == 200)
    }

    @Test func durationLimitStopsTheRun() async {
        let workload = SyntheticWorkload(weights: [1]) { _, _, _, _ in
            await work(for: .milliseconds(1))
        }
        let controller = RunController(
            workload: workload, configuration: .closed(agents: 3, duration: .milliseconds(150)))
        let final = await controller.run()
        #expect(final.state == .finished)
        #expect(final.activeTime >= .milliseconds(150))
        #expect(final.activeTime < .seconds(3))
        #expect(final.completedOperations > 0)
        #expect(final.errorCount == 0)
    }

    @Test func realisedMixFollowsTheWeights() async {
        let workload = SyntheticWorkload(weights: [1, 1, 2]) { _, _, _, _ in .success }
        let controller = RunController(
            workload: workload, configuration: .closed(agents: 8, operations: 8_000))
        let final = await controller.run()
        // Shares over 8,000 picks have a standard deviation of at most 0.0056.
        for (stats, target) in zip(final.operations, [0.25, 0.25, 0.5]) {
            #expect(stats.targetShare == target)
            #expect(abs(stats.realisedShare - target) < 0.03)
        }
    }

    @Test func nothingStartsWhilePaused() async {
        let workload = SyntheticWorkload(weights: [1]) { _, _, _, _ in
            await work(for: .milliseconds(2))
        }
        let controller = RunController(workload: workload, configuration: .closed(agents: 4))
        let run = Task { await controller.run() }
        #expect(await eventually { workload.log.count > 20 })

        controller.pause()
        #expect(await eventually { controller.snapshot().inFlight == 0 })
        let calls = workload.log.count
        let paused = controller.snapshot()
        #expect(paused.state == .paused)
        try? await Task.sleep(for: .milliseconds(80))
        #expect(workload.log.count == calls)
        // Paused time is not active time.
        #expect(controller.snapshot().activeTime - paused.activeTime < .milliseconds(20))

        controller.resume()
        #expect(await eventually { workload.log.count > calls + 10 })
        controller.stop(drainFor: .seconds(1))
        #expect(await run.value.state == .finished)
    }

    @Test func weightChangeAppliesAtTheNextPick() async {
        let controllerBox = Mutex<RunController?>(nil)
        let workload = SyntheticWorkload(weights: [1, 0]) { operation, _, call, _ in
            if call == 4 { controllerBox.withLock { $0 }?.setWeights([0, 1]) }
            return .success
        }
        let controller = RunController(
            workload: workload, configuration: .closed(agents: 1, operations: 12))
        controllerBox.withLock { $0 = controller }
        let final = await controller.run()
        #expect(
            workload.log.operations(ofAgent: 0) == [0, 0, 0, 0, 0] + Array(repeating: 1, count: 7))
        #expect(final.operations[1].targetShare == 1)

        controller.restoreWeights()
        #expect(controller.snapshot().operations[0].targetWeight == 1)
    }

    @Test func stopDrainsRunningOperations() async {
        let workload = SyntheticWorkload(weights: [1]) { _, _, _, _ in
            await work(for: .milliseconds(60))
        }
        let controller = RunController(workload: workload, configuration: .closed(agents: 5))
        let run = Task { await controller.run() }
        #expect(await eventually { controller.snapshot().inFlight == 5 })
        controller.stop(drainFor: .seconds(5))
        let final = await run.value
        #expect(final.errorCount == 0)
        #expect(final.completedOperations == final.startedOperations)
        #expect(workload.log.disconnectCount == 5)
    }

    @Test func stopCancelsWhatOutlivesTheDeadline() async {
        let workload = SyntheticWorkload(weights: [1]) { _, _, _, _ in
            await work(for: .seconds(30))
        }
        let controller = RunController(workload: workload, configuration: .closed(agents: 3))
        let run = Task { await controller.run() }
        #expect(await eventually { controller.snapshot().inFlight == 3 })
        let start = ContinuousClock.now
        controller.stop(drainFor: .milliseconds(50))
        let final = await run.value
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(final.state == .finished)
        // Cut short by the run itself: interrupted, not failed.
        #expect(final.interrupted == 3)
        #expect(final.completedOperations == 0)
        #expect(final.errorCount == 0)
    }

    @Test func secondStopCancelsAtOnce() async {
        let workload = SyntheticWorkload(weights: [1]) { _, _, _, _ in
            await work(for: .seconds(30))
        }
        let controller = RunController(workload: workload, configuration: .closed(agents: 2))
        let run = Task { await controller.run() }
        #expect(await eventually { controller.snapshot().inFlight == 2 })
        controller.stop(drainFor: .seconds(60))
        controller.stop(drainFor: .seconds(60))
        let start = ContinuousClock.now
        _ = await run.value
        #expect(ContinuousClock.now - start < .seconds(5))
    }
}
