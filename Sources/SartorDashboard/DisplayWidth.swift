/// Display widths of Unicode scalars in a terminal, the subset of `wcwidth` a dashboard meets.
///
/// Box drawing, blocks, braille and Latin take one column; East Asian wide and fullwidth forms
/// and emoji take two; combining marks and zero-width characters take none.
enum DisplayWidth {
    /// Columns taken by `scalar`: 0, 1 or 2.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }
        if isZeroWidth(value) { return 0 }
        return isWide(value) ? 2 : 1
    }

    /// Columns taken by a whole string.
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of(printable($1)) }
    }

    /// Control characters (tabs, newlines, escapes) become `?`, so that a message from a server
    /// can never move the cursor.
    static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) ? "?" : scalar
    }

    /// `text` cut to `columns`, with `…` as the last column when something was cut.
    static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        var kept = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let next = of(printable(scalar))
            if used + next > columns - 1 { break }
            kept.append(scalar)
            used += next
        }
        kept.append("…")
        return String(kept)
    }

    /// `text` padded with spaces (or cut) to exactly `columns`, aligned left or right.
    static func pad(_ text: String, to columns: Int, right: Bool = false) -> String {
        let cut = truncate(text, to: columns)
        let padding = String(repeating: " ", count: max(0, columns - of(cut)))
        return right ? padding + cut : cut + padding
    }

    /// `text` broken at spaces into lines of at most `columns` (at least 1); a word longer than
    /// a line is cut with `…`.
    static func wrap(_ text: String, to columns: Int) -> [String] {
        let columns = max(columns, 1)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ").map(String.init) {
            if line.isEmpty {
                line = truncate(word, to: columns)
            } else if of(line) + 1 + of(word) <= columns {
                line += " " + word
            } else {
                lines.append(line)
                line = truncate(word, to: columns)
            }
        }
        return lines + [line]
    }

    private static func isZeroWidth(_ value: UInt32) -> Bool {
        (0x300...0x36F).contains(value) || (0x200B...0x200F).contains(value)
            || (0xFE00...0xFE0F).contains(value) || (0x20D0...0x20FF).contains(value)
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        wideRanges.contains { $0.contains(value) }
    }
}
