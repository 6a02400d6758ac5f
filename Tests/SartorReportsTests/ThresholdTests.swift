import SartorCommandLine
import Testing

@testable import SartorReports

@Suite struct ThresholdTests {
    @Test(arguments: [
        ("p95<1500ms", nil, Threshold.Metric.percentile(95), Threshold.Comparison.less, 1500.0),
        ("direct_message.p99<2s", "direct_message", .percentile(99), .less, 2000),
        ("p99.9 <= 250", nil, .percentile(99.9), .lessOrEqual, 250),
        ("task_claim.p99.9<1s", "task_claim", .percentile(99.9), .less, 1000),
        ("error_rate<1%", nil, .errorRate, .less, 0.01),
        ("error_rate<0.05", nil, .errorRate, .less, 0.05),
        ("ops_per_second>10", nil, .opsPerSecond, .greater, 10),
        ("ops_per_second>=600/m", nil, .opsPerSecond, .greaterOrEqual, 10),
        ("errors<=3", nil, .errors, .lessOrEqual, 3),
        ("max<1m", nil, .maxLatency, .less, 60_000),
        ("mean<250ms", nil, .meanLatency, .less, 250),
        ("conflict_rate<10%", nil, .conflictRate, .less, 0.1),
    ])
    func parses(
        text: String, operation: String?, metric: Threshold.Metric,
        comparison: Threshold.Comparison, limit: Double
    ) throws {
        let threshold = try Threshold.parse(text)
        #expect(threshold.operation == operation)
        #expect(threshold.metric == metric)
        #expect(threshold.comparison == comparison)
        #expect(abs(threshold.limit - limit) < 1e-9)
    }

