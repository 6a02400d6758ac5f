/// The most recent errors, newest first, under a line of counts by kind that adds up to the
/// total in the title, and a line for failed agent connects and disconnects when there are any.
enum ErrorFeedPanel {
    static func draw(_ model: DashboardModel, into grid: inout CellGrid, rect: Rect) {
        let inner = grid.box(
            rect, title: "Errors", detail: "\(Format.count(model.totalErrors)) in total")
        guard inner.height >= 1 else { return }
        var y = inner.y
        if model.errorCounts.isEmpty {
            grid.write("no errors", x: inner.x, y: y, role: .good)
        } else {
            grid.write(
                countsLine(model.errorCounts, width: inner.width), x: inner.x, y: y, role: .error)
        }
        y += 1
        if let line = agentFailuresLine(model), y < inner.maxY {
            grid.write(line, x: inner.x, y: y, role: .warning, maxWidth: inner.width)
            y += 1
        }
        let operationWidth = 16
        let kindWidth = 18
        for error in model.errors {
            guard y < inner.maxY else { break }
            var x = inner.x
            x += grid.write(Format.clockTenths(error.timeSeconds) + "  ", x: x, y: y, role: .muted)
            x += grid.write(
                DisplayWidth.pad(error.operation, to: operationWidth) + " ", x: x, y: y, role: .text
            )
            x += grid.write(
                DisplayWidth.pad(error.kind, to: kindWidth) + " ", x: x, y: y, role: .error)
            grid.write(error.message, x: x, y: y, role: .text, maxWidth: inner.maxX - x)
            y += 1
        }
    }

    /// `http 503 ×12   timeout ×4`, as many kinds as fit in `width` columns; the kinds left
    /// out are summed as `others ×N`, so that the line always adds up to the total.
    static func countsLine(_ counts: [(kind: String, count: Int)], width: Int) -> String {
        let separator = "   "
        let entries = counts.map { "\($0.kind) ×\(Format.count($0.count))" }
        if DisplayWidth.of(entries.joined(separator: separator)) <= width {
            return entries.joined(separator: separator)
        }
        var shown = counts.count - 1
        while shown > 0 {
            let rest = counts[shown...].reduce(0) { $0 + $1.count }
            let line = (entries[..<shown] + ["others ×\(Format.count(rest))"])
                .joined(separator: separator)
            if DisplayWidth.of(line) <= width { return line }
            shown -= 1
        }
        return DisplayWidth.truncate(entries[0], to: width)
    }

    /// Failed sign-ins and sign-outs of agents: shown in the feed, but not operations, so
    /// neither in the total nor in the kinds.
    static func agentFailuresLine(_ model: DashboardModel) -> String? {
        var parts: [String] = []
        if model.connectFailures > 0 {
            parts.append("connect \(Format.count(model.connectFailures))")
        }
        if model.disconnectFailures > 0 {
            parts.append("disconnect \(Format.count(model.disconnectFailures))")
        }
        guard !parts.isEmpty else { return nil }
        return "sign-in/out failures (not in the total): " + parts.joined(separator: ", ")
    }
}
