import SartorEngine
import SartorHTTP
import SartorServer
import Testing

@testable import SartorWorkload

@Suite struct DataGrowthTests {
    /// Writes `value` at `path` until the faulty server takes it.
    private func write(_ live: LiveServer, _ path: String, _ value: String) async {
        let url = RTDBEndpoint(baseURL: live.server.baseURL).url(path)
        for _ in 0..<50 {
            let request = HTTPRequest(method: "PUT", url: url, body: Array(value.utf8))
            if case .success(let response) = await live.client.send(request),
                response.status == 200
            {
                return
            }
        }
        Issue.record("could not write \(path)")
    }

    @Test func aStrugglingDatabaseStillGivesSamples() async throws {
        let live = try LiveServer(faults: FaultPlan(failureRates: [503: 0.3], seed: 5))
        let paths = live.paths
        await write(live, paths.agent("a1"), #"{"status":"online"}"#)
        await write(live, paths.agent("a2"), #"{"status":"online"}"#)
        await write(live, paths.task("t1"), #"{"status":"available"}"#)
        await write(live, paths.knowledge("k1"), #"{"content":"x"}"#)
        await write(live, paths.directMessage(to: "a1", id: "m1"), #"{"content":"hi"}"#)
        await write(live, paths.directMessage(to: "a2", id: "m2"), #"{"content":"hi"}"#)
        await write(live, paths.broadcast("b1"), #"{"content":"all"}"#)
        let sampler = DataGrowthSampler(session: live.session, paths: paths)

        var sizes: [DataSizes] = []
        for second in 0..<5 {
            if let sample = await sampler.sample(at: Double(second)) { sizes.append(sample) }
        }

        #expect(sizes.count == 5, "a 503 left a hole in the series")
        #expect(live.server.statistics.faults.failures[503, default: 0] > 0)
        for sample in sizes {
            #expect(sample.agents == 2 && sample.tasks == 1 && sample.knowledge == 1)
            #expect(sample.messages == 3)
        }
    }
}