    @Test(arguments: [
        (
            "p95",
            "--threshold: \"p95\" has no comparison; write <, <=, > or >=; "
                + "use e.g. p95<1500ms, error_rate<1%, direct_message.p99<2s, ops_per_second>10"
        ),
        (
            "p96x<1s",
            "--threshold: \"p96x<1s\" has an unknown metric \"p96x\"; use p50, p90, p95, "
                + "p99, p99.9, max, mean, error_rate, errors, operations, ops_per_second, "
                + "conflict_rate, retries"
        ),
        ("p95<fast", "--threshold: \"p95<fast\" has a bad limit \"fast\"; use e.g. 30s, 5m"),
        (
            "error_rate<5",
            "--threshold: \"error_rate<5\" has a bad limit \"5\"; write 5% for a "
                + "percentage"
        ),
        ("errors<1.5", "--threshold: \"errors<1.5\" has a bad limit \"1.5\"; use e.g. 0"),
        (
            ".p95<1s",
            "--threshold: \".p95<1s\" has an empty operation name; use e.g. p95<1500ms, "
                + "error_rate<1%, direct_message.p99<2s, ops_per_second>10"
        ),
    ])
    func refusesWithClearMessages(text: String, message: String) {
        do {
            _ = try Threshold.parse(text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func validatesOperationNames() throws {
        let threshold = try Threshold.parse("direct_mesage.p95<1s")
        #expect(
            throws: UsageError(
                flag: "--threshold", value: "direct_mesage.p95<1s",
                problem: "names an unknown operation \"direct_mesage\"",
                hint: "did you mean direct_message?")
        ) { try Threshold.validate([threshold], operations: ["direct_message", "broadcast"]) }
    }

    @Test func evaluatesAgainstTheReport() throws {
        let report = ReportFixture.report
        func verdict(_ text: String, final: Bool = true) throws -> ThresholdResult {
            try Threshold.parse(text).evaluate(report, final: final)
        }
        #expect(try verdict("error_rate<2%").verdict == .passed)
        #expect(try verdict("error_rate<1%").verdict == .failed)
        #expect(try verdict("error_rate<1%").detail == "error_rate = 1.2%")
        #expect(try verdict("direct_message.p99<2s").verdict == .passed)
        #expect(try verdict("task_claim.p99<100ms").verdict == .failed)
        #expect(try verdict("ops_per_second>5").verdict == .passed)
        #expect(try verdict("ops_per_second>10").verdict == .failed)
        #expect(try verdict("ops_per_second>10").detail == "ops_per_second = 8.3/s")
        #expect(try verdict("task_claim.conflict_rate<1%").verdict == .failed)
        #expect(try verdict("retries<=11").verdict == .passed)
        #expect(try verdict("nothing.p95<1s").verdict == .failed)
        #expect(try verdict("nothing.p95<1s", final: false).verdict == .undecided)
    }

    @Test func noDataFailsAtTheEndOnly() throws {
        var report = ReportFixture.report
        report.operations.append(OperationReport(name: "broadcast"))
        for text in ["broadcast.p95<1s", "broadcast.error_rate<1%", "broadcast.mean<1s"] {
            let threshold = try Threshold.parse(text)
            #expect(threshold.evaluate(report, final: false).verdict == .undecided)
            #expect(threshold.evaluate(report, final: false).detail == "no data")
            let final = threshold.evaluate(report, final: true)
            #expect(final.verdict == .failed)
            #expect(final.detail == "no data: broadcast never ran")
        }
        let empty = RunReport(summary: Summary(), operations: [OperationReport(name: "a")])
        let rate = try Threshold.parse("ops_per_second>1").evaluate(empty, final: true)
        #expect(rate.verdict == .failed)
        #expect(rate.detail == "no data: no operation ran")
        #expect(StatusBlock.finalSummary(report.with(rate)).contains("failed (no data"))
    }

    @Test func duringTheRunWaitsForFiguresThatCanStillMove() throws {
        let report = ReportFixture.report
        #expect(
            try Threshold.parse("ops_per_second>100").evaluate(report, final: false).verdict
                == .undecided)
        #expect(
            try Threshold.parse("ops_per_second>100").evaluate(report, final: true).verdict
                == .failed)
        #expect(
            try Threshold.parse("operations>1000").evaluate(report, final: false).verdict
                == .undecided)
        #expect(try Threshold.parse("errors<3").evaluate(report, final: false).verdict == .failed)
        var early = report
        early.operations[2].count = 5
        #expect(
            try Threshold.parse("status_query.p95<1ms").evaluate(early, final: false).verdict
                == .undecided)
        #expect(
            try Threshold.parse("status_query.p95<1ms").evaluate(early, final: true).verdict
                == .failed)
    }
}

extension RunReport {
    /// The report with `result` as its only threshold result.
    fileprivate func with(_ result: ThresholdResult) -> RunReport {
        var report = self
        report.thresholds = [result]
        return report
    }
}

@Suite struct ConfigurationTests {
    static let spec = CommandSpec(
        name: "run", abstract: "",
        options: [
            OptionSpec("agents", kind: .integer(1...100), default: "10", help: ""),
            OptionSpec("root", kind: .string, help: ""),
            OptionSpec("auth", kind: .string, help: ""),
            OptionSpec("verify", kind: .flag, help: ""),
            OptionSpec("abort-on-fail", kind: .flag, help: ""),
            OptionSpec("threshold", kind: .string, repeatable: true, help: ""),
        ])

    @Test func repeatedOptionsAllAppear() throws {
        let parsed = try Self.spec.parse([
            "--threshold", "p95<1500ms", "--agents", "4", "--threshold", "error_rate<1%",
            "--auth", "secret", "--verify", "--threshold", "status_query.p99<2s",
        ])
        #expect(
            ReportContext.configuration(parsed) == [
                "threshold": "p95<1500ms; error_rate<1%; status_query.p99<2s",
                "agents": "4", "auth": "***", "verify": "true",
            ])
    }

    @Test func defaultsAndSingleValuesStayAsGiven() throws {
        let parsed = try Self.spec.parse(["--threshold", "p95<1s", "--root", "x"])
        #expect(
            ReportContext.configuration(parsed) == [
                "threshold": "p95<1s", "agents": "10", "root": "x",
            ])
    }
}
