extension CellGrid {
    /// Draws a rounded frame around `rect` with `title` in its top edge, and returns the inside.
    ///
    /// `detail`, when given, is written at the right of the top edge in the muted role.
    @discardableResult
    mutating func box(_ rect: Rect, title: String, detail: String? = nil) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else {
            return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
        }
        fill(rect, role: .text)
        let (left, right, top, bottom) = (rect.x, rect.maxX - 1, rect.y, rect.maxY - 1)
        for x in left + 1..<right {
            put("─", x: x, y: top, role: .border)
            put("─", x: x, y: bottom, role: .border)
        }
        for y in top + 1..<bottom {
            put("│", x: left, y: y, role: .border)
            put("│", x: right, y: y, role: .border)
        }
        put("╭", x: left, y: top, role: .border)
        put("╮", x: right, y: top, role: .border)
        put("╰", x: left, y: bottom, role: .border)
        put("╯", x: right, y: bottom, role: .border)
        let titleWidth = write(
            " \(title) ", x: left + 1, y: top, role: .title, maxWidth: rect.width - 2)
        if let detail, !detail.isEmpty {
            let room = rect.width - 4 - titleWidth
            // A detail that does not fit whole is left out rather than cut.
            let text = " \(detail) "
            if DisplayWidth.of(text) <= room {
                write(text, x: right - DisplayWidth.of(text), y: top, role: .muted)
            }
        }
        return rect.inset(1)
    }

    /// Writes `text` right-aligned so that it ends at column `endX` (exclusive).
    mutating func writeRight(_ text: String, endX: Int, y: Int, role: StyleRole) {
        write(text, x: endX - DisplayWidth.of(text), y: y, role: role)
    }
}
