import Foundation
import Testing

/// `sartor-load report` on the golden report.json of the reports' tests.
@Suite struct ReportCommandProcessTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SartorReportsTests/Golden/report.json")
        .path

    @Test func summarisesAndMergesReports() throws {
        let one = try BuiltExecutable.run(["report", Self.fixture])
        #expect(one.status == 0, "\(one.standardError)")
        #expect(one.standardOutput.contains("operations 500 (500/min, 8.3/s)"))
        let two = try BuiltExecutable.run(["report", Self.fixture, Self.fixture])
        #expect(two.status == 0)
        #expect(two.standardOutput.contains("operations 1000"))
    }

    @Test func writesMarkdownAgain() throws {
        let out = FileManager.default.temporaryDirectory
            .appendingPathComponent("sartor-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try BuiltExecutable.run(["report", Self.fixture, "--out", out])
        #expect(result.status == 0)
        let golden = Self.fixture.replacingOccurrences(of: "report.json", with: "report.md")
        #expect(
            try String(contentsOfFile: out, encoding: .utf8)
                == String(contentsOfFile: golden, encoding: .utf8))
    }

    @Test func failedThresholdExits99() throws {
        let failed = try BuiltExecutable.run(["report", Self.fixture, "--threshold", "p95<1ms"])
        #expect(failed.status == 99)
        #expect(failed.standardOutput.contains("threshold p95<1ms: failed"))
        let passed = try BuiltExecutable.run(["report", Self.fixture, "--threshold", "p95<2s"])
        #expect(passed.status == 0)
    }

    @Test func badInputsExitWithTheirCodes() throws {
        let usage = try BuiltExecutable.run(["report", Self.fixture, "--threshold", "p95<fast"])
        #expect(usage.status == 64)
        #expect(usage.standardError.contains("--threshold: \"p95<fast\" has a bad limit"))
        let missing = try BuiltExecutable.run(["report"])
        #expect(missing.status == 64)
        #expect(missing.standardError.contains("missing FILE"))
        let broken = FileManager.default.temporaryDirectory
            .appendingPathComponent("broken-\(UUID().uuidString).json")
        try Data("{}".utf8).write(to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        let invalid = try BuiltExecutable.run(["report", broken.path])
        #expect(invalid.status == 65)
        #expect(invalid.standardError.contains("is not a sartor-load report"))
        let absent = try BuiltExecutable.run(["report", "/nonexistent/report.json"])
        #expect(absent.status == 1)
    }
}
