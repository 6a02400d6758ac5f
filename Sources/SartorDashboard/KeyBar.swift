/// The bottom line: the keys that work now, as many as fit; help, quit and (on a small
/// terminal) Tab are always shown.
enum KeyBar {
    struct Entry: Equatable {
        let key: String
        let action: String
        let isEssential: Bool

        var width: Int { DisplayWidth.of(key) + DisplayWidth.of(action) + 3 }
    }

    static func entries(compact: Bool, paused: Bool) -> [Entry] {
        var entries = [
            Entry(key: "↑↓", action: "select", isEssential: false),
            Entry(key: "←→", action: "weight", isEssential: false),
            Entry(key: "PgUp/Dn", action: "±10", isEssential: false),
            Entry(key: "space", action: paused ? "resume" : "pause", isEssential: false),
        ]
        if compact { entries.append(Entry(key: "Tab", action: "panel", isEssential: true)) }
        entries += [
            Entry(key: "0", action: "zero", isEssential: false),
            Entry(key: "r", action: "restore", isEssential: false),
            Entry(key: "[ ]", action: "load ±10%", isEssential: false),
            Entry(key: "w", action: "window", isEssential: false),
            Entry(key: "t", action: "theme", isEssential: false),
            Entry(key: "?", action: "help", isEssential: true),
            Entry(key: "q", action: "quit", isEssential: true),
        ]
        return entries
    }

    static func draw(compact: Bool, paused: Bool, into grid: inout CellGrid, rect: Rect) {
        grid.fill(rect, role: .keyBar)
        var shown = entries(compact: compact, paused: paused)
        // Drop the last optional entries until the rest fits.
        while shown.reduce(1, { $0 + $1.width }) > rect.width,
            let index = shown.lastIndex(where: { !$0.isEssential })
        {
            shown.remove(at: index)
        }
        var x = rect.x + 1
        for entry in shown {
            x += grid.write(entry.key, x: x, y: rect.y, role: .keyName)
            x += grid.write(" " + entry.action + "  ", x: x, y: rect.y, role: .keyBar)
        }
    }
}
