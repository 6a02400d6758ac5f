/// Operations per second over the last two minutes as a bar chart, errors shaded at the foot.
///
/// Each column is one or more whole seconds (their mean), the newest at the right; bars use the
/// eighth blocks `▁`…`█`. Errors are drawn as `▒` from the bottom, rounded up to whole cells so
/// that a single error is always visible, in the chart's error colour.
enum ThroughputPanel {
    static let windowSeconds = 120
    static let eighths: [Unicode.Scalar] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func draw(_ model: DashboardModel, into grid: inout CellGrid, rect: Rect) {
        let axisWidth = 6
        let columns = max(1, rect.width - 2 - axisWidth - 1)
        let secondsPerColumn = max(1, (windowSeconds + columns - 1) / columns)
        let detail = "\(secondsPerColumn) s/column  ▒ errors"
        let title = "Operations/s"
        let inner = grid.box(rect, title: title, detail: detail)
        guard inner.height >= 3, inner.width > axisWidth + 2 else { return }

        let buckets = Self.buckets(
            model.seconds, columns: columns, secondsPerColumn: secondsPerColumn)
        let chartRows = inner.height - 1
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
        let baseY = inner.y + chartRows
        grid.writeRight("0", endX: inner.x + axisWidth, y: baseY, role: .muted)
        grid.put("└", x: inner.x + axisWidth, y: baseY, role: .border)

        let offset = columns - buckets.count
        for (index, bucket) in buckets.enumerated() {
            let x = chartX + offset + index
            Self.drawBar(bucket, scale: scale, rows: chartRows, x: x, baseY: baseY, into: &grid)
        }
        Self.drawTimeAxis(
            columns: columns, secondsPerColumn: secondsPerColumn, x: chartX, y: baseY, into: &grid)
    }

    private static func drawBar(
        _ bucket: (operations: Double, errors: Double), scale: Double, rows: Int, x: Int,
        baseY: Int, into grid: inout CellGrid
    ) {
        let eighthsTall = Int((bucket.operations / scale * Double(rows * 8)).rounded())
        let errorCells =
            bucket.errors > 0 ? Int((bucket.errors / scale * Double(rows)).rounded(.up)) : 0
        for row in 0..<rows {
            let y = baseY - 1 - row
            if row < errorCells {
                grid.put("▒", x: x, y: y, role: .chartErrors)
                continue
            }
            let filled = min(8, max(0, eighthsTall - row * 8))
            if filled > 0 { grid.put(eighths[filled], x: x, y: y, role: .chartOperations) }
        }
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
