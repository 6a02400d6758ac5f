/// Operations per second over the last two minutes as a bar chart, with errors per second on a
/// strip of their own along the bottom.
///
/// Each column is one or more whole seconds (their mean), the newest at the right; bars use the
/// eighth blocks `▁`…`█` against the labelled scale at the left. The error strip has its own
/// scale (its peak is in the title), so that a few errors among many operations still show, and
/// it is a separate row, so errors stand apart without colour too.
enum ThroughputPanel {
    static let windowSeconds = 120
    static let eighths: [Unicode.Scalar] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func draw(_ model: DashboardModel, into grid: inout CellGrid, rect: Rect) {
        let axisWidth = 6
        let columns = max(1, rect.width - 2 - axisWidth - 1)
        let secondsPerColumn = max(1, (windowSeconds + columns - 1) / columns)
        let buckets = Self.buckets(
            model.seconds, columns: columns, secondsPerColumn: secondsPerColumn)
        let errorPeak = buckets.map(\.errors).max() ?? 0
        let peakText = Format.rate(errorPeak)
        let detail =
            rect.width >= 60
            ? "\(secondsPerColumn) s/column  errors peak \(peakText)/s" : "err peak \(peakText)/s"
        let inner = grid.box(rect, title: "Operations/s", detail: detail)
        guard inner.height >= 4, inner.width > axisWidth + 2 else { return }

        let chartRows = inner.height - 2
        let peak = buckets.map(\.operations).max() ?? 0
        let scale = Self.niceCeiling(max(peak, 1))
        let chartX = inner.x + axisWidth + 1
        for row in 0..<chartRows {
            let y = inner.y + row
            // Label the top, and the middle when a row boundary falls exactly on half the scale.
            let isHalf = chartRows % 2 == 0 && chartRows >= 4 && row == chartRows / 2
            let label: String? =
                row == 0 ? Format.rate(scale) : isHalf ? Format.rate(scale / 2) : nil
            if let label { grid.writeRight(label, endX: inner.x + axisWidth, y: y, role: .muted) }
            grid.put(label == nil ? "│" : "┤", x: inner.x + axisWidth, y: y, role: .border)
        }
        let errorY = inner.y + chartRows
        let baseY = errorY + 1
        grid.writeRight("err", endX: inner.x + axisWidth, y: errorY, role: .chartErrors)
        grid.put("┤", x: inner.x + axisWidth, y: errorY, role: .border)
        grid.put("└", x: inner.x + axisWidth, y: baseY, role: .border)

        let offset = columns - buckets.count
        for (index, bucket) in buckets.enumerated() {
            let x = chartX + offset + index
            let eighthsTall = Int((bucket.operations / scale * Double(chartRows * 8)).rounded())
            for row in 0..<chartRows {
                let filled = min(8, max(0, eighthsTall - row * 8))
                if filled > 0 {
                    grid.put(eighths[filled], x: x, y: errorY - 1 - row, role: .chartOperations)
                }
            }
            if bucket.errors > 0 {
                // Any error shows, at least as the lowest block.
                let level = max(1, Int((bucket.errors / errorPeak * 8).rounded()))
                grid.put(eighths[level], x: x, y: errorY, role: .chartErrors)
            }
        }
        Self.drawTimeAxis(
            columns: columns, secondsPerColumn: secondsPerColumn, x: chartX, y: baseY, into: &grid)
    }

    private static func drawTimeAxis(
        columns: Int, secondsPerColumn: Int, x: Int, y: Int, into grid: inout CellGrid
    ) {
        for column in 0..<columns { grid.put("─", x: x + column, y: y, role: .border) }
        let span = columns * secondsPerColumn
        let step = span > 150 ? 60 : 30
        var seconds = step
        while seconds < span {
            let column = columns - 1 - seconds / secondsPerColumn
            let label = seconds % 60 == 0 ? "-\(seconds / 60)m" : "-\(seconds)s"
            if column - DisplayWidth.of(label) / 2 > 0 {
                grid.write(label, x: x + column - DisplayWidth.of(label) / 2, y: y, role: .muted)
            }
            seconds += step
        }
        grid.writeRight("now", endX: x + columns, y: y, role: .muted)
    }

    /// The last `columns` buckets of `secondsPerColumn` seconds each, as per-second means.
    static func buckets(
        _ seconds: [DashboardModel.Second], columns: Int, secondsPerColumn: Int
    ) -> [(operations: Double, errors: Double)] {
        let recent = seconds.suffix(columns * secondsPerColumn)
        var result: [(operations: Double, errors: Double)] = []
        var start = recent.startIndex
        // Align buckets on the newest second so that the right-most column is always complete.
        let leading = recent.count % secondsPerColumn
        if leading > 0 { start += leading }
        while start < recent.endIndex {
            let slice = recent[start..<min(start + secondsPerColumn, recent.endIndex)]
            let count = Double(slice.count)
            let operations = Double(slice.reduce(0) { $0 + $1.operations }) / count
            let errors = Double(slice.reduce(0) { $0 + $1.errors }) / count
            result.append((operations, errors))
            start += secondsPerColumn
        }
        return result
    }

    /// The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `value`.
    static func niceCeiling(_ value: Double) -> Double {
        var power = 1.0
        while power * 10 < value { power *= 10 }
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * power >= value {
            return step * power
        }
        return 10 * power
    }
}
