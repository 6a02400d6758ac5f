import Foundation
import SartorMetrics
import Testing

@testable import SartorReports

@Suite struct ReportRenderingTests {
    @Test func markdownMatchesGolden() throws {
        let markdown = ReportFixture.report.markdown
        #expect(markdown == (try GoldenFile.text("report.md", actual: markdown)))
    }

    @Test func statusBlockMatchesGolden() throws {
        let report = ReportFixture.report
        let text =
            StatusBlock.render(report, remainingSeconds: 240)
            + StatusBlock.finalSummary(report)
        #expect(text == (try GoldenFile.text("status.txt", actual: text)))
    }

    @Test func jsonMatchesGoldenAndReadsBack() throws {
        let report = ReportFixture.report
        let data = try report.jsonData()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text == (try GoldenFile.text("report.json", actual: text)))
        let decoded = try RunReport(json: data, path: "report.json")
        #expect(decoded == report)
        #expect(decoded.markdown == report.markdown)
    }

    @Test func aShortLastSliceIsRatedOverTheTimeItCovers() {
        var report = ReportFixture.report
        // 60 s in slices of 30 s; cut the run at 40 s: the second slice covers 10 s.
        report.summary.durationSeconds = 40
        report.perSecond = report.perSecond.filter { $0.second < 40 }
        let operations = report.perSecond.filter { $0.second >= 30 }.reduce(0) {
            $0 + $1.operations
        }
        let rate = Format.number(Double(operations) / 10, decimals: 1)
        #expect(report.markdown.contains("| 30s | \(rate) |"), "\(report.markdown)")
    }

    @Test func interruptedOperationsAreShownAndReadBack() throws {
        var report = ReportFixture.report
        report.summary.interrupted = 4
        let decoded = try RunReport(json: try report.jsonData(), path: "report.json")

        #expect(decoded.summary.interrupted == 4)
        #expect(report.markdown.contains("- Interrupted: 4 operations"))
        #expect(StatusBlock.finalSummary(report).contains("interrupted at stop 4"))
        // Reports written before the field existed read back with none.
        let older = String(decoding: try ReportFixture.report.jsonData(), as: UTF8.self)
            .replacingOccurrences(of: "\"interrupted\" : 0,", with: "")
        #expect(!older.contains("interrupted"))
        #expect(try RunReport(json: Data(older.utf8), path: "old.json").summary.interrupted == 0)
    }

    @Test func findingsFollowTheData() {
        let titles = ReportFixture.report.findings.map(\.title)
        #expect(
            titles == [
                "Tasks were claimed by two agents", "Agents were left online",
                "Operations failed", "Retries were needed",
                "Errors came in bursts", "Latency of direct_message grew during the run",
                "Latency of status_query grew during the run", "task_claim met contention",
                "The rate limit of task_claim was hit", "task_claim often found nothing to do",
            ])
        let quiet = RunReport(
            summary: Summary(operations: 10, durationSeconds: 1),
            operations: [OperationReport(name: "a", count: 10)])
        #expect(quiet.findings.isEmpty)
        #expect(quiet.markdown.contains("Nothing stands out"))

        let rareSkips = RunReport(
            summary: Summary(operations: 100, durationSeconds: 1),
            operations: [OperationReport(name: "a", count: 100, skipped: 1)])
        #expect(rareSkips.findings.map(\.title) == ["a sometimes found nothing to do"])
    }

    @Test func refusesBrokenFiles() {
        #expect(
            throws: ReportFileError(
                path: "x.json",
                problem: "is not a sartor-load report (The given data was not valid JSON.)")
        ) {
            try RunReport(json: Data("{".utf8), path: "x.json")
        }
        #expect(
            throws: ReportFileError(
                path: "x.json", problem: "is not a sartor-load report (missing schemaVersion)")
        ) {
            try RunReport(json: Data("{}".utf8), path: "x.json")
        }
        #expect(throws: ReportFileError.self) { try ReportWriter.read("/nonexistent/report.json") }
    }

    @Test func refusesUndecodableHistogram() throws {
        var json =
            try JSONSerialization.jsonObject(with: ReportFixture.report.jsonData())
            as! [String: Any]
        var operations = json["operations"] as! [String: [String: Any]]
        operations["task_claim"]!["histogram"] = "AAAA"
        json["operations"] = operations
        let data = try JSONSerialization.data(withJSONObject: json)
        #expect(
            throws: ReportFileError(
                path: "r.json", problem: "has an undecodable histogram in operations.task_claim")
        ) { try RunReport(json: data, path: "r.json") }
    }

    @Test func writesBothFiles() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sartor-report-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let paths = try ReportWriter.write(ReportFixture.report, to: directory + "/nested")
        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["report.md", "report.json"])
        #expect(try ReportWriter.read(paths[1]) == ReportFixture.report)
    }
}

@Suite struct ElapsedFormatTests {
    @Test(arguments: [
        (0.0, "0s"), (0.043, "43ms"), (1.25, "1.2s"), (12.3, "12.3s"), (125, "2m05s"),
        (3723, "1h02m03s"),
    ])
    func formats(seconds: Double, text: String) {
        #expect(Format.elapsed(seconds) == text)
    }
}
