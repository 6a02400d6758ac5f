import Foundation
import Testing

/// `sartor-load http` as a process against `sartor-load serve` on a free loopback port.
@Suite struct HTTPCommandProcessTests {
    /// A `sartor-load serve --port 0` child process and the URL it printed.
    final class Server {
        let process = Process()
        let url: String

        init(_ arguments: [String] = []) throws {
            process.executableURL = BuiltExecutable.url
            process.arguments = ["serve", "--port", "0"] + arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var text = ""
            while !text.contains("\n") {
                let chunk = output.fileHandleForReading.availableData
                guard !chunk.isEmpty else { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            url = try #require(text.split(separator: "\n").first.map(String.init))
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }
    }

    static func summary(_ result: BuiltExecutable.Result) throws -> [String: Any] {
        let data = Data(result.standardOutput.utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func countedRunPrintsTheJSONSummary() throws {
        let server = try Server()
        defer { server.stop() }

        let result = try BuiltExecutable.run([
            "http", server.url + "/agents.json", "-n", "200", "-c", "4", "--json",
        ])

        #expect(result.status == 0, "\(result.standardError)")
        let summary = try Self.summary(result)
        #expect(summary["requests"] as? Int == 200)
        #expect(summary["statusCodes"] as? [String: Int] == ["200": 200])
        #expect((summary["errors"] as? [String: Int])?.isEmpty == true)
        #expect(summary["requestsPerSecond"] as? Double ?? 0 > 0)
        let latency = try #require(summary["latencyMs"] as? [String: Double])
        #expect(Set(latency.keys) == ["p50", "p90", "p95", "p99", "p999", "max", "mean"])
        #expect(latency["p50"]! <= latency["p99"]! && latency["p99"]! <= latency["max"]!)
    }

    @Test func durationRunEndsOnTimeAndCountsEveryResponse() throws {
        let server = try Server()
        defer { server.stop() }

        let result = try BuiltExecutable.run([
            "http", server.url + "/a.json", "-d", "1s", "-c", "4", "--json",
        ])

        let summary = try Self.summary(result)
        let requests = try #require(summary["requests"] as? Int)
        #expect(requests > 0)
        #expect(summary["statusCodes"] as? [String: Int] == ["200": requests])
        let seconds = try #require(summary["durationSeconds"] as? Double)
        #expect(seconds >= 1 && seconds < 3)
    }

    @Test func openModelRunsTheCountedRequests() throws {
        let server = try Server()
        defer { server.stop() }

        let result = try BuiltExecutable.run([
            "http", server.url + "/a.json", "--rate", "400", "-n", "40", "-c", "4", "--json",
        ])

        let summary = try Self.summary(result)
        #expect(summary["model"] as? String == "open")
        #expect(summary["requests"] as? Int == 40)
        #expect(summary["statusCodes"] as? [String: Int] == ["200": 40])
    }

    @Test func interruptStopsARunAndPrintsTheSummary() throws {
        let server = try Server()
        defer { server.stop() }
        let process = Process()
        process.executableURL = BuiltExecutable.url
        process.arguments = ["http", server.url + "/a.json", "-d", "60s", "-c", "2", "--json"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.5)
        let interrupted = Date()
        kill(process.processIdentifier, SIGINT)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        #expect(process.terminationStatus == 0)
        #expect(Date().timeIntervalSince(interrupted) < 5)
        let summary = try Self.summary(
            BuiltExecutable.Result(
                status: 0, standardOutput: String(decoding: data, as: UTF8.self),
                standardError: ""))
        let requests = try #require(summary["requests"] as? Int)
        #expect(summary["statusCodes"] as? [String: Int] == ["200": requests])
    }

    @Test func nonSuccessStatusesAreCountedAsErrors() throws {
        let server = try Server(["--fail-rate", "100%"])
        defer { server.stop() }

        let result = try BuiltExecutable.run([
            "http", server.url + "/x.json", "-n", "50", "-c", "2", "--json",
        ])

        let summary = try Self.summary(result)
        #expect(summary["statusCodes"] as? [String: Int] == ["503": 50])
        #expect(summary["errors"] as? [String: Int] == ["http 503": 50])
    }

    @Test func putWithBodyAndHeaderStoresTheBody() throws {
        let server = try Server()
        defer { server.stop() }
        let body = NSTemporaryDirectory() + "sartor-body-\(UUID().uuidString).json"
        try Data("{\"a\":1}".utf8).write(to: URL(fileURLWithPath: body))
        defer { try? FileManager.default.removeItem(atPath: body) }

        let put = try BuiltExecutable.run([
            "http", server.url + "/doc.json", "-m", "PUT", "--body", body,
            "-H", "Content-Type: application/json", "-n", "3", "-c", "1",
        ])
        let stored = try BuiltExecutable.run([
            "http", server.url + "/doc/a.json", "-n", "1", "--json",
        ])
        let missing = try BuiltExecutable.run([
            "http", server.url + "/doc/b.json", "-n", "1", "--json",
        ])

        #expect(put.status == 0, "\(put.standardError)")
        #expect(put.standardOutput.contains("status codes  200: 3"))
        // The same response but for the body: `1` where the PUT stored it, `null` elsewhere.
        let storedBytes = try Self.summary(stored)["bytesReceived"] as? Int ?? 0
        let missingBytes = try Self.summary(missing)["bytesReceived"] as? Int ?? 0
        #expect(missingBytes - storedBytes == "null".count - "1".count)
    }

    @Test func unreachableTargetExits1NamingTheCause() throws {
        let server = try Server()
        let url = server.url + "/x.json"
        server.stop()

        let result = try BuiltExecutable.run(["http", url, "-d", "1s", "-c", "1"])

        #expect(result.status == 1)
        #expect(result.standardOutput.contains("connection refused"))
        #expect(result.standardError.contains(url))
    }

    @Test func aTargetThatNeverAnswersExits1() throws {
        // Listening but never accepting: connections complete in the kernel's backlog and the
        // requests are never answered, so they are still running at the stop's deadline.
        let (fd, port) = try FixedResponseServer.listeningSocket()
        defer { close(fd) }
        let url = "http://127.0.0.1:\(port)/"

        let result = try BuiltExecutable.run(["http", url, "-c", "2", "-d", "200ms"])

        #expect(result.status == 1)
        #expect(result.standardOutput.contains("interrupted   2"))
        #expect(result.standardError.contains("no response at all"))
    }

    @Test(arguments: [
        ["http", "ftp://127.0.0.1/"], ["http", "http://127.0.0.1:1/", "-H", "NoColon"],
        ["http", "http://127.0.0.1:1/", "--body", "/no/such/file"],
        ["http", "http://127.0.0.1:1/", "-m", "get"],
    ])
    func badArgumentsExit64(arguments: [String]) throws {
        let result = try BuiltExecutable.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("sartor-load: "))
    }
}
