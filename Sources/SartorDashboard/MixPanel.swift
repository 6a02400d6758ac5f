/// The operation mix: each operation's weight (changed with the arrow keys), the share that
/// weight asks for, and the share actually run over the last 10 seconds.
///
/// A weight that differs from the starting one is marked `*`; the selected row is marked `▸` and
/// drawn in the selection colour.
enum MixPanel {
    static func draw(
        _ model: DashboardModel, state: DashboardState, into grid: inout CellGrid, rect: Rect
    ) {
        let totalWeight = model.operations.reduce(0) { $0 + $1.weight }
        let recentTotal = model.operations.reduce(0) { $0 + $1.recent.count }
        let inner = grid.box(
            rect, title: "Mix", detail: "Σ weight \(Format.weight(totalWeight)), actual: last 10 s")
        guard inner.height >= 2 else { return }
        let numbersWidth = 6 + 8 + 8
        let nameWidth = max(4, inner.width - 2 - numbersWidth)
        let header =
            "  " + DisplayWidth.pad("operation", to: nameWidth)
            + DisplayWidth.pad("weight", to: 6, right: true)
            + DisplayWidth.pad("target", to: 8, right: true)
            + DisplayWidth.pad("actual", to: 8, right: true)
        grid.write(header, x: inner.x, y: inner.y, role: .muted, maxWidth: inner.width)

        for (index, operation) in model.operations.enumerated() where index + 1 < inner.height {
            let y = inner.y + 1 + index
            let isSelected = index == state.selected
            let role: StyleRole = isSelected ? .selected : .text
            let target = totalWeight > 0 ? operation.weight / totalWeight : 0
            let realised =
                recentTotal > 0
                ? Format.percent(Double(operation.recent.count) / Double(recentTotal)) : "-"
            let changed = operation.weight != operation.initialWeight ? "*" : " "
            let line =
                (isSelected ? "▸ " : "  ") + DisplayWidth.pad(operation.name, to: nameWidth)
                + DisplayWidth.pad(
                    "\(Format.weight(operation.weight))\(changed)", to: 6, right: true)
                + DisplayWidth.pad(Format.percent(target), to: 8, right: true)
                + DisplayWidth.pad(realised, to: 8, right: true)
            if isSelected {
                grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selected)
            }
            grid.write(line, x: inner.x, y: y, role: role, maxWidth: inner.width)
        }
    }
}
