/// Draws a whole frame: every panel of the layout for the terminal size, from one model and the
/// UI state, into a fresh cell grid. Pure: the same inputs give the same grid.
public enum Screen {
    public static func render(
        _ model: DashboardModel, state: DashboardState, width: Int, height: Int
    ) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let paused = model.state == .paused
        switch Layout(width: width, height: height, operations: model.operations.count) {
        case .tooSmall(let needWidth, let needHeight):
            drawTooSmall(
                width: width, height: height, needWidth: needWidth, needHeight: needHeight,
                into: &grid)
            return grid
        case .full(let rects):
            HeaderPanel.draw(model, state: state, into: &grid, rect: rects.header)
            ThroughputPanel.draw(model, into: &grid, rect: rects.throughput)
            MixPanel.draw(model, state: state, into: &grid, rect: rects.mix)
            LatencyPanel.draw(model, state: state, into: &grid, rect: rects.latency)
            StatusPanel.draw(model, state: state, into: &grid, rect: rects.status)
            PercentilesPanel.draw(model, state: state, into: &grid, rect: rects.percentiles)
            ErrorFeedPanel.draw(model, into: &grid, rect: rects.errors)
            KeyBar.draw(compact: false, paused: paused, into: &grid, rect: rects.keyBar)
        case .compact(let rects):
            HeaderPanel.draw(model, state: state, into: &grid, rect: rects.header)
            ThroughputPanel.draw(model, into: &grid, rect: rects.throughput)
            MixPanel.draw(model, state: state, into: &grid, rect: rects.mix)
            switch state.page {
            case .latency: LatencyPanel.draw(model, state: state, into: &grid, rect: rects.page)
            case .percentiles:
                PercentilesPanel.draw(model, state: state, into: &grid, rect: rects.page)
            case .status: StatusPanel.draw(model, state: state, into: &grid, rect: rects.page)
            case .errors: ErrorFeedPanel.draw(model, into: &grid, rect: rects.page)
            }
            drawPageTabs(state.page, rect: rects.page, into: &grid)
            KeyBar.draw(compact: true, paused: paused, into: &grid, rect: rects.keyBar)
        }
        if state.showsHelp { HelpOverlay.draw(state: state, into: &grid, screen: screen) }
        return grid
    }

    /// On a small terminal, the other pages' names at the bottom edge of the page, Tab to switch.
    private static func drawPageTabs(_ page: CompactPage, rect: Rect, into grid: inout CellGrid) {
        var x = rect.x + 2
        let y = rect.maxY - 1
        x += grid.write(" Tab: ", x: x, y: y, role: .muted)
        for candidate in CompactPage.allCases {
            let role: StyleRole = candidate == page ? .selected : .muted
            x += grid.write(" \(candidate.title) ", x: x, y: y, role: role)
        }
    }

    private static func drawTooSmall(
        width: Int, height: Int, needWidth: Int, needHeight: Int, into grid: inout CellGrid
    ) {
        let lines = [
            "Terminal too small: \(width)×\(height).",
            "sartor-load needs at least \(needWidth)×\(needHeight).",
            "Enlarge the window, or run with --no-tui.",
            "q quits.",
        ]
        // Wrapped, one column of margin each side, so that a very narrow window still reads.
        let wrapped = lines.enumerated().flatMap { index, line in
            DisplayWidth.wrap(line, to: width - 2).map { (text: $0, isFirst: index == 0) }
        }
        let top = max(0, (height - wrapped.count) / 2)
        for (index, line) in wrapped.enumerated() {
            let x = max(0, (width - DisplayWidth.of(line.text)) / 2)
            grid.write(line.text, x: x, y: top + index, role: line.isFirst ? .warning : .text)
        }
    }
}
