import Testing

@testable import SartorDashboard

/// The header's state and clocks, the help overlay, the latency names and the too-small
/// message, each at the size where it used to go wrong.
@Suite struct ScreenFixesTests {
    func render(_ model: DashboardModel, _ size: (Int, Int), state: DashboardState = .init())
        -> String
    {
        Screen.render(model, state: state, width: size.0, height: size.1).text
    }

    @Test func pausedRunShowsNoRateNow() {
        var model = Fixtures.model
        #expect(
            render(model, (120, 40)).contains("now \(Format.rate(model.operationsPerSecondNow))/s"))
        #expect(model.operationsPerSecondNow > 0)
        model.state = .paused
        #expect(model.operationsPerSecondNow == 0)
        #expect(render(model, (120, 40)).contains("now 0.0/s"))
    }

    @Test func allWeightsZeroShowsIdle() {
        var model = Fixtures.model
        #expect(!render(model, (120, 40)).contains("IDLE"))
        for index in model.operations.indices { model.operations[index].weight = 0 }
        let text = render(model, (120, 40))
        #expect(text.contains("IDLE: all weights 0"))
        #expect(!text.contains("RUNNING"))
        model.state = .paused
        #expect(render(model, (120, 40)).contains("PAUSED"))
    }

    @Test(arguments: [95.4, 95.0, 94.999, 0.2, 299.9])
    func elapsedAndRemainingAddUpToTheDuration(elapsed: Double) throws {
        var model = Fixtures.model
        model.elapsedSeconds = elapsed
        let text = render(model, (120, 40))
        let seconds = { (label: String) throws -> Int in
            let range = try #require(
                text.range(of: label + #" [0-9]{2}:[0-9]{2}"#, options: .regularExpression))
            let parts = text[range].dropFirst(label.count + 1).split(separator: ":")
            return Int(parts[0])! * 60 + Int(parts[1])!
        }
        #expect(try seconds("elapsed") + seconds("remaining") == 300)
    }

    @Test(arguments: [(120, 40), (80, 24), (110, 38)])
    func helpShowsEveryLineWhole(width: Int, height: Int) {
        var state = DashboardState(themeName: "default-dark")
        state.showsHelp = true
        let text = render(Fixtures.model, (width, height), state: state)
        for line in HelpOverlay.lines { #expect(text.contains(line.action)) }
        #expect(text.contains(HelpOverlay.closing))
    }

    @Test func helpWrapsOnANarrowScreen() {
        var grid = CellGrid(width: 40, height: 30)
        HelpOverlay.draw(
            state: DashboardState(), into: &grid, screen: Rect(x: 0, y: 0, width: 40, height: 30))
        let text = grid.text
        #expect(text.contains("stop the run, write"))
        #expect(text.contains("at once)"))
        #expect(!text.contains("…"))
    }

    @Test func latencyNamesAreWholeAtTheSmallestFullLayout() {
        let text = render(Fixtures.model, (110, 38))
        #expect(text.contains("Latency"))
        #expect(text.range(of: "direct m[a-z ]*…", options: .regularExpression) == nil)
    }

    @Test func fullLayoutStartsAt110x38() {
        guard case .full = Layout(width: 110, height: 38, operations: 6) else {
            Issue.record("110×38 should use the full layout")
            return
        }
        guard case .compact = Layout(width: 110, height: 37, operations: 6) else {
            Issue.record("110×37 should use the compact layout")
            return
        }
    }

    @Test func tooSmallMessageWrapsOnANarrowWindow() {
        let text = render(Fixtures.model, (40, 10))
        #expect(text.contains("Terminal too small: 40×10."))
        #expect(text.contains("--no-tui."))
        #expect(!text.contains("…"))
    }

    @Test func wrapBreaksAtSpacesAndCutsLongWords() {
        #expect(DisplayWidth.wrap("one two three", to: 7) == ["one two", "three"])
        #expect(DisplayWidth.wrap("abcdefghij", to: 4) == ["abc…"])
        #expect(DisplayWidth.wrap("", to: 4) == [""])
    }
}
