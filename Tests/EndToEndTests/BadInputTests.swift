import Foundation
import Testing

/// What a user sees on bad input, for every subcommand: the exit code of DEVELOPERS.md and a
/// message that names the flag and the bad value, with no Foundation error dump.
@Suite struct BadInputTests {
    @Test(arguments: [
        (["run", "--duration", "0"], "--duration: \"0\" must be above 0"),
        (["run", "--sample-interval", "0s"], "--sample-interval: \"0s\" must be above 0"),
        (["run", "--rate", "0"], "--rate: \"0\" must be above 0"),
        (
            ["run", "--rate", "10", "--agents", "5"],
            "--agents: \"5\" cannot be combined with --rate"
        ),
        (
            ["run", "--rate", "10", "--think", "1s"],
            "--think: \"1s\" cannot be combined with --rate"
        ),
        (["run", "--max-in-flight", "5"], "--max-in-flight: \"5\" applies to the open model only"),
        (
            ["run", "--stages", "1s:5", "--duration", "1s"],
            "--duration: \"1s\" cannot be combined with --stages"
        ),
        (["run", "--think", "0s...8s"], "--think: \"0s...8s\" is not a duration range"),
        (["run", "--mix", "direct_message=0"], "gives no operation a weight above 0"),
        (
            ["run", "--theme", "ligt"],
            "--theme: \"ligt\" is not a built-in theme; did you mean light?"
        ),
        (["run", "--dur", "5s"], "unknown option --dur; did you mean --duration?"),
        (["run", "--root", "/"], "--root: \"/\" is not a valid RTDB key path"),
        (["run", "--root", "a//b"], "--root: \"a//b\" is not a valid RTDB key path"),
        (["run", "--root", "a\tb"], "is not a valid RTDB key path"),
        (
            ["run", "--target", "http://127.0.0.1:9/?ns=foo"],
            "--target: \"http://127.0.0.1:9/?ns=foo\" has a query or fragment"
        ),
        (["serve", "--host", "localhost"], "--host: \"localhost\" is not a numeric address"),
        (["serve", "--stall-for", "1s"], "--stall-for: \"1s\" does nothing without --stall-every"),
        (
            ["serve", "--stall-every", "1s", "--stall-for", "2s"],
            "--stall-for: \"2s\" is not shorter than --stall-every 1s"
        ),
        (["serve", "--fail", "500=0.6,503=0.6"], "--fail: \"500=0.6,503=0.6\" adds up to 120%"),
        (["serve", "--secret", ""], "--secret: \"\" is empty"),
        (["serve", "--keep-alive", "0"], "--keep-alive: \"0\" must be above 0"),
        (["http", "http://127.0.0.1:9/", "-d", "0"], "-d: \"0\" must be above 0"),
        (["themes", "nosuch"], "theme: \"nosuch\" is not a built-in theme"),
    ])
    func usageErrorsExit64(arguments: [String], message: String) throws {
        let result = try BuiltExecutable.run(arguments)
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test func aThemeFileWithAMissingFieldExits65NamingIt() throws {
        let path = NSTemporaryDirectory() + "sartor-theme-\(UUID().uuidString).json"
        try #"{"name": "x", "styles": {}}"#.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try BuiltExecutable.run(["themes", path])
        #expect(result.status == 65)
        #expect(result.standardError.contains("field description: missing"))
    }

    @Test func anUnwritableReportDirectoryStopsTheRunBeforeTheLoad() throws {
        // A directory below a regular file can never be created.
        let file = NSTemporaryDirectory() + "sartor-file-\(UUID().uuidString)"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try BuiltExecutable.run(
            RunProcessTests.fast + ["--duration", "30s", "--report-dir", file + "/reports"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("--report-dir"))
        #expect(result.standardError.contains("Not a directory"))
        #expect(!result.standardError.contains("NSCocoaErrorDomain"))
    }

    @Test func reportToAnUnwritablePathExits1WithTheCause() throws {
        let reports = RunProcessTests.reportDirectory()
        let run = try BuiltExecutable.run(
            RunProcessTests.fast + ["--operations", "20", "--report-dir", reports])
        #expect(run.status == 0, "\(run.standardError)")
        let result = try BuiltExecutable.run([
            "report", reports + "/report.json", "--out", "/nonexistent-dir/r.md",
        ])
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "/nonexistent-dir/r.md: cannot be written (No such file or directory)"))
    }

    @Test func aTargetThatIsNotADatabaseStopsTheRunWithExit1() throws {
        let server = try FixedResponseServer(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<html></html>")
        defer { server.stop() }
        let result = try BuiltExecutable.run(
            RunProcessTests.fast + [
                "--target", "http://127.0.0.1:\(server.port)", "--duration", "30s",
                "--report-dir", RunProcessTests.reportDirectory(),
            ])
        #expect(result.status == 1)
        #expect(result.standardError.contains("the target is not a Realtime Database"))
        #expect(result.standardError.contains("<html>"))
    }

    @Test func aStrugglingTargetIsAskedAgainBeforeTheLoad() throws {
        let busy = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 2\r\n\r\n{}"
        let empty =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Content-Length: 4\r\n\r\nnull"
        let server = try FixedResponseServer(responses: [busy, empty])
        defer { server.stop() }
        let result = try BuiltExecutable.run(
            RunProcessTests.fast + [
                "--target", "http://127.0.0.1:\(server.port)", "--duration", "1s",
                "--report-dir", RunProcessTests.reportDirectory(),
            ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("cannot reach the target"))
    }

    @Test(.timeLimit(.minutes(1))) func aTargetThatDiesMidRunExits1WithReports() throws {
        let server = try ServeCommandTests.ServeProcess([])
        try #require(server.url.hasPrefix("http://127.0.0.1:"), "serve printed \(server.url)")
        let reports = RunProcessTests.reportDirectory()
        let process = Process()
        process.executableURL = BuiltExecutable.url
        process.arguments =
            RunProcessTests.fast + [
                "--target", server.url, "--duration", "60s", "--retries", "0",
                "--report-dir", reports,
            ]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        _ = server.stop(SIGKILL)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(log)")
        let report = try RunProcessTests.report(in: reports)
        #expect(RunProcessTests.operations(in: report) > 0)
        let markdown = try String(contentsOfFile: reports + "/report.md", encoding: .utf8)
        #expect(markdown.contains("target lost"))
    }
}
