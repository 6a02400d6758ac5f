import Foundation
import Testing

@testable import SartorServer

@Suite("Fault injection")
struct FaultInjectionTests {
    @Test func failureRatesStayWithinStatisticalBoundsAndAreCounted() throws {
        let server = try echoServer {
            $0.faults = FaultPlan(failureRates: [503: 0.2, 500: 0.05], seed: 7)
        }
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        var observed: [Int: Int] = [:]
        let total = 1000
        for index in 0..<total {
            observed[try connection.exchange("GET", "/n\(index).json").status, default: 0] += 1
        }
        // Binomial bounds at about 4.5 standard deviations: a correct server fails this
        // less than once in a hundred thousand seeds, and this seed is fixed.
        #expect((137...263).contains(observed[503, default: 0]))
        #expect((25...75).contains(observed[500, default: 0]))
        let faults = server.statistics.faults
        #expect(faults.failures[503] == observed[503])
        #expect(faults.failures[500] == observed[500])
        #expect(server.statistics.responsesByStatus == observed)
    }

    @Test func theSameSeedRepeatsTheSameSequence() throws {
        func statuses(seed: UInt64) throws -> [Int] {
            let server = try echoServer {
                $0.faults = FaultPlan(failureRates: [503: 0.3, 504: 0.1], seed: seed)
            }
            defer { server.stop() }
            let connection = try RawConnection(port: server.port)
            return try (0..<200).map { _ in try connection.exchange("GET", "/a.json").status }
        }
        let first = try statuses(seed: 42)
        #expect(try statuses(seed: 42) == first)
        #expect(try statuses(seed: 43) != first)
    }

    @Test func injectedFailuresCarryRTDBBodies() throws {
        let server = try echoServer { $0.faults = FaultPlan(failureRates: [503: 1]) }
        defer { server.stop() }
        let reply = try request(server.port, "PUT", "/a.json", body: "1")
        #expect(reply.status == 503)
        #expect(reply.headers["content-type"] == "application/json; charset=utf-8")
        #expect(reply.text.hasPrefix("{\n  \"error\" : \"The specified Firebase Realtime"))
    }

    @Test func anInjected412HitsOnlyConditionalWritesWithTheCurrentValueAndETag() throws {
        let server = try rtdbServer { $0.faults = FaultPlan(failureRates: [412: 1]) }
        defer { server.stop() }
        #expect(try request(server.port, "PUT", "/n.json", body: "12").status == 200)
        #expect(try request(server.port, "POST", "/list.json", body: "1").status == 200)
        #expect(try request(server.port, "PATCH", "/m.json", body: "{\"a\":1}").status == 200)
        let read = try request(
            server.port, "GET", "/n.json", headers: [("X-Firebase-ETag", "true")])
        #expect(read.status == 200)
        let etag = try #require(read.headers["etag"])
        #expect(server.statistics.faults.failures[412] == 0)

        for method in ["PUT", "DELETE"] {
            let reply = try request(
                server.port, method, "/n.json?print=pretty", headers: [("if-match", etag)],
                body: method == "PUT" ? "13" : nil)
            #expect(reply.status == 412)
            #expect(reply.headers["etag"] == etag)
            #expect(reply.text == "12")
        }
        let overridden = try request(
            server.port, "POST", "/n.json",
            headers: [("X-HTTP-Method-Override", "PUT"), ("if-match", "null_etag")], body: "1")
        #expect(overridden.status == 412)
        #expect(overridden.headers["etag"] == etag)
        #expect(server.statistics.faults.failures[412] == 3)
        #expect(try request(server.port, "GET", "/n.json").text == "12")
    }

    @Test(arguments: [
        (401, "Permission denied"), (500, "An internal error occurred"),
        (504, "Internal server error."), (413, "Payload is too large"),
    ])
    func injectedErrorsUseRTDBTexts(status: Int, message: String) throws {
        let server = try rtdbServer { $0.faults = FaultPlan(failureRates: [status: 1]) }
        defer { server.stop() }
        let reply = try request(server.port, "GET", "/a.json")
        #expect(reply.status == status)
        #expect(reply.text == "{\n  \"error\" : \"\(message)\"\n}\n")
    }

    @Test func latencyIsAddedWithoutBlockingServerThreads() throws {
        let server = try echoServer {
            $0.threadCount = 1
            $0.faults = FaultPlan(latency: .milliseconds(300) ... .milliseconds(300))
        }
        defer { server.stop() }
        let connections = try (0..<12).map { _ in try RawConnection(port: server.port) }
        let started = ContinuousClock.now
        for (index, connection) in connections.enumerated() {
            try connection.send("GET /c\(index).json HTTP/1.1\r\nHost: x\r\n\r\n")
        }
        for connection in connections {
            #expect(try connection.readResponse().status == 200)
        }
        let elapsed = started.duration(to: .now)
        // One thread sleeping through each delay would need 12 x 300 ms.
        #expect(elapsed >= .milliseconds(290))
        #expect(elapsed < .milliseconds(2000))
        #expect(server.statistics.faults.delayed == 12)
    }

    @Test func aLatencyRangeIsHonoured() throws {
        let server = try echoServer {
            $0.faults = FaultPlan(latency: .milliseconds(50) ... .milliseconds(120), seed: 3)
        }
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        for _ in 0..<5 {
            let started = ContinuousClock.now
            #expect(try connection.exchange("PUT", "/a.json", body: "{}").status == 200)
            #expect(started.duration(to: .now) >= .milliseconds(49))
        }
    }

    @Test func stallsHoldResponsesUntilTheWindowEnds() throws {
        let server = try echoServer {
            $0.faults = FaultPlan(
                stall: StallSchedule(every: .seconds(1), length: .milliseconds(600)))
        }
        defer { server.stop() }
        let start = ContinuousClock.now
        let connection = try RawConnection(port: server.port)
        let early = ContinuousClock.now
        #expect(try connection.exchange("GET", "/a.json").status == 200)
        #expect(early.duration(to: .now) < .milliseconds(500))

        Thread.sleep(
            forTimeInterval: ContinuousClock.now.duration(to: start + .seconds(1.1)).seconds)
        let stalled = ContinuousClock.now
        #expect(try connection.exchange("GET", "/a.json").status == 200)
        #expect(stalled.duration(to: .now) >= .milliseconds(300))
        #expect(server.statistics.faults.stalled == 1)
    }

    @Test func stallWindowArithmetic() {
        let schedule = StallSchedule(every: .seconds(30), length: .seconds(2))
        #expect(schedule.remainingStall(at: .seconds(1)) == nil)
        #expect(schedule.remainingStall(at: .seconds(30)) == .seconds(2))
        #expect(schedule.remainingStall(at: .milliseconds(31_500)) == .milliseconds(500))
        #expect(schedule.remainingStall(at: .seconds(32)) == nil)
        #expect(schedule.remainingStall(at: .seconds(61)) == .seconds(1))
    }
}
