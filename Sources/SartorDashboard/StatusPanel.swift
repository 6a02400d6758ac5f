/// The status block a plain load generator prints every 30 seconds, kept up to date instead:
/// operations run per kind, totals, errors, operations per minute and the time left.
enum StatusPanel {
    static func draw(
        _ model: DashboardModel, state: DashboardState, into grid: inout CellGrid, rect: Rect
    ) {
        let inner = grid.box(
            rect, title: "Status", detail: "as of \(Format.clock(model.elapsedSeconds))")
        guard inner.height >= 3 else { return }
        let minutes = model.elapsedSeconds / 60
        let perMinute = { (count: Int) in minutes > 0 ? Format.rate(Double(count) / minutes) : "-" }
        let nameWidth = max(4, inner.width - 18)
        let header =
            DisplayWidth.pad("operation", to: nameWidth)
            + DisplayWidth.pad("count", to: 8, right: true)
            + DisplayWidth.pad("ops/min", to: 10, right: true)
        grid.write(header, x: inner.x, y: inner.y, role: .muted)

        let rows = min(model.operations.count, inner.height - 3)
        for (index, operation) in model.operations.prefix(rows).enumerated() {
            let line =
                DisplayWidth.pad(operation.name, to: nameWidth)
                + DisplayWidth.pad(Format.count(operation.count), to: 8, right: true)
                + DisplayWidth.pad(perMinute(operation.count), to: 10, right: true)
            grid.write(line, x: inner.x, y: inner.y + 1 + index, role: .text)
        }
        let total =
            DisplayWidth.pad("total", to: nameWidth)
            + DisplayWidth.pad(Format.count(model.totalOperations), to: 8, right: true)
            + DisplayWidth.pad(perMinute(model.totalOperations), to: 10, right: true)
        grid.write(total, x: inner.x, y: inner.y + 1 + rows, role: .title)

        let remaining = model.remainingSeconds.map { Format.countdown($0) } ?? "until stopped"
        let errors =
            "errors \(Format.count(model.totalErrors)) (\(Format.percent(model.errorRate)))"
        let y = inner.y + 2 + rows
        let used = grid.write(
            errors, x: inner.x, y: y, role: model.totalErrors > 0 ? .error : .good)
        grid.write(
            "   remaining \(remaining)", x: inner.x + used, y: y, role: .text,
            maxWidth: inner.maxX - inner.x - used)
    }
}
