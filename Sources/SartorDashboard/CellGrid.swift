/// One character cell of the screen: a scalar and the style role it is drawn in.
///
/// A wide scalar (two columns) occupies its cell and marks the next one as `isContinuation`,
/// which holds no scalar of its own.
public struct Cell: Equatable, Sendable {
    public var scalar: Unicode.Scalar
    public var role: StyleRole
    public var isContinuation: Bool

    public init(_ scalar: Unicode.Scalar = " ", role: StyleRole = .text) {
        self.scalar = scalar
        self.role = role
        self.isContinuation = false
    }

    static let blank = Cell()
}

/// A rectangle of cells that every panel draws into; the only thing the terminal sees.
///
/// Drawing outside the grid is clipped silently, so panels need not check their bounds.
/// Columns are display columns: box, block and braille characters take one, East Asian wide
/// characters and most emoji take two, combining marks are dropped.
public struct CellGrid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank }
        return cells[y * width + x]
    }

    func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Writes one scalar at (x, y); returns the number of columns it took (0 when clipped).
    @discardableResult
    public mutating func put(_ scalar: Unicode.Scalar, x: Int, y: Int, role: StyleRole) -> Int {
        let columns = DisplayWidth.of(scalar)
        guard columns > 0, contains(x: x, y: y), x + columns <= width else { return 0 }
        clearWide(x: x, y: y)
        cells[y * width + x] = Cell(scalar, role: role)
        if columns == 2 {
            clearWide(x: x + 1, y: y)
            var rest = Cell(" ", role: role)
            rest.isContinuation = true
            cells[y * width + x + 1] = rest
        }
        return columns
    }

    /// Writes `text` from (x, y) on one line, at most `maxWidth` columns (to the grid edge when
    /// nil); a cut string ends in `…`. Returns the columns written.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int? = nil
    ) -> Int {
        let limit = min(maxWidth ?? (width - x), width - x)
        guard limit > 0 else { return 0 }
        let fitted = DisplayWidth.truncate(text, to: limit)
        var column = x
        for scalar in fitted.unicodeScalars {
            column += put(DisplayWidth.printable(scalar), x: column, y: y, role: role)
        }
        return column - x
    }

    /// Fills a rectangle with one scalar in one role.
    public mutating func fill(_ rect: Rect, with scalar: Unicode.Scalar = " ", role: StyleRole) {
        for y in rect.y..<rect.maxY {
            for x in rect.x..<rect.maxX { put(scalar, x: x, y: y, role: role) }
        }
    }

    /// Sets the role of existing cells in a rectangle, keeping their characters.
    public mutating func paint(_ rect: Rect, role: StyleRole) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { cells[y * width + x].role = role }
        }
    }

    /// The characters of one row, trailing spaces kept, for golden tests and diffs.
    public func line(_ y: Int) -> String {
        var text = String.UnicodeScalarView()
        for x in 0..<width where !self[x, y].isContinuation { text.append(self[x, y].scalar) }
        return String(text)
    }

    /// The whole grid as text, trailing spaces of each row removed.
    public var text: String {
        (0..<height).map { line($0).trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    // A wide character cut in half by an overwrite leaves a blank, never half a glyph.
    private mutating func clearWide(x: Int, y: Int) {
        let index = y * width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", role: cells[index - 1].role)
        } else if x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", role: cells[index + 1].role)
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var view = Substring(self)
        while view.last == " " { view.removeLast() }
        return String(view)
    }
}
