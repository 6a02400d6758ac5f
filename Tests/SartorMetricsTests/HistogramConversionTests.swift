import Foundation
import Testing

@testable import SartorMetrics

@Suite struct HistogramConversionTests {
    @Test(arguments: [
        (Duration.zero, 0), (.nanoseconds(499), 0), (.nanoseconds(500), 1),
        (.milliseconds(250), 250_000), (.seconds(100), 100_000_000),
        (.nanoseconds(-1_600), -2), (.seconds(Int64.max), Int.max),
    ])
    func durationsRoundToMicroseconds(duration: Duration, micros: Int) {
        #expect(Histogram.microseconds(of: duration) == micros)
    }

    @Test func recordsDurations() {
        var histogram = Histogram()
        histogram.record(Duration.milliseconds(3))
        let recorder = IntervalRecorder(shardCount: 1)
        recorder.record(Duration.microseconds(7))
        #expect(histogram.max == 3_000)
        #expect(recorder.takeInterval().max == 7)
    }

    @Test func codableAsItsEncodedString() throws {
        var histogram = Histogram()
        for value in LatencyShape.exponential.samples(count: 500, seed: 1) {
            histogram.record(value)
        }
        let json = try JSONEncoder().encode(["latency": histogram])
        let text = try #require(String(data: json, encoding: .utf8))
        #expect(text.contains(histogram.encoded().replacingOccurrences(of: "/", with: "\\/")))
        let decoded = try JSONDecoder().decode([String: Histogram].self, from: json)
        #expect(decoded["latency"] == histogram)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Histogram].self, from: Data(#"["bad"]"#.utf8))
        }
    }

    @Test func descriptionSummarises() {
        var histogram = Histogram()
        histogram.record(10)
        histogram.record(20)
        histogram.record(30)
        #expect(
            histogram.description
                == "Histogram(count: 3, min: 10, p50: 20, p99: 30, max: 30, overflow: 0)")
    }
}
