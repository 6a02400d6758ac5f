import SartorMetrics
import Testing

@testable import SartorEngine

/// The open model. Every assertion holds however late the test's threads are scheduled: the
/// machine running the suite may be busy, so lateness may only add missed starts.
@Suite struct OpenModelTests {
    static func open(
        rate: Double, maxInFlight: Int, duration: Duration? = nil, operations: Int? = nil,
        stages: [Stage] = []
    ) -> RunConfiguration {
        RunConfiguration(
            model: .open(rate: rate, maxInFlight: maxInFlight), stages: stages,
            duration: duration, operationLimit: operations, seed: 7, retryPolicy: .disabled,
            drainTimeout: .seconds(5))
    }

    @Test func aStallShowsInCorrectedLatencyAndNotInRaw() async throws {
        // 200 operations/s, one at a time, 1 ms each, except the 10th which stalls 200 ms: the
        // ~40 starts due during the stall begin late, so the corrected latency sees the stall
        // many times and the raw latency once.
        let workload = SyntheticWorkload(weights: [1]) { _, _, call, _ in
            await work(for: .milliseconds(call == 10 ? 200 : 1))
        }
        let controller = RunController(
            workload: workload,
            configuration: Self.open(rate: 200, maxInFlight: 1, operations: 60))
        let final = await controller.run()
        let stats = final.operations[0]
        let raw = try #require(stats.rawLatency)
        #expect(stats.completed == 60)
        #expect(raw.totalCount == 60 && stats.latency.totalCount == 60)
        #expect(raw.max >= 200_000)
        let correctedMedian = stats.latency.value(atPercentile: 50)
        #expect(correctedMedian > 40_000)
        #expect(raw.value(atPercentile: 50) * 4 < correctedMedian)
        #expect(final.missedStarts >= 20)
        #expect(workload.log.mostRunningAtOnce == 1)
    }

    @Test(arguments: [3.0, 7.0, 10.0, 20.0])
    func aRateOverADurationStartsExactlyRateTimesDuration(rate: Double) async {
        let workload = SyntheticWorkload(weights: [1]) { _, _, _, _ in .success }
        let controller = RunController(
            workload: workload,
            configuration: Self.open(rate: rate, maxInFlight: 50, duration: .seconds(1)))
        let final = await controller.run()
        // Every start due before the end runs, late or not; the one due at the end does not.
        #expect(final.completedOperations == Int(rate))
    }

    @Test func aRunEndedByItsOperationLimitMissesNothing() async {
        let workload = SyntheticWorkload(weights: [1]) { _, _, _, _ in .success }
        let controller = RunController(
            workload: workload,
            configuration: Self.open(rate: 100, maxInFlight: 50, operations: 30))
        let final = await controller.run()
        #expect(final.completedOperations == 30)
        #expect(final.missedStarts == 0)
    }

    @Test func nothingScheduledIsDroppedSilently() async {
        let workload = SyntheticWorkload(weights: [1]) { _, _, _, _ in
            await work(for: .milliseconds(5))
        }
        let controller = RunController(
            workload: workload,
            configuration: Self.open(rate: 200, maxInFlight: 50, duration: .milliseconds(500)))
        let final = await controller.run()
        // 100 starts are due in 500 ms (at 0, 5, ... 495 ms): each one ran or was counted as
        // missed (late starts count as missed too), and none beyond the end ran.
        #expect(final.completedOperations <= 100)
        #expect(final.completedOperations + final.missedStarts >= 100)
        #expect(final.agents == 0)
        #expect(workload.log.mostRunningAtOnce <= 50)
        #expect(workload.log.connectCount <= 50)
        #expect(workload.log.disconnectCount == workload.log.connectCount)
        #expect(final.expectedRate == 200)
    }

    @Test func missedStartsAreCountedWhenInFlightIsFull() async {
        let workload = SyntheticWorkload(weights: [1]) { _, _, _, _ in
            await work(for: .milliseconds(20))
        }
        let controller = RunController(
            workload: workload,
            configuration: Self.open(rate: 400, maxInFlight: 2, duration: .milliseconds(300)))
        let final = await controller.run()
        // Two slots of 20 ms give at most 100/s against 400/s asked for: most starts are late.
        #expect(final.missedStarts > final.completedOperations / 2)
        #expect(final.completedOperations + final.missedStarts >= 120)
        #expect(workload.log.mostRunningAtOnce <= 2)
    }

    @Test func pauseShiftsTheScheduleWithoutABurst() async {
        let workload = SyntheticWorkload(weights: [1]) { _, _, _, _ in .success }
        let controller = RunController(
            workload: workload,
            configuration: Self.open(rate: 100, maxInFlight: 10, duration: .seconds(10)))
        let run = Task { await controller.run() }
        #expect(await eventually { workload.log.count >= 10 })
        controller.pause()
        try? await Task.sleep(for: .milliseconds(20))
        let before = workload.log.count
        try? await Task.sleep(for: .milliseconds(200))
        #expect(workload.log.count == before)

        controller.resume()
        try? await Task.sleep(for: .milliseconds(50))
        // About 5 are due in 50 ms; a burst would replay the 20 scheduled during the pause.
        #expect(workload.log.count - before <= 12)
        controller.stop(drainFor: .seconds(1))
        #expect(await run.value.state == .finished)
    }

    @Test func stagesMoveTheRate() async {
        let workload = SyntheticWorkload(weights: [1]) { _, _, _, _ in .success }
        let stages = [
            Stage(duration: .milliseconds(200), target: 400),
            Stage(duration: .milliseconds(200), target: 0),
        ]
        let controller = RunController(
            workload: workload,
            configuration: Self.open(rate: 0, maxInFlight: 10, stages: stages))
        let run = Task { await controller.run() }
        var highest = 0.0
        while controller.snapshot().state != .finished {
            highest = max(highest, controller.snapshot().load.value)
            try? await Task.sleep(for: .milliseconds(5))
        }
        let final = await run.value
        // The triangle 0 -> 400 -> 0 over 0.4 s holds 80 operations; the run ends with it.
        #expect(highest > 300 && highest <= 400)
        #expect(final.activeTime < .seconds(2))
        #expect(final.completedOperations <= 90)
        #expect(final.completedOperations + final.missedStarts >= 70)
    }
}
