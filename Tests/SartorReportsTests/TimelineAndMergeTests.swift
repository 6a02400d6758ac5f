import SartorMetrics
import Testing

@testable import SartorReports

@Suite struct LatencyTimelineTests {
    @Test func slicesHoldOnlyWhatWasRecordedSinceTheLastUpdate() {
        var whole = Histogram()
        var timeline = LatencyTimeline(sliceSeconds: 10)
        for value in [1_000, 2_000, 3_000] { whole.record(value) }
        timeline.update(cumulative: [("a", whole)], at: 5)
        for value in [50_000, 60_000] { whole.record(value) }
        timeline.update(cumulative: [("a", whole)], at: 15)
        timeline.update(cumulative: [("a", whole)], at: 25)
        #expect(timeline.slices.map(\.start) == [0, 10])
        #expect(timeline.slices[0].latency["a"]?.totalCount == 3)
        #expect(timeline.slices[1].latency["a"]?.totalCount == 2)
        let median = timeline.slices[1].latency["a"]?.value(atPercentile: 50) ?? 0
        let bucket =
            Histogram.lowestEquivalentValue(50_000)...Histogram.highestEquivalentValue(50_000)
        #expect(bucket.contains(median))
    }

    @Test func staysBoundedByCoarsening() {
        var whole = Histogram()
        var timeline = LatencyTimeline(sliceSeconds: 1)
        for second in 0..<1_000 {
            whole.record(1_000 + second)
            timeline.update(cumulative: [("a", whole)], at: Double(second))
        }
        #expect(timeline.slices.count <= LatencyTimeline.maximumSlices)
        #expect(timeline.sliceSeconds == 16)
        #expect(timeline.slices.reduce(0) { $0 + ($1.latency["a"]?.totalCount ?? 0) } == 1_000)
    }

    @Test func storedBytesStayFarBelowDenseSlices() {
        var direct = Histogram()
        var status = Histogram()
        var timeline = LatencyTimeline(sliceSeconds: 1)
        var next = 17
        for second in 0..<400 {
            for _ in 0..<200 {
                // A spread of 1 ms to about 1 s, so that slices use thousands of counters.
                next = (next &* 1_103_515_245 &+ 12_345) & 0x7fff_ffff
                direct.record(1_000 + next % 50_000)
                status.record(1_000 + (next >> 8) % 1_000_000)
            }
            timeline.update(
                cumulative: [("direct_message", direct), ("status_query", status)],
                at: Double(second))
        }
        let histograms = timeline.slices.flatMap(\.latency.values)
        let usedCounters = histograms.reduce(0) { $0 + $1.histogram.recordedBuckets.count }
        let denseBytes = histograms.count * Histogram.bucketCount * MemoryLayout<Int>.size
        #expect(timeline.slices.count <= LatencyTimeline.maximumSlices)
        #expect(histograms.reduce(0) { $0 + $1.totalCount } == 2 * 400 * 200)
        #expect(timeline.storedBytes <= histograms.count * 96 + 6 * usedCounters)
        #expect(timeline.storedBytes < denseBytes / 10)
    }

    @Test func mergedReportsAddUpAndMergeHistograms() throws {
        let one = ReportFixture.report
        var two = ReportFixture.report
        two.summary.durationSeconds = 45
        two.operations.removeLast()
        let merged = try #require(RunReport.merged([one, two]))
        #expect(merged.summary.operations == 1_000)
        #expect(merged.summary.durationSeconds == 60)
        #expect(merged.operations.map(\.count) == [600, 240, 80])
        var expected = one.operations[1].latency
        expected.add(two.operations[1].latency)
        #expect(merged.operations[1].latency == expected)
        #expect(merged.perSecond.first?.operations == 16)
        #expect(merged.errorsByKind["http 503"] == 10)
        #expect(merged.verify?.checked == 1_240)
        #expect(merged.thresholds.isEmpty)
        #expect(abs(merged.operations.reduce(0) { $0 + $1.targetShare } - 1) < 1e-9)
        let timelineCount = merged.timeline.slices.reduce(0) {
            $0 + ($1.latency["task_claim"]?.totalCount ?? 0)
        }
        #expect(timelineCount == 240)
    }
}
