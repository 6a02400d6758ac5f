import Foundation
import Testing

@testable import SartorServer

/// Random and mutated requests over raw sockets for a bounded time; afterwards the server must
/// still answer correctly. (Mutated writes may legitimately rewrite any path, the root
/// included, so the check writes fresh data after the storm.)
@Suite("Fuzzing")
struct FuzzTests {
    static let seeds: [String] = [
        "GET /a.json HTTP/1.1\r\nHost: x\r\n\r\n",
        "PUT /a/b.json?print=silent HTTP/1.1\r\nHost: x\r\nContent-Length: 13\r\n\r\n{\"k\":[1,2.5]}",
        "PATCH /a.json HTTP/1.1\r\nHost: x\r\nContent-Length: 15\r\n\r\n{\"x/y\":null,\"z\":1}",
        "POST /l.json HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n\"v\"",
        "GET /a.json?orderBy=%22%24key%22&limitToFirst=2&startAt=%22a%22 HTTP/1.1\r\nHost: x\r\n\r\n",
        "DELETE /a.json HTTP/1.1\r\nHost: x\r\nif-match: null_etag\r\n\r\n",
        "GET /s.json HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n",
        "PUT /t.json HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
    ]

    static let alphabet = Array("{}[]\":,.$#/%\\\r\n 0123456789abcdefnultr-+eE?&=\u{0}\u{7f}é".utf8)

    /// Without faults, and with latency and failures, so that clients also vanish while their
    /// connections are suspended.
    @Test(arguments: [false, true])
    func randomAndMutatedRequestsDoNotHurtTheServer(withFaults: Bool) throws {
        let server = try rtdbServer {
            $0.connectionTimeout = .seconds(1)
            $0.maxBodyBytes = 1 << 16
            $0.keepAliveInterval = .milliseconds(100)
            if withFaults {
                $0.faults = FaultPlan(
                    failureRates: [503: 0.1], latency: .zero ... .milliseconds(20), seed: 5)
            }
        }
        defer { server.stop() }

        let environment = ProcessInfo.processInfo.environment
        let duration = Double(environment["SARTOR_FUZZ_SECONDS"] ?? "") ?? 2
        let deadline = ContinuousClock.now + .seconds(duration)
        let workers = 4
        let sent = (0..<workers).map { _ in ManagedCounter() }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var random = SplitMix64(seed: UInt64(1000 + worker))
            while ContinuousClock.now < deadline {
                guard let connection = try? RawConnection(port: server.port) else { continue }
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    try? connection.send(Self.fuzzedRequest(&random))
                    sent[worker].increment()
                }
                _ = connection.fill(timeout: .milliseconds(Int.random(in: 0...20, using: &random)))
            }
        }

        #expect(sent.map(\.value).reduce(0, +) > 100)
        let tree = try retrying503 { try request(server.port, "GET", "/.json?shallow=true") }
        #expect(tree.status == 200)
        #expect(
            (try? JSONSerialization.jsonObject(with: Data(tree.body), options: .fragmentsAllowed))
                != nil)
        let put = try retrying503 { try request(server.port, "PUT", "/after.json", body: "[1,2]") }
        #expect(put.status == 200)
        let get = try retrying503 { try request(server.port, "GET", "/after.json") }
        #expect(get.text == "[1,2]")

        // Streams opened by vanished clients are found at the next keep-alive and removed.
        let cleanupDeadline = ContinuousClock.now + .seconds(5)
        while server.database.listenerCount > 0, ContinuousClock.now < cleanupDeadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(server.database.listenerCount == 0)
        #expect(server.statistics.openStreams == 0)
    }

    /// Repeats `call` while an injected 503 answers it (at most 50 times).
    func retrying503(_ call: () throws -> HTTPReply) throws -> HTTPReply {
        var reply = try call()
        for _ in 0..<50 where reply.status == 503 { reply = try call() }
        return reply
    }

    static func fuzzedRequest(_ random: inout SplitMix64) -> [UInt8] {
        if random.nextUnit() < 0.2 {
            return (0..<Int.random(in: 0...300, using: &random)).map { _ in
                alphabet.randomElement(using: &random)!
            }
        }
        var bytes = Array(seeds.randomElement(using: &random)!.utf8)
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let index = Int.random(in: 0..<max(1, bytes.count), using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where !bytes.isEmpty: bytes[index] = alphabet.randomElement(using: &random)!
            case 1:
                bytes.insert(alphabet.randomElement(using: &random)!, at: min(index, bytes.count))
            case 2 where !bytes.isEmpty: bytes.remove(at: index)
            default: bytes = Array(bytes.prefix(index))
            }
        }
        return bytes
    }
}

/// A counter one worker increments and the test reads after the workers have joined.
final class ManagedCounter: @unchecked Sendable {
    // Written by one worker only; read after concurrentPerform has returned.
    private(set) var value = 0
    func increment() { value += 1 }
}
