import Testing

@testable import SartorDashboard

/// The error feed's counts add up to its total; failed sign-ins and sign-outs show apart.
@Suite struct ErrorFeedPanelTests {
    func panel(_ model: DashboardModel, width: Int = 80, height: Int = 8) -> [String] {
        var grid = CellGrid(width: width, height: height)
        ErrorFeedPanel.draw(
            model, into: &grid, rect: Rect(x: 0, y: 0, width: width, height: height))
        return (0..<height).map { grid.line($0) }
    }

    @Test func countsByKindAddUpToTheTotal() {
        let model = Fixtures.model
        #expect(model.errorCounts.reduce(0) { $0 + $1.count } == model.totalErrors)
        let lines = panel(model)
        #expect(lines[0].contains("\(model.totalErrors) in total"))
        #expect(lines[1].contains("http 503 ×12   timeout ×4   http 500 ×2"))
    }

    @Test func kindsThatDoNotFitAreSummedAsOthers() {
        let counts = [(kind: "http 503", count: 12), ("timeout", 4), ("http 500", 2)]
        #expect(
            ErrorFeedPanel.countsLine(counts, width: 30) == "http 503 ×12   others ×6")
        #expect(
            ErrorFeedPanel.countsLine(counts, width: 37) == "http 503 ×12   timeout ×4   others ×2")
    }

    @Test func agentFailuresHaveTheirOwnLine() {
        var model = Fixtures.model
        #expect(!panel(model).joined().contains("sign-in/out"))
        model.connectFailures = 2
        model.disconnectFailures = 1
        let lines = panel(model)
        #expect(
            lines[2].contains("sign-in/out failures (not in the total): connect 2, disconnect 1"))
        #expect(lines[3].contains("broadcast"))
        #expect(lines[0].contains("\(model.totalErrors) in total"))
        model.connectFailures = 0
        #expect(panel(model)[2].contains("failures (not in the total): disconnect 1"))
    }

    @Test func agentFailuresShowWithoutOperationErrors() {
        var model = Fixtures.model
        for index in model.operations.indices { model.operations[index].errors = 0 }
        model.errorCounts = []
        model.connectFailures = 3
        let lines = panel(model)
        #expect(lines[0].contains("0 in total"))
        #expect(lines[1].contains("no errors"))
        #expect(lines[2].contains("connect 3"))
    }
}
