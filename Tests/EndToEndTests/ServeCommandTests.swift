import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `sartor-load serve` run as a process: URL on stdout, requests, SIGTERM, counts, exit 0.
@Suite struct ServeCommandTests {
    /// A running `sartor-load serve` child with its output pipes.
    final class ServeProcess {
        let process = Process()
        let output = Pipe()
        let error = Pipe()
        private(set) var url = ""
        /// Standard error read so far by `waitForLog`.
        private var logSoFar = Data()

        init(_ arguments: [String]) throws {
            process.executableURL = BuiltExecutable.url
            process.arguments = ["serve", "--port", "0"] + arguments
            process.standardOutput = output
            process.standardError = error
            try process.run()
            var line = Data()
            while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty {
                if byte == Data("\n".utf8) { break }
                line.append(byte)
            }
            url = String(decoding: line, as: UTF8.self)
        }

        /// Sends `signal`, waits for the exit, and returns the status and stderr.
        func stop(_ signal: Int32 = SIGTERM) -> (status: Int32, log: String) {
            kill(process.processIdentifier, signal)
            return waitForExit()
        }

        /// Waits for the exit and returns the status and all of stderr.
        func waitForExit() -> (status: Int32, log: String) {
            let log = logSoFar + error.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: log, as: UTF8.self))
        }

        /// Reads stderr until a line containing `text` has arrived (or stderr ends).
        func waitForLog(containing text: String) throws {
            while !String(decoding: logSoFar, as: UTF8.self).contains(text),
                let byte = try error.fileHandleForReading.read(upToCount: 1), !byte.isEmpty
            {
                logSoFar.append(byte)
            }
        }
    }

    func send(_ method: String, _ url: String, _ body: String? = nil) async throws -> Int {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    @Test func servesPersistsAndReportsCountsOnSIGTERM() async throws {
        let directory = NSTemporaryDirectory() + "sartor-serve-\(UUID().uuidString)"
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true)
        let dataFile = directory + "/tree.json"
        let server = try ServeProcess(["--data", dataFile, "--fail", "500=0.5", "--seed", "9"])
        #expect(server.url.hasPrefix("http://127.0.0.1:"))

        var statuses: [Int: Int] = [:]
        for index in 0..<20 {
            statuses[
                try await send("PUT", "\(server.url)/k/\(index).json", "\(index)"), default: 0] += 1
        }
        let (status, log) = server.stop()
        #expect(status == 0)
        #expect(log.contains("sartor-load serve: listening on \(server.url)"))
        #expect(log.contains("SIGTERM received"))
        #expect(log.contains("persisted"))
        #expect(log.contains("requests: 20 "))
        #expect(log.contains("500=\(statuses[500, default: 0])"))
        let saved = try String(contentsOfFile: dataFile, encoding: .utf8)
        #expect(saved.hasPrefix("{\"k\":"))
    }

    func makeDirectory() throws -> String {
        let directory = NSTemporaryDirectory() + "sartor-serve-\(UUID().uuidString)"
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aSecondSIGTERMLetsTheLastSaveFinishThenExits130() async throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let dataFile = directory + "/tree.json"
        let server = try ServeProcess(["--data", dataFile, "--persist-every", "1h"])
        // Megabytes, so that the last save is still running when the second signal lands.
        let value = "\"" + String(repeating: "x", count: 4 << 20) + "\""
        let big = "{" + (0..<4).map { "\"\($0)\":\(value)" }.joined(separator: ",") + "}"
        #expect(try await send("PUT", "\(server.url)/big.json", big) == 200)
        #expect(try await send("PUT", "\(server.url)/small.json", "1") == 200)

        // Two signals sent together may merge into one; the second follows the first's log.
        kill(server.process.processIdentifier, SIGTERM)
        try server.waitForLog(containing: "shutting down")
        kill(server.process.processIdentifier, SIGTERM)
        let (status, log) = server.waitForExit()
        #expect(status == 130)
        #expect(log.contains("persisted"))
        let saved = try String(contentsOfFile: dataFile, encoding: .utf8)
        #expect(saved.hasPrefix("{\"big\":{\"0\":\"xxx"))
        #expect(saved.utf8.count > 16 << 20)
        #expect(saved.hasSuffix("\"small\":1}"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["tree.json"])
    }

    @Test func aFailedLastSaveExits1NamingTheFileAndTheCause() async throws {
        let directory = try makeDirectory()
        let dataFile = directory + "/t.json"
        let server = try ServeProcess(["--data", dataFile, "--persist-every", "1h"])
        #expect(try await send("PUT", "\(server.url)/a.json", "1") == 200)
        try FileManager.default.removeItem(atPath: directory)

        let (status, log) = server.stop()
        #expect(status == 1)
        #expect(log.contains("stopped; requests: 1 "))
        #expect(
            log.contains(
                "could not save the tree to \(dataFile) at shutdown: No such file or directory"))
    }

    @Test func anUnparsableDataFileExits65AndIsKept() throws {
        let path = NSTemporaryDirectory() + "sartor-bad-\(UUID().uuidString).json"
        try "{\"a\":".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try BuiltExecutable.run(["serve", "--port", "0", "--data", path])
        #expect(result.status == 65)
        #expect(result.standardError.contains("is not a Firebase JSON export"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\":")
    }

    @Test func anEmptyDataFileExits65AndIsKept() throws {
        let path = NSTemporaryDirectory() + "sartor-empty-\(UUID().uuidString).json"
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try BuiltExecutable.run(["serve", "--port", "0", "--data", path])
        #expect(result.status == 65)
        #expect(result.standardError.contains("holds no JSON"))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
    }

    @Test func theAccessLogShowsTheQuery() async throws {
        let server = try ServeProcess(["--access-log"])
        #expect(try await send("GET", "\(server.url)/a.json?print=pretty&shallow=true") == 200)
        let (_, log) = server.stop()
        #expect(log.contains("\nGET /a.json?print=pretty&shallow=true 200 4B "))
    }

    @Test func badFaultOptionsExit64() throws {
        let result = try BuiltExecutable.run(["serve", "--fail", "500=2"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--fail"))
    }
}
