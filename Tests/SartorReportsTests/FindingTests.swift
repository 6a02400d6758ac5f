import SartorMetrics
import Testing

@testable import SartorReports

@Suite struct FindingTests {
    /// A run of `task_claim` that lost 12 of 100 races, with the given claim mode and verify.
    func contention(claim: String?, doubleClaims: Int?) -> Finding? {
        let report = RunReport(
            summary: Summary(operations: 100, conflicts: 12, durationSeconds: 10),
            operations: [OperationReport(name: "task_claim", count: 100, conflicts: 12)],
            context: ReportContext(configuration: claim.map { ["claim": $0] } ?? [:]),
            verify: doubleClaims.map { count in
                VerifySummary(
                    passed: count == 0, checked: 40, missing: [],
                    doubleClaims: (0..<count).map { "task t-\($0)" })
            })
        return report.findings.first { $0.title == "task_claim met contention" }
    }

    @Test(arguments: [
        ("naive", nil as Int?), ("naive", 3), ("naive", 0), ("safe", nil), ("safe", 2),
        (nil, nil),
    ])
    func contentionNeverClaimsWhatTheModeCannotKeep(claim: String?, doubleClaims: Int?) throws {
        let finding = try #require(contention(claim: claim, doubleClaims: doubleClaims))
        let text = finding.evidence + " " + finding.recommendation
        #expect(finding.evidence.hasPrefix("12 of 100 runs lost a race (12%)"))
        #expect(!text.contains("at random"))
        #expect(text.contains("consistent") == false)
        if claim != "safe" || (doubleClaims ?? 0) > 0 {
            #expect(!text.contains("let only one agent win"))
        }
    }

    @Test func contentionFollowsTheClaimModeAndVerify() throws {
        let naive = try #require(contention(claim: "naive", doubleClaims: 3))
        #expect(naive.evidence.contains("read-then-patch"))
        #expect(naive.evidence.contains("verify found 3 double claims"))
        #expect(naive.recommendation.contains("--claim safe"))
        let unverified = try #require(contention(claim: "naive", doubleClaims: nil))
        #expect(unverified.evidence.contains("`--verify` would list the double claims"))

        let safe = try #require(contention(claim: "safe", doubleClaims: 0))
        #expect(safe.evidence.contains("let only one agent win each task"))
        #expect(safe.recommendation.hasPrefix("Expected contention, not an error"))
        let broken = try #require(contention(claim: "safe", doubleClaims: 2))
        #expect(broken.evidence.contains("yet verify found 2 double claims"))
        #expect(broken.recommendation.contains("If-Match"))
    }

    /// A run whose `name` got four times slower while the data grew.
    func growth(of name: String, configuration: [String: String] = [:]) -> Finding? {
        var timeline = LatencyTimeline(sliceSeconds: 10)
        let early = ReportFixture.histogram(count: 10, low: 1_000, high: 2_000)
        var late = early
        late.add(ReportFixture.histogram(count: 10, low: 8_000, high: 9_000))
        late.add(ReportFixture.histogram(count: 10, low: 8_000, high: 9_000))
        timeline.update(cumulative: [(name, early)], at: 5)
        timeline.update(cumulative: [(name, late)], at: 55)
        let report = RunReport(
            summary: Summary(operations: 30, durationSeconds: 60),
            operations: [OperationReport(name: name, count: 30, latency: late)],
            timeline: timeline,
            dataGrowth: [
                DataSizeSample(time: 0, records: ["tasks": 10]),
                DataSizeSample(time: 60, records: ["tasks": 900]),
            ], context: ReportContext(configuration: configuration))
        return report.findings.first { $0.title == "Latency of \(name) grew during the run" }
    }

    @Test(arguments: ["direct_message", "task_claim", "status_query"])
    func readersGetReadAdvice(name: String) throws {
        let finding = try #require(growth(of: name))
        #expect(finding.evidence.contains("while the data grew from 10 to 900 records"))
        #expect(finding.recommendation.contains("read shallow"))
    }

    @Test(arguments: ["task_create", "knowledge_add", "broadcast"])
    func writersGetWriteAdvice(name: String) throws {
        let finding = try #require(growth(of: name))
        #expect(!finding.recommendation.contains("read shallow"))
        #expect(finding.recommendation.hasPrefix("\(name) only writes"))
    }

    @Test func shallowStatusQueriesGetNoReadAdvice() throws {
        let finding = try #require(
            growth(of: "status_query", configuration: ["status-query": "shallow"]))
        #expect(!finding.recommendation.contains("read shallow"))
    }

    @Test func agentsLeftOnlineAreNotMissingWrites() {
        let report = RunReport(
            summary: Summary(operations: 10, durationSeconds: 1),
            operations: [OperationReport(name: "a", count: 10)],
            verify: VerifySummary(
                passed: false, checked: 12, missing: [], notOffline: ["agent-1", "agent-2"],
                doubleClaims: []))
        #expect(report.findings.map(\.title) == ["Agents were left online"])
        #expect(report.findings[0].evidence == "Agents still online after the run: 2.")
        #expect(report.markdown.contains("Agents not offline:\n\n- agent-1\n- agent-2"))
        #expect(StatusBlock.finalSummary(report).contains("0 missing, 2 not offline"))
    }
}
