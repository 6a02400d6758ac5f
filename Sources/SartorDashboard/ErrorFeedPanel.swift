/// The most recent errors, newest first, under one line of counts by kind.
enum ErrorFeedPanel {
    static func draw(_ model: DashboardModel, into grid: inout CellGrid, rect: Rect) {
        let inner = grid.box(
            rect, title: "Errors", detail: "\(Format.count(model.totalErrors)) in total")
        guard inner.height >= 1 else { return }
        if model.errorCounts.isEmpty {
            grid.write("no errors", x: inner.x, y: inner.y, role: .good)
            return
        }
        var x = inner.x
        for (index, entry) in model.errorCounts.enumerated() {
            let text = (index > 0 ? "   " : "") + "\(entry.kind) ×\(Format.count(entry.count))"
            guard x + DisplayWidth.of(text) <= inner.maxX else { break }
            x += grid.write(text, x: x, y: inner.y, role: .error)
        }
        let operationWidth = 16
        let kindWidth = 18
        for (index, error) in model.errors.enumerated() where index + 1 < inner.height {
            let y = inner.y + 1 + index
            var x = inner.x
            x += grid.write(Format.clockTenths(error.timeSeconds) + "  ", x: x, y: y, role: .muted)
            x += grid.write(
                DisplayWidth.pad(error.operation, to: operationWidth) + " ", x: x, y: y, role: .text
            )
            x += grid.write(
                DisplayWidth.pad(error.kind, to: kindWidth) + " ", x: x, y: y, role: .error)
            grid.write(error.message, x: x, y: y, role: .text, maxWidth: inner.maxX - x)
        }
    }
}
