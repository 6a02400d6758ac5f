import Foundation
import Testing

/// `sartor-load run` as a process against its embedded server: exit codes, reports on Ctrl-C,
/// thresholds. stdout is a pipe, so every run here is headless.
@Suite struct RunProcessTests {
    /// Flat-out load: no think time, no simulated work.
    static let fast = ["run", "--agents", "4", "--think", "0s", "--work", "0s", "--seed", "3"]

    static func reportDirectory() -> String {
        NSTemporaryDirectory() + "sartor-load-test-" + UUID().uuidString
    }

    static func report(in directory: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func operations(in report: [String: Any]) -> Int {
        (report["summary"] as? [String: Any])?["operations"] as? Int ?? 0
    }

    /// Starts the binary, waits until the load has started, sends `interrupts` SIGINTs and
    /// returns the exit status.
    static func interrupted(
        _ interrupts: Int, reports: String, work: String = "0s", mix: [String] = []
    ) throws -> Int32 {
        let process = Process()
        process.executableURL = BuiltExecutable.url
        process.arguments =
            ["run", "--agents", "4", "--think", "0s", "--work", work, "--duration", "60s"]
            + ["--report-dir", reports] + mix
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The start line comes before the load; give the agents a moment to run.
        _ = output.fileHandleForReading.availableData
        Thread.sleep(forTimeInterval: 1.5)
        for _ in 0..<interrupts {
            kill(process.processIdentifier, SIGINT)
            Thread.sleep(forTimeInterval: 0.2)
        }
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func ctrlCStopsGracefullyAndWritesReports() throws {
        let reports = Self.reportDirectory()
        #expect(try Self.interrupted(1, reports: reports) == 0)
        let report = try Self.report(in: reports)
        #expect(Self.operations(in: report) > 0)
        let markdown = try String(contentsOfFile: reports + "/report.md", encoding: .utf8)
        #expect(markdown.contains("interrupted (SIGINT)"))
    }

    @Test func secondCtrlCExits130WithReports() throws {
        let reports = Self.reportDirectory()
        // Claims with 5 s of work keep the drain after the first Ctrl-C busy.
        let status = try Self.interrupted(
            2, reports: reports, work: "5s", mix: ["--mix", "task_create=1,task_claim=1"])
        #expect(status == 130)
        #expect(Self.operations(in: try Self.report(in: reports)) > 0)
    }

    @Test func aFailedThresholdExits99() throws {
        let reports = Self.reportDirectory()
        let result = try BuiltExecutable.run(
            Self.fast + [
                "--operations", "200", "--report-dir", reports, "--threshold", "p95<1us",
                "--threshold", "error_rate<50%",
            ])
        #expect(result.status == 99, "\(result.standardError)")
        let thresholds = try Self.report(in: reports)["thresholds"] as? [[String: Any]] ?? []
        #expect(thresholds.count == 2)
    }

    @Test func abortOnFailStopsEarlyAndSaysSoOnce() throws {
        // Claims that work 3 s each keep the run draining for a while after the abort.
        let result = try BuiltExecutable.run([
            "run", "--agents", "8", "--think", "0s..50ms", "--mix", "task_create=1,task_claim=1",
            "--work", "3s", "--duration", "1m", "--abort-on-fail", "--threshold", "p50<0.001ms",
            "--report-dir", Self.reportDirectory(),
        ])
        #expect(result.status == 99, "\(result.standardError)")
        let lines = (result.standardOutput + result.standardError).split(separator: "\n")
        #expect(lines.filter { $0.contains("stopping: threshold") }.count == 1)
    }

    @Test func passedThresholdsAndVerifyExitZero() throws {
        let result = try BuiltExecutable.run(
            Self.fast + [
                "--operations", "200", "--report-dir", Self.reportDirectory(), "--verify",
                "--threshold", "error_rate<1%",
            ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("target http://127.0.0.1:"))
        #expect(result.standardOutput.contains("verify: passed"))
    }

    @Test func naiveClaimsFailVerifyWithExit2() throws {
        let result = try BuiltExecutable.run([
            "run", "--agents", "32", "--think", "0s", "--work", "0s", "--claim", "naive",
            "--mix", "task_create=1,task_claim=4", "--duration", "3s", "--verify",
            "--report-dir", Self.reportDirectory(),
        ])
        #expect(result.status == 2, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("double claim"))
    }

    @Test func anUnreachableTargetStopsAtOnceWithExit1() throws {
        let result = try BuiltExecutable.run(
            Self.fast + ["--target", "http://127.0.0.1:9", "--duration", "30s"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("cannot reach the target"))
    }

    @Test func stagesSetTheRunLength() throws {
        let reports = Self.reportDirectory()
        let result = try BuiltExecutable.run([
            "run", "--stages", "2s:2", "--think", "0s..50ms", "--status-interval", "1s",
            "--report-dir", reports,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        // The remaining time counts down to the end of the stages, not of the default 10m.
        #expect(result.standardOutput.contains("s remaining"))
        #expect(!result.standardOutput.contains("9m"), "\(result.standardOutput)")
        let summary = try Self.report(in: reports)["summary"] as? [String: Any]
        let seconds = try #require(summary?["durationSeconds"] as? Double)
        #expect(seconds >= 1 && seconds < 5)
    }

    @Test func anUnknownOperationInTheMixIsAUsageError() throws {
        let result = try BuiltExecutable.run(["run", "--mix", "direct_mesage=3"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("direct_mesage"))
        #expect(result.standardError.contains("did you mean direct_message?"))
        let unrelated = try BuiltExecutable.run(["run", "--mix", "zzz=3"])
        #expect(unrelated.status == 64)
        #expect(unrelated.standardError.contains("status_query"))
    }
}
