import Foundation
import SartorEngine
import SartorMetrics
import Testing

@testable import SartorReports

/// Reports built from the snapshots of real runs of a scripted workload.
@Suite struct SnapshotReportTests {
    @Test func lastOperationsKeepTheHundredMostRecent() async {
        let workload = ScriptedWorkload(["write", "claim"]) { operation, _, call in
            switch (operation, call % 3) {
            case (1, 0): .skipped(reason: "no available task")
            case (1, _): .conflict(reason: "412")
            default: call % 5 == 4 ? .failure(.httpStatus(503), message: "503") : .success
            }
        }
        let final = await ScriptedWorkload.run(workload, agents: 2, operations: 150)
        let report = RunReport(final)

        #expect(final.completedOperations == 150)
        #expect(report.lastOperations.count == RunSnapshot.recentOperationLimit)
        let counts = Dictionary(grouping: report.lastOperations, by: \.outcome).mapValues(\.count)
        #expect(Set(counts.keys).isSubset(of: ["success", "error", "skipped", "conflict"]))
        #expect(counts["success", default: 0] > 0 && counts["conflict", default: 0] > 0)
        #expect(report.lastOperations.allSatisfy { $0.latencyMs >= 0 })
        let failure = report.lastOperations.first { $0.outcome == "error" }
        #expect(failure?.detail == "http 503" && failure?.operation == "write")
        #expect(
            report.lastOperations.first { $0.outcome == "skipped" }?.detail == "no available task")
        let decoded = try? RunReport(json: report.jsonData(), path: "report.json")
        #expect(decoded?.lastOperations == report.lastOperations)
    }

    @Test func lastOperationsAreStampedWithActiveTime() async {
        let workload = ScriptedWorkload(["write"]) { _, _, _ in .success }
        let final = await ScriptedWorkload.run(workload, operations: 30)
        let times = RunReport(final).lastOperations.map(\.time)
        #expect(times.count == 30)
        #expect(times == times.sorted())
        #expect(times.allSatisfy { $0 >= 0 && $0 <= final.activeTime.seconds })

        let record = OperationRecord(
            OperationEvent(time: 7, operation: "write", outcome: .success, latencyMicros: 1500))
        #expect(record.latencyMs == 1.5 && record.time == 7 && record.outcome == "success")
    }

    @Test func lastErrorsAreTheNewestFirst() async throws {
        let workload = ScriptedWorkload(["write"]) { _, _, call in
            .failure(.httpStatus(503), message: "failure \(call + 1)")
        }
        let final = await ScriptedWorkload.run(workload, operations: 20)
        let report = RunReport(final)

        #expect(report.recentErrors.first?.message == "failure 20")
        #expect(report.recentErrors.last?.message == "failure 1")
        let markdown = report.markdown
        let table = try #require(
            markdown.components(separatedBy: "Last errors, newest first:").last)
        let rows = table.split(separator: "\n").filter { $0.contains("failure ") }
        #expect(rows.count == 10)
        #expect(rows.first?.hasSuffix("| failure 20 |") == true)
        #expect(rows.last?.hasSuffix("| failure 11 |") == true)
        let json = try JSONSerialization.jsonObject(with: report.jsonData()) as! [String: Any]
        let recent = (json["errors"] as! [String: Any])["recent"] as! [[String: Any]]
        #expect(recent.first?["message"] as? String == "failure 20")
    }

    @Test func errorsByKindAddUpAndAgentFailuresStandApart() async throws {
        var workload = ScriptedWorkload(["write", "claim"]) { operation, _, call in
            if operation == 1 {
                return call % 2 == 0 ? .skipped(reason: "none") : .conflict(reason: "412")
            }
            return call % 4 == 0 ? .failure(.timeout, message: "slow") : .success
        }
        workload.failedConnects = 2
        workload.failsDisconnect = true
        // Enough operations that every agent is connected, after its failures, before the end.
        let final = await ScriptedWorkload.run(workload, agents: 3, operations: 600)
        let report = RunReport(final)

        #expect(final.errors.countsByKind[.skipped, default: 0] > 0)
        #expect(report.summary.errors > 0)
        #expect(report.errorsByKind == ["timeout": report.summary.errors])
        #expect(report.summary.connectFailures == 6)
        #expect(report.summary.disconnectFailures == 3)
        #expect(report.recentErrors.contains { $0.operation == "connect" })
        #expect(report.recentErrors.contains { $0.operation == "disconnect" })

        let markdown = report.markdown
        #expect(markdown.contains("- Failed agent connects: 6, disconnects: 3"))
        let errors = try #require(
            markdown.components(separatedBy: "## Errors").last?
                .components(separatedBy: "\n## ").first)
        #expect(errors.contains("| timeout | \(report.summary.errors) |"))
        #expect(errors.contains("Failed agent connects: 6, disconnects: 3; they are not"))
        #expect(!errors.contains("| skipped |") && !errors.contains("| conflict |"))
        #expect(
            StatusBlock.finalSummary(report).contains(
                "\nagents: failed connects 6, failed disconnects 3 (not operations)\n"))
        let json = try JSONSerialization.jsonObject(with: report.jsonData()) as! [String: Any]
        let summary = json["summary"] as! [String: Any]
        #expect(summary["connectFailures"] as? Int == 6)
        #expect(summary["disconnectFailures"] as? Int == 3)
        let decoded = try RunReport(json: report.jsonData(), path: "report.json")
        #expect(decoded.summary == report.summary)
    }

    @Test func olderReportsReadBack() throws {
        var json =
            try JSONSerialization.jsonObject(with: ReportFixture.report.jsonData())
            as! [String: Any]
        var summary = json["summary"] as! [String: Any]
        summary["connectFailures"] = nil
        summary["disconnectFailures"] = nil
        json["summary"] = summary
        json["errors"] = ["byKind": ["http 503": 5, "timeout": 1, "skipped": 9], "recent": []]
        var verify = json["verify"] as! [String: Any]
        verify["notOffline"] = nil
        json["verify"] = verify
        let old = try RunReport(
            json: JSONSerialization.data(withJSONObject: json), path: "old.json")

        #expect(old.summary.connectFailures == 0 && old.summary.disconnectFailures == 0)
        #expect(old.errorsByKind == ["http 503": 5, "timeout": 1])
        #expect(old.verify?.notOffline == [])
    }
}
