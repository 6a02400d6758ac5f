/// The numbers per operation: count, rate, latency percentiles in the chosen window, and the
/// outcomes that are not successes (errors, skipped, conflicts, retries).
enum PercentilesPanel {
    private static let columns: [(title: String, width: Int)] = [
        ("count", 6), ("ops/s", 5), ("mean", 6), ("p50", 6), ("p95", 6), ("p99", 6), ("max", 6),
        ("err", 4), ("skip", 4), ("conf", 4), ("retry", 5),
    ]

    static func draw(
        _ model: DashboardModel, state: DashboardState, into grid: inout CellGrid, rect: Rect
    ) {
        let inner = grid.box(
            rect, title: "Percentiles \(state.window.label) (w)", detail: "counts: whole run")
        guard inner.height >= 2 else { return }
        let numbersWidth = columns.reduce(0) { $0 + $1.width + 1 }
        let nameWidth = max(4, inner.width - numbersWidth)
        var header = DisplayWidth.pad("operation", to: nameWidth)
        for column in columns {
            header += " " + DisplayWidth.pad(column.title, to: column.width, right: true)
        }
        grid.write(header, x: inner.x, y: inner.y, role: .muted, maxWidth: inner.width)

        for (index, operation) in model.operations.enumerated() where index + 1 < inner.height {
            let summary = state.window == .recent ? operation.recent : operation.wholeRun
            let rate = model.elapsedSeconds > 0 ? Double(operation.count) / model.elapsedSeconds : 0
            let cells = [
                Format.count(operation.count), Format.rate(rate), Format.micros(summary.meanMicros),
                Format.micros(summary.p50Micros), Format.micros(summary.p95Micros),
                Format.micros(summary.p99Micros), Format.micros(summary.maxMicros),
                Format.count(operation.errors), Format.count(operation.skipped),
                Format.count(operation.conflicts), Format.count(operation.retries),
            ]
            let y = inner.y + 1 + index
            let role: StyleRole = index == state.selected ? .selected : .text
            var x = inner.x
            x += grid.write(DisplayWidth.pad(operation.name, to: nameWidth), x: x, y: y, role: role)
            for (slot, (text, column)) in zip(cells, columns).enumerated() {
                let cellRole: StyleRole = slot == 7 && operation.errors > 0 ? .error : .text
                x += grid.write(
                    " " + DisplayWidth.pad(text, to: column.width, right: true), x: x, y: y,
                    role: cellRole)
            }
        }
    }
}
