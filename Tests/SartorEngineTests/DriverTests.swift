import SartorMetrics
import Testing

@testable import SartorEngine

@Suite("A workload's driver runs the closed model with no think time")
struct DriverTests {
    @Test func operationLimitIsExactAndNoAgentRuns() async {
        let driver = ThreadDriver(operationTime: .microseconds(200))
        let workload = DrivenWorkload(weights: [1], driver: driver)
        let controller = RunController(
            workload: workload, configuration: .closed(agents: 8, operations: 500))

        let final = await controller.run()

        #expect(final.state == .finished)
        #expect(final.startedOperations == 500)
        #expect(final.completedOperations == 500)
        #expect(driver.recorded.count == 500)
        #expect(driver.mostInFlight == 8)
        #expect(final.latency.totalCount == 500)
        #expect(final.operations[0].requests == 500)
        #expect(final.operations[0].bytesReceived == 500 * 100)
        #expect(workload.synthetic.log.count == 0)
        #expect(final.inFlight == 0)
    }

    @Test func durationLimitEndsTheRun() async {
        let driver = ThreadDriver(operationTime: .milliseconds(1))
        let controller = RunController(
            workload: DrivenWorkload(weights: [1], driver: driver),
            configuration: .closed(agents: 4, duration: .milliseconds(150)))

        let final = await controller.run()

        #expect(final.activeTime >= .milliseconds(150))
        // Generous: the whole suite runs at once on two shared cores.
        #expect(final.activeTime < .seconds(10))
        #expect(final.completedOperations > 0)
        #expect(final.completedOperations == final.startedOperations)
    }

    @Test func failuresAreCountedByKindAndFed() async {
        let driver = ThreadDriver(operationTime: .microseconds(100)) { call in
            call % 4 == 0
                ? .failure(.httpStatus(503), message: "GET /x: HTTP status 503") : .success
        }
        let controller = RunController(
            workload: DrivenWorkload(weights: [1], driver: driver),
            configuration: .closed(agents: 2, operations: 40))

        let final = await controller.run()

        let failures = driver.recorded.filter(\.isFailure).count
        #expect(failures == 10)
        #expect(final.operations[0].errorsByKind == [.httpStatus(503): failures])
        #expect(final.errors.recentErrors.last?.message == "GET /x: HTTP status 503")
    }

    @Test func nothingStartsWhilePausedAndResumeContinues() async {
        let driver = ThreadDriver(operationTime: .milliseconds(1))
        let controller = RunController(
            workload: DrivenWorkload(weights: [1], driver: driver),
            configuration: .closed(agents: 4, operations: 400))
        let run = Task { await controller.run() }
        #expect(await eventually { controller.snapshot().completedOperations > 20 })

        controller.pause()
        #expect(await eventually { controller.snapshot().inFlight == 0 })
        let startedWhenIdle = controller.snapshot().startedOperations
        try? await Task.sleep(for: .milliseconds(60))
        #expect(controller.snapshot().startedOperations == startedWhenIdle)
        controller.resume()
        let final = await run.value

        #expect(final.completedOperations == 400)
    }

    @Test func stopWhilePausedEndsTheWaitingLanes() async {
        let driver = ThreadDriver(operationTime: .milliseconds(1))
        let controller = RunController(
            workload: DrivenWorkload(weights: [1], driver: driver),
            configuration: .closed(agents: 4))
        let run = Task { await controller.run() }
        #expect(await eventually { controller.snapshot().completedOperations > 10 })
        controller.pause()
        #expect(await eventually { controller.snapshot().inFlight == 0 })

        let stopped = ContinuousClock.now
        controller.stop(drainFor: .seconds(30))
        let final = await run.value

        #expect(ContinuousClock.now - stopped < .seconds(5))
        #expect(final.completedOperations == final.startedOperations)
    }

    @Test func stopDrainsOperationsInFlight() async {
        let driver = ThreadDriver(operationTime: .milliseconds(40))
        let controller = RunController(
            workload: DrivenWorkload(weights: [1], driver: driver),
            configuration: .closed(agents: 3))
        let run = Task { await controller.run() }
        #expect(await eventually { controller.snapshot().inFlight == 3 })

        controller.stop(drainFor: .seconds(5))
        let final = await run.value

        #expect(final.completedOperations == final.startedOperations)
        #expect(final.errorCount == 0)
    }

    @Test func stopCancelsWhatOutlivesTheDeadline() async {
        let driver = ThreadDriver(operationTime: .seconds(30))
        let controller = RunController(
            workload: DrivenWorkload(weights: [1], driver: driver),
            configuration: .closed(agents: 2))
        let run = Task { await controller.run() }
        #expect(await eventually { controller.snapshot().inFlight == 2 })

        let stopped = ContinuousClock.now
        controller.stop(drainFor: .milliseconds(50))
        let final = await run.value

        #expect(ContinuousClock.now - stopped < .seconds(5))
        #expect(final.interrupted == 2)
        #expect(final.completedOperations == 0)
        #expect(final.operations[0].errorsByKind.isEmpty)
    }

    @Test func thinkTimeOrStagesRunAgentsAndLoadIsFixedOtherwise() async {
        let driver = ThreadDriver(operationTime: .microseconds(100))
        let workload = DrivenWorkload(weights: [1], driver: driver)
        let thinking = RunController(
            workload: workload,
            configuration: .closed(agents: 2, think: .fixed(.microseconds(1)), operations: 20))
        let driven = RunController(
            workload: workload, configuration: .closed(agents: 2, operations: 20))

        _ = await thinking.run()

        #expect(workload.synthetic.log.count == 20)
        #expect(driver.recorded.isEmpty)
        #expect(!driven.setLoad(.agents(5)))
        #expect(thinking.setLoad(.agents(5)))
    }
}
