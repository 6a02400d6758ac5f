import Foundation
import Testing

@testable import SartorCommandLine

@Suite struct DurationSyntaxTests {
    @Test(arguments: [
        ("250ms", Duration.milliseconds(250)), ("10s", .seconds(10)), ("5m", .seconds(300)),
        ("1h", .seconds(3600)), ("1m30s", .seconds(90)), ("1.5s", .milliseconds(1500)),
        ("500us", .microseconds(500)), ("0", .zero), ("2h0m1s", .seconds(7201)),
    ])
    func parses(text: String, expected: Duration) throws {
        #expect(try DurationSyntax.parse(text) == expected)
    }

    @Test(arguments: ["10x", "", "5", "s", "-1s", "1.2.3s", "10 s", "1d"])
    func refuses(text: String) {
        #expect(throws: ValueError("is not a duration", hint: "use e.g. 30s, 5m")) {
            try DurationSyntax.parse(text)
        }
    }

    @Test(arguments: [
        (Duration.seconds(90), "1m30s"), (.milliseconds(250), "250ms"), (.seconds(3600), "1h"),
        (.zero, "0s"), (.seconds(7201), "2h1s"), (.milliseconds(1500), "1500ms"),
    ])
    func formats(duration: Duration, text: String) throws {
        #expect(DurationSyntax.format(duration) == text)
        #expect(try DurationSyntax.parse(text) == duration)
    }
}

@Suite struct DurationRangeTests {
    @Test func parsesBothBounds() throws {
        let range = try DurationRange.parse("2s..8s")
        #expect(range == DurationRange(lower: .seconds(2), upper: .seconds(8)))
        #expect(range.description == "2s..8s")
    }

    @Test func singleDurationIsFixed() throws {
        let range = try DurationRange.parse("5s")
        #expect(range == DurationRange(lower: .seconds(5), upper: .seconds(5)))
        #expect(range.description == "5s")
    }

    @Test(arguments: ["2s..", "..8s", "2s..8x", "1s..2s..3s", "fast"])
    func refusesMalformed(text: String) {
        #expect(
            throws: ValueError(
                "is not a duration range", hint: "use e.g. 2s..8s, or 5s for a fixed time")
        ) { try DurationRange.parse(text) }
    }

    @Test func refusesThreeDots() {
        // Read naively, 0s...8s would be 0s..0.8s.
        #expect(
            throws: ValueError(
                "is not a duration range", hint: "use e.g. 2s..8s, or 5s for a fixed time")
        ) { try DurationRange.parse("0s...8s") }
    }

    @Test func refusesReversedBounds() {
        #expect(
            throws: ValueError(
                "has its bounds reversed", hint: "write the smaller one first, e.g. 2s..8s")
        ) { try DurationRange.parse("8s..2s") }
    }
}

@Suite struct RateAndFractionTests {
    @Test(arguments: [("50/s", 50.0), ("600/m", 10.0), ("3600/h", 1.0), ("50", 50.0), ("0", 0)])
    func parsesRates(text: String, perSecond: Double) throws {
        #expect(try RateSyntax.parse(text) == perSecond)
    }

    @Test func refusesRates() {
        let hint = "use e.g. 50/s, 600/m or 50"
        #expect(throws: ValueError("is not a rate", hint: hint)) { try RateSyntax.parse("fast") }
        #expect(throws: ValueError("is negative", hint: hint)) { try RateSyntax.parse("-5/s") }
        #expect(throws: ValueError("is not a rate", hint: "the unit is /s, /m or /h; \(hint)")) {
            try RateSyntax.parse("5/d")
        }
    }

    @Test(arguments: [("1%", 0.01), ("0.01", 0.01), ("0.5%", 0.005), ("100%", 1), ("0", 0)])
    func parsesFractions(text: String, fraction: Double) throws {
        #expect(abs(try FractionSyntax.parse(text) - fraction) < 1e-12)
    }

    @Test func refusesFractions() {
        #expect(throws: ValueError("is not a percentage", hint: "use e.g. 1% or 0.01")) {
            try FractionSyntax.parse("lots")
        }
        #expect(throws: ValueError("is more than 100%", hint: "write 5% for a percentage")) {
            try FractionSyntax.parse("5")
        }
        #expect(throws: ValueError("is more than 100%", hint: "use at most 100%")) {
            try FractionSyntax.parse("150%")
        }
        #expect(throws: ValueError("is negative", hint: "use e.g. 1% or 0.01")) {
            try FractionSyntax.parse("-1%")
        }
    }

    @Test func parsesBoundedIntegers() throws {
        #expect(try IntegerSyntax.parse("64", in: 1...100) == 64)
        #expect(try IntegerSyntax.parse("100_000", in: 0...Int.max) == 100_000)
        #expect(throws: ValueError("is out of range", hint: "use a number from 1 to 100")) {
            try IntegerSyntax.parse("0", in: 1...100)
        }
        #expect(throws: ValueError("is out of range", hint: "use 1 or more")) {
            try IntegerSyntax.parse("-3", in: 1...Int.max)
        }
        #expect(throws: ValueError("is not a whole number", hint: "use e.g. 1")) {
            try IntegerSyntax.parse("2.5", in: 1...100)
        }
        #expect(throws: ValueError("is out of range", hint: "use 1 or more")) {
            try IntegerSyntax.parse("99999999999999999999", in: 1...Int.max)
        }
    }
}

