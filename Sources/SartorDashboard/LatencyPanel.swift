/// One bar per operation on a shared scale, its segments ending at p50, p95 and p99, with the
/// three numbers beside it; the window (last 10 s or whole run) is switched with `w`.
///
/// Segments are told apart by colour and by glyph (`█` to p50, `▓` to p95, `░` to p99), so the
/// bars read on a monochrome terminal too.
enum LatencyPanel {
    static func draw(
        _ model: DashboardModel, state: DashboardState, into grid: inout CellGrid, rect: Rect
    ) {
        let summaries = model.operations.map { state.window == .recent ? $0.recent : $0.wholeRun }
        let measured = summaries.filter { $0.count > 0 }
        let smallest = measured.map(\.p50Micros).min() ?? 1
        let largest = measured.map(\.p99Micros).max() ?? 1_000
        let numbersWidth = 3 * 8
        // Names whole up to 16 columns, as long as the bars keep a readable 20 columns.
        let longest = model.operations.map { DisplayWidth.of($0.name) }.max() ?? 0
        let room = rect.width - 2 - 1 - numbersWidth - 1 - 20
        let nameWidth = max(8, min(16, max(rect.width / 5, longest), room))
        let barWidth = max(1, rect.width - 2 - nameWidth - 1 - numbersWidth - 1)
        let scale = LatencyScale(
            smallestMicros: smallest, largestMicros: largest, columns: barWidth)
        let kind = scale.isLogarithmic ? "log scale" : "linear scale"
        let legend = "█p50 ▓p95 ░p99  \(kind)"
        let inner = grid.box(rect, title: "Latency \(state.window.label) (w)", detail: legend)
        guard inner.height >= 2 else { return }
        // The legend's glyphs in their segment colours (when the box had room for it).
        let legendX = rect.maxX - 2 - DisplayWidth.of(legend)
        if grid[legendX, rect.y].scalar == "█" {
            for (offset, role) in [(0, StyleRole.p50), (5, .p95), (10, .p99)] {
                grid.paint(Rect(x: legendX + offset, y: rect.y, width: 1, height: 1), role: role)
            }
        }
        let barX = inner.x + nameWidth + 1
        let numbersX = barX + barWidth + 1

        for (index, operation) in model.operations.enumerated() where index < inner.height - 1 {
            let y = inner.y + index
            let role: StyleRole = index == state.selected ? .selected : .text
            grid.write(
                DisplayWidth.pad(operation.name, to: nameWidth), x: inner.x, y: y, role: role)
            let summary = summaries[index]
            guard summary.count > 0 else {
                grid.write("no operations in this window", x: barX, y: y, role: .muted)
                continue
            }
            let ends = [summary.p50Micros, summary.p95Micros, summary.p99Micros].map(
                scale.columns(for:))
            let glyphs: [(Unicode.Scalar, StyleRole)] = [("█", .p50), ("▓", .p95), ("░", .p99)]
            var column = 0
            for (end, glyph) in zip(ends, glyphs) {
                while column < end {
                    grid.put(glyph.0, x: barX + column, y: y, role: glyph.1)
                    column += 1
                }
            }
            let numbers = [summary.p50Micros, summary.p95Micros, summary.p99Micros]
            for (slot, (value, glyph)) in zip(numbers, glyphs).enumerated() {
                let text = DisplayWidth.pad(Format.micros(value), to: 7, right: true)
                grid.write(text, x: numbersX + slot * 8, y: y, role: glyph.1)
            }
        }
        Self.drawScale(scale, x: barX, y: inner.maxY - 1, into: &grid)
    }

    private static func drawScale(_ scale: LatencyScale, x: Int, y: Int, into grid: inout CellGrid)
    {
        for column in 0..<scale.columns { grid.put("─", x: x + column, y: y, role: .border) }
        var nextFree = x
        for tick in scale.ticks {
            let label = tick.label
            let width = DisplayWidth.of(label)
            let start = min(max(x + tick.column - width / 2, x), x + scale.columns - width)
            guard start >= nextFree else { continue }
            grid.write(label, x: start, y: y, role: .muted)
            nextFree = start + width + 1
        }
    }
}
