import Testing

@testable import SartorDashboard

@Suite struct CellGridTests {
    @Test func writeClipsAtTheEdgeAndMarksCuts() {
        var grid = CellGrid(width: 8, height: 1)
        grid.write("throughput", x: 0, y: 0, role: .text, maxWidth: 6)
        #expect(grid.line(0) == "throu…  ")
    }

    @Test func boxBlockAndBrailleTakeOneColumn() {
        var grid = CellGrid(width: 6, height: 1)
        let used = grid.write("╭█⣿▒─╮", x: 0, y: 0, role: .border)
        #expect(used == 6)
        #expect(grid.line(0) == "╭█⣿▒─╮")
    }

    @Test func wideCharactersTakeTwoColumns() {
        var grid = CellGrid(width: 6, height: 1)
        let used = grid.write("日本x", x: 0, y: 0, role: .text)
        #expect(used == 5)
        #expect(grid[1, 0].isContinuation)
        #expect(grid.line(0) == "日本x ")
    }

    @Test func wideCharacterThatDoesNotFitIsCut() {
        var grid = CellGrid(width: 3, height: 1)
        grid.write("ab日", x: 0, y: 0, role: .text)
        #expect(grid.line(0) == "ab…")
        grid.put("日", x: 2, y: 0, role: .text)
        #expect(grid.line(0) == "ab…")
    }

    @Test func overwritingHalfAWideCharacterLeavesABlank() {
        var grid = CellGrid(width: 4, height: 1)
        grid.write("日本", x: 0, y: 0, role: .text)
        grid.put("x", x: 1, y: 0, role: .text)
        #expect(grid.line(0) == " x本")
    }

    @Test func controlCharactersNeverReachTheScreen() {
        var grid = CellGrid(width: 6, height: 1)
        grid.write("a\u{1B}[2Jb", x: 0, y: 0, role: .text)
        #expect(grid.line(0) == "a?[2Jb")
    }

    @Test func truncateAndPadCountColumns() {
        #expect(DisplayWidth.truncate("direct message", to: 8) == "direct …")
        #expect(DisplayWidth.pad("日本", to: 6, right: true) == "  日本")
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }
}