/// Option values that parse as text but mean nothing useful are refused by their kind.
@Suite struct ValueKindTests {
    @Test(arguments: ["0", "0s", "0ms"])
    func refusesZeroDurations(text: String) {
        #expect(throws: ValueError("must be above 0", hint: DurationSyntax.hint)) {
            try ValueKind.duration.parse(text)
        }
    }

    @Test(arguments: ["0", "0/s", "0/m"])
    func refusesZeroRates(text: String) {
        #expect(throws: ValueError("must be above 0", hint: RateSyntax.hint)) {
            try ValueKind.rate.parse(text)
        }
    }

    @Test func zeroStaysValidInRangesAndStages() throws {
        #expect(
            try ValueKind.durationRange.parse("0s")
                == .durationRange(.init(lower: .zero, upper: .zero)))
        #expect(
            try ValueKind.stages.parse("10s:0")
                == .stages([Stage(duration: .seconds(10), target: 0)]))
    }
}

@Suite struct ListSyntaxTests {
    @Test func parsesPairsInOrder() throws {
        let pairs = try KeyValuePair.parseList("b=2,a=1,c=x=y")
        #expect(pairs.map(\.key) == ["b", "a", "c"])
        #expect(pairs.map(\.value) == ["2", "1", "x=y"])
    }

    @Test(arguments: ["a", "a=", "=1", "a=1,,b=2", ""])
    func refusesMalformedPairs(text: String) {
        #expect(throws: ValueError("is not a list of key=value pairs", hint: "use e.g. a=1,b=2")) {
            try KeyValuePair.parseList(text)
        }
    }

    @Test func refusesDuplicateKeys() {
        #expect(throws: ValueError("names a twice", hint: "give each key once")) {
            try KeyValuePair.parseList("a=1,b=2,a=3")
        }
    }

    @Test func parsesWeights() throws {
        let weights = try KeyValuePair.parseWeights("direct_message=30,broadcast=0.5")
        #expect(weights.map(\.0) == ["direct_message", "broadcast"])
        #expect(weights.map(\.1) == [30, 0.5])
        let hint = "use e.g. a=30,b=10 (weights of zero or more)"
        #expect(throws: ValueError("gives a the weight \"-1\"", hint: hint)) {
            try KeyValuePair.parseWeights("a=-1")
        }
        #expect(throws: ValueError("is not a list of key=value pairs", hint: hint)) {
            try KeyValuePair.parseWeights("a")
        }
    }

    @Test func parsesStages() throws {
        let stages = try Stage.parseList("30s:10,1m:200,30s:10/s")
        #expect(
            stages == [
                Stage(duration: .seconds(30), target: 10),
                Stage(duration: .seconds(60), target: 200),
                Stage(duration: .seconds(30), target: 10),
            ])
        let hint = "use e.g. 30s:10,1m:200,30s:10 (duration:target, ...)"
        #expect(throws: ValueError("is not a list of stages", hint: hint)) {
            try Stage.parseList("30s")
        }
        #expect(throws: ValueError("has a bad stage \"1x:5\"", hint: hint)) {
            try Stage.parseList("30s:10,1x:5")
        }
    }
}

@Suite struct AddressSyntaxTests {
    @Test(arguments: [
        ("127.0.0.1:9000", HostPort(host: "127.0.0.1", port: 9000)),
        ("[::1]:8080", HostPort(host: "::1", port: 8080)),
        ("localhost:0", HostPort(host: "localhost", port: 0)),
        ("9000", HostPort(host: nil, port: 9000)),
    ])
    func parsesHostPort(text: String, expected: HostPort) throws {
        let parsed = try HostPort.parse(text)
        #expect(parsed == expected)
        #expect(parsed.description == text)
    }

    @Test(arguments: [":9000", "host:", "::1:80", "[::1]80", "[::1", "host:port"])
    func refusesHostPort(text: String) {
        #expect(throws: ValueError("is not a host:port address", hint: HostPort.hint)) {
            try HostPort.parse(text)
        }
    }

    @Test func refusesPortOutOfRange() {
        #expect(throws: ValueError("has a port out of range", hint: "use a port from 0 to 65535")) {
            try HostPort.parse("127.0.0.1:70000")
        }
    }

    @Test func parsesURLs() throws {
        #expect(try URLSyntax.parse("http://127.0.0.1:9000").port == 9000)
        #expect(try URLSyntax.parse("https://x.firebaseio.com/").host == "x.firebaseio.com")
        for bad in ["ftp://host", "127.0.0.1:9000", "http://", "not a url"] {
            #expect(throws: ValueError("is not an http(s) URL", hint: URLSyntax.hint)) {
                try URLSyntax.parse(bad)
            }
        }
        #expect(throws: ValueError("has an empty port", hint: URLSyntax.hint)) {
            try URLSyntax.parse("http://127.0.0.1:/x")
        }
        #expect(
            throws: ValueError("contains a space or control character", hint: "percent-encode it")
        ) {
            try URLSyntax.parse("http://127.0.0.1:1/a b")
        }
    }

    @Test func suggestsNearestName() {
        #expect(NearestName.find("--duratoin", among: ["--duration", "--agents"]) == "--duration")
        #expect(NearestName.find("--zzz", among: ["--duration", "--agents"]) == nil)
        // An abbreviation suggests the one name it starts, and nothing when it starts several.
        #expect(NearestName.find("--dur", among: ["--duration", "--data"]) == "--duration")
        #expect(NearestName.find("--st", among: ["--stages", "--status", "--seed"]) == nil)
        #expect(NearestName.distance("kitten", "sitting") == 3)
        #expect(NearestName.distance("", "abc") == 3)
    }
}
