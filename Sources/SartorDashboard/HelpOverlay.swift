/// The `?` overlay: every key and what it does, centred over the panels.
///
/// The box is as wide as its longest line when the screen allows; on a narrower screen the
/// actions wrap under themselves, and lines that still do not fit are left out from the end.
enum HelpOverlay {
    static let lines: [(key: String, action: String)] = [
        ("↑ ↓  k j", "select an operation"),
        ("→ ←  + -", "raise or lower its weight by 1"),
        ("PgUp PgDn", "raise or lower its weight by 10"),
        ("0", "set its weight to zero"),
        ("r", "restore the starting weights"),
        ("space  p", "pause or resume the load"),
        ("] [", "agents (or the rate) up or down by 10%"),
        ("w", "latency window: last 10 s or whole run"),
        ("t", "next theme"),
        ("Tab", "next panel (small terminals)"),
        ("?", "show or hide this help"),
        ("q  Ctrl-C", "stop the run, write the reports (twice: at once)"),
    ]

    static let keyWidth = 11
    static let closing = "press ? or Esc to close"

    /// Frame and one column of margin on each side.
    private static let chrome = 4

    /// The box width that shows every line whole.
    static var naturalWidth: Int {
        let action = lines.map { DisplayWidth.of($0.action) }.max() ?? 0
        return chrome + max(keyWidth + action, DisplayWidth.of(closing))
    }

    static func draw(state: DashboardState, into grid: inout CellGrid, screen: Rect) {
        let width = min(screen.width - 4, naturalWidth)
        let actionWidth = width - chrome - keyWidth
        let rows = lines.map {
            (key: $0.key, actions: DisplayWidth.wrap($0.action, to: actionWidth))
        }
        let bodyHeight = rows.reduce(0) { $0 + $1.actions.count }
        let height = min(screen.height - 2, bodyHeight + 4)
        let rect = Rect(
            x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2,
            width: width, height: height)
        let inner = grid.box(rect, title: "Keys", detail: "theme \(state.themeName)")
        grid.paint(rect, role: .overlay)
        grid.paint(rect.row(0), role: .title)
        var y = inner.y
        for row in rows {
            // A key whose action would be cut short is left out with the ones after it.
            guard y + row.actions.count <= inner.maxY - 2 else { break }
            grid.write(row.key, x: inner.x + 1, y: y, role: .keyName)
            for action in row.actions {
                grid.write(
                    action, x: inner.x + 1 + keyWidth, y: y, role: .overlay, maxWidth: actionWidth)
                y += 1
            }
        }
        grid.write(closing, x: inner.x + 1, y: inner.maxY - 1, role: .overlay)
    }
}
