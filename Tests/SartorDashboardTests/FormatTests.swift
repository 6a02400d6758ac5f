import Testing

@testable import SartorDashboard

@Suite struct FormatTests {
    @Test(arguments: [
        (0, "-"), (850, "850µs"), (1_234, "1.23ms"), (12_345, "12.3ms"), (123_456, "123ms"),
        (1_234_567, "1.23s"), (75_000_000, "75.0s"), (720_000_000, "12m"),
    ])
    func latencies(micros: Int, text: String) {
        #expect(Format.micros(micros) == text)
    }

    @Test(arguments: [(1_000, "1ms"), (100_000, "100ms"), (2_500_000, "2.5s"), (10, "10µs")])
    func ticks(micros: Int, text: String) {
        #expect(Format.tick(micros) == text)
    }

    @Test func countsRatesPercentagesClocks() {
        #expect(Format.count(9_999) == "9999")
        #expect(Format.count(12_345) == "12.3k")
        #expect(Format.count(1_234_567) == "1.23M")
        #expect(Format.rate(0.44) == "0.4")
        #expect(Format.rate(234.4) == "234")
        #expect(Format.percent(0.0017) == "0.17%")
        #expect(Format.percent(1) == "100%")
        #expect(Format.clock(95.4) == "01:35")
        #expect(Format.clock(3_723) == "1:02:03")
        #expect(Format.clockTenths(93.45) == "01:33.4")
    }
}
