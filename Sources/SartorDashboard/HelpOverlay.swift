/// The `?` overlay: every key and what it does, centred over the panels.
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

    static func draw(state: DashboardState, into grid: inout CellGrid, screen: Rect) {
        let keyWidth = 11
        let width = min(screen.width - 4, 60)
        let height = min(screen.height - 2, lines.count + 4)
        let rect = Rect(
            x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2,
            width: width, height: height)
        let inner = grid.box(rect, title: "Keys", detail: "theme \(state.themeName)")
        grid.paint(rect, role: .overlay)
        grid.paint(rect.row(0), role: .title)
        for (index, line) in lines.enumerated() where index < inner.height - 1 {
            let y = inner.y + index
            grid.write(line.key, x: inner.x + 1, y: y, role: .keyName)
            grid.write(
                line.action, x: inner.x + 1 + keyWidth, y: y, role: .overlay,
                maxWidth: inner.width - keyWidth - 2)
        }
        grid.write("press ? or Esc to close", x: inner.x + 1, y: inner.maxY - 1, role: .overlay)
    }
}
