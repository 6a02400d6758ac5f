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

    @Test func randomAndMutatedRequestsDoNotHurtTheServer() throws {
        let server = try rtdbServer {
            $0.connectionTimeout = .seconds(1)
            $0.maxBodyBytes = 1 << 16
        }
        defer { server.stop() }

        let duration = Double(ProcessInfo.processInfo.environment["SARTOR_FUZZ_SECONDS"] ?? "") ?? 3
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
        let tree = try request(server.port, "GET", "/.json?shallow=true")
        #expect(tree.status == 200)
        #expect(
            (try? JSONSerialization.jsonObject(with: Data(tree.body), options: .fragmentsAllowed))
                != nil)
        #expect(try request(server.port, "PUT", "/after.json", body: "[1,2]").status == 200)
        #expect(try request(server.port, "GET", "/after.json").text == "[1,2]")
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
