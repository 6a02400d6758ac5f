import Foundation
import Testing

@testable import SartorDashboard

/// Whole screens rendered from the fixed model, compared with text files in `Golden/`.
///
/// To accept a deliberate change, run with `SARTOR_UPDATE_GOLDEN=1` and review the diff of the
/// golden files like any other change.
@Suite struct GoldenScreenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    func check(_ grid: CellGrid, _ name: String) throws {
        let url = Self.directory.appendingPathComponent(name + ".txt")
        let actual = grid.text + "\n"
        if ProcessInfo.processInfo.environment["SARTOR_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "screen \(name) differs from Golden/\(name).txt")
    }

    @Test func fullScreenAt120x40() throws {
        var state = DashboardState(themeName: "default-dark")
        state.selected = 3
        try check(
            Screen.render(Fixtures.model, state: state, width: 120, height: 40), "running-120x40")
    }

    @Test func smallestFullScreenAt110x38() throws {
        try check(
            Screen.render(Fixtures.model, state: DashboardState(), width: 110, height: 38),
            "running-110x38")
    }

    @Test func compactScreenAt80x24() throws {
        try check(
            Screen.render(Fixtures.model, state: DashboardState(), width: 80, height: 24),
            "running-80x24")
    }

    @Test func compactErrorsPageAt80x24() throws {
        var state = DashboardState()
        state.page = .errors
        try check(
            Screen.render(Fixtures.model, state: state, width: 80, height: 24), "errors-page-80x24")
    }

    @Test func pausedWholeRunWithHelpAt120x40() throws {
        var model = Fixtures.model
        model.state = .paused
        var state = DashboardState(themeName: "light")
        state.window = .wholeRun
        state.showsHelp = true
        try check(Screen.render(model, state: state, width: 120, height: 40), "paused-help-120x40")
    }

    @Test func tooSmallAsksForTheNeededSize() {
        let grid = Screen.render(Fixtures.model, state: DashboardState(), width: 60, height: 20)
        #expect(grid.text.contains("Terminal too small: 60×20."))
        #expect(grid.text.contains("needs at least 80×23."))
    }
}
