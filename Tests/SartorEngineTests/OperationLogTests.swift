import Testing

@testable import SartorEngine

@Suite struct OperationLogTests {
    @Test func keepsTheLastHundredInOrder() {
        let log = OperationLog()
        for index in 0..<250 {
            log.record(
                OperationEvent(
                    time: Double(index), operation: "a", outcome: .success, latencyMicros: 1))
        }
        let events = log.events()
        #expect(events.count == RunSnapshot.recentOperationLimit)
        #expect(events.first?.time == 150)
        #expect(events.last?.time == 249)
    }

    @Test func theOpenModelLogsTheCorrectedLatency() async throws {
        // One at a time at 200/s; the 3rd operation stalls 100 ms, so the starts due during
        // the stall begin late, and their logged latency counts from when they were due.
        let workload = SyntheticWorkload(weights: [1]) { _, _, call, _ in
            await work(for: .milliseconds(call == 3 ? 100 : 1))
        }
        let controller = RunController(
            workload: workload,
            configuration: OpenModelTests.open(rate: 200, maxInFlight: 1, operations: 20))
        let final = await controller.run()
        let logged = final.recentOperations.map(\.latencyMicros).sorted()
        let raw = try #require(final.operations[0].rawLatency)
        #expect(final.recentOperations.count == 20)
        #expect(logged == logged.sorted() && logged[10] > 2 * raw.value(atPercentile: 50))
    }
}
