import Testing

@testable import SartorWorkload

@Suite struct OperationMixTests {
    @Test func standardMixIsTheOriginals() {
        let weights = SartorOperation.allCases.map { OperationMix.standard[$0] }
        #expect(weights == [30, 10, 15, 15, 20, 10])
        #expect(
            SartorOperation.allCases.map(\.name) == [
                "direct_message", "broadcast", "task_create", "task_claim", "knowledge_add",
                "status_query",
            ])
    }

    @Test func missingNamesGetZero() throws {
        let mix = try OperationMix.parse("direct_message=30, task_claim=5.5")
        #expect(mix[.directMessage] == 30)
        #expect(mix[.taskClaim] == 5.5)
        #expect(mix[.broadcast] == 0)
    }

    @Test func unknownNamesAreRefusedWithTheValidOnes() {
        #expect(throws: MixError.unknownOperation("dm")) { try OperationMix.parse("dm=3") }
        let text = MixError.unknownOperation("dm").description
        #expect(text.contains("'dm'") && text.contains("status_query"))
    }

    @Test(arguments: ["broadcast", "broadcast=x", "broadcast=-1", "broadcast=0", "a=1=2"])
    func malformedMixesAreRefused(_ text: String) {
        #expect(throws: MixError.self) { try OperationMix.parse(text) }
    }

    @Test func repeatedNamesAreRefused() {
        #expect(throws: MixError.repeated("broadcast")) {
            try OperationMix.parse("broadcast=1,broadcast=2")
        }
    }

    @Test func endpointBuildsEncodedURLsAndMasksTheToken() {
        let endpoint = RTDBEndpoint(baseURL: "https://db.example/", authToken: "s3cr/t")
        let url = endpoint.url("my root/agents", query: [("shallow", "true")])
        #expect(url == "https://db.example/my%20root/agents.json?shallow=true&auth=s3cr%2Ft")
        #expect(
            endpoint.masked("GET \(url): 503")
                == "GET https://db.example/my%20root/agents.json?shallow=true&auth=***: 503")
        #expect(RTDBEndpoint(baseURL: "http://127.0.0.1:9").url("r") == "http://127.0.0.1:9/r.json")
        let withPassword = RTDBEndpoint(baseURL: "http://user:pw@127.0.0.1:9")
        #expect(
            withPassword.masked("GET \(withPassword.url("r")): refused")
                == "GET http://user:***@127.0.0.1:9/r.json: refused")
    }
}
