import SartorEngine
import Testing

@Suite("Closed-model agents join over the first think time")
struct StartSpreadTests {
    /// When each agent's first operation started, after the run's start, for 40 agents that
    /// think 600 ms and run one operation each.
    private func firstStarts(spreadsStart: Bool) async -> [Duration] {
        let workload = SyntheticWorkload(weights: [1]) { _, _, _, _ in .success }
        var configuration = RunConfiguration.closed(
            agents: 40, think: .fixed(.milliseconds(600)), operations: 40)
        configuration.spreadsStart = spreadsStart
        let controller = RunController(workload: workload, configuration: configuration)
        let started = ContinuousClock.now
        _ = await controller.run()
        var first: [Int: Duration] = [:]
        for call in workload.log.all where first[call.agent] == nil {
            first[call.agent] = call.start - started
        }
        return first.values.sorted()
    }

    @Test func agentsStartOverTheMeanThinkTime() async {
        let starts = await firstStarts(spreadsStart: true)

        #expect(starts.count == 40)
        // Uniform over 600 ms: 40 draws all within 200 ms have a chance of (1/3)^39.
        #expect(starts.last! - starts.first! > .milliseconds(200))
        // Generous slack: a loaded CI machine can be late by hundreds of milliseconds.
        #expect(starts.last! < .milliseconds(600) + .milliseconds(1400))
    }

    @Test func withoutTheSpreadEveryAgentStartsAtOnce() async {
        let starts = await firstStarts(spreadsStart: false)

        #expect(starts.count == 40)
        #expect(starts.last! - starts.first! < .milliseconds(200))
    }
}
