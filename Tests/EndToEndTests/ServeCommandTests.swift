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
            let log = error.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: log, as: UTF8.self))
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

    @Test func anUnparsableDataFileExits65AndIsKept() throws {
        let path = NSTemporaryDirectory() + "sartor-bad-\(UUID().uuidString).json"
        try "{\"a\":".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try BuiltExecutable.run(["serve", "--port", "0", "--data", path])
        #expect(result.status == 65)
        #expect(result.standardError.contains("is not a Firebase JSON export"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\":")
    }

    @Test func badFaultOptionsExit64() throws {
        let result = try BuiltExecutable.run(["serve", "--fail", "500=2"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--fail"))
    }
}
