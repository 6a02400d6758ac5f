import CCurses
import CCursesShim
import Foundation

/// The one place that talks to curses: sets the terminal up, draws cell grids by difference,
/// reads keys, and puts the terminal back on every way out.
///
/// Not thread-safe: one thread (the dashboard's) owns it from `start` to `stop`.
// Limitation: a crash (fatal error, SIGSEGV) leaves the terminal in curses mode; only normal
// ends, thrown errors, SIGINT/SIGTERM and exit() restore it.
final class CursesTerminal {
    /// How colours can be shown: 256 indexed, the 8 basic ones, or none (attributes only).
    enum ColorDepth: Equatable {
        case indexed256, basic8, monochrome
    }

    private(set) var depth = ColorDepth.monochrome
    private var screen: OpaquePointer?
    private var previous: CellGrid?
    private var attributes: [StyleRole: attr_t] = [:]

    /// Puts the terminal in curses mode: UTF-8, no echo, keys unbuffered, keypad decoding,
    /// colours unless `NO_COLOR` is set, SIGINT and SIGTERM counted instead of killing.
    /// - Throws: `TerminalError` when the terminal cannot be used (no TERM, unknown TERM).
    func start(theme: Theme, noColor: Bool) throws {
        guard sartor_setlocale_utf8() == 1 else {
            throw TerminalError(problem: "the locale is not UTF-8 and C.UTF-8 is not available")
        }
        guard let screen = sartor_newterm() else {
            throw TerminalError(problem: "curses cannot use this terminal (check TERM)")
        }
        self.screen = screen
        guard sartor_can_address_cursor() == 1 else {
            stop()
            let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
            throw TerminalError(
                problem: "TERM=\(term) cannot place the cursor (set TERM to e.g. xterm-256color)")
        }
        sartor_name_current_thread("sartor-dash")
        sartor_register_atexit_endwin()
        sartor_install_signal_counter()
        cbreak()
        noecho()
        nonl()
        keypad(sartor_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        if !noColor, has_colors() {
            start_color()
            use_default_colors()
            depth =
                sartor_colors() >= 256 ? .indexed256 : sartor_colors() >= 8 ? .basic8 : .monochrome
        }
        apply(theme)
    }

    /// Leaves curses mode and puts the signal handlers back. Safe to call more than once.
    func stop() {
        guard let screen else { return }
        endwin()
        delscreen(screen)
        self.screen = nil
        sartor_restore_signal_handlers()
    }

    deinit { stop() }

    /// SIGINT and SIGTERM received since `start`.
    var signalCount: Int { Int(sartor_signal_count()) }

    /// The terminal's size now, in columns and rows.
    var size: (width: Int, height: Int) {
        (Int(getmaxx(sartor_stdscr())), Int(getmaxy(sartor_stdscr())))
    }

    /// Makes `theme` the one drawn with; the next `draw` repaints every cell.
    func apply(_ theme: Theme) {
        attributes = [:]
        let theme = depth == .basic8 ? theme.eightColors : theme
        for (index, role) in StyleRole.allCases.enumerated() {
            let style = theme.style(role)
            var value = attr_t(0)
            var textAttributes = style.attributes
            if depth == .monochrome {
                textAttributes.formUnion(role.monochromeAttributes)
            } else {
                let pair = Int16(index + 1)
                init_pair(pair, colorNumber(style.foreground), colorNumber(style.background))
                value |= sartor_color_pair(pair)
            }
            for attribute in textAttributes { value |= Self.cursesAttribute(attribute) }
            attributes[role] = value
        }
        previous = nil
    }

    /// Draws `grid`, sending only the rows and spans that changed since the last call.
    func draw(_ grid: CellGrid) {
        let old = previous.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        if old == nil { werase(sartor_stdscr()) }
        for y in 0..<grid.height {
            var first = 0
            var last = grid.width - 1
            if let old {
                while first < grid.width, old[first, y] == grid[first, y] { first += 1 }
                if first == grid.width { continue }
                while last > first, old[last, y] == grid[last, y] { last -= 1 }
            }
            while first > 0, grid[first, y].isContinuation { first -= 1 }
            drawSpan(grid, y: y, from: first, through: last)
        }
        previous = grid
        wnoutrefresh(sartor_stdscr())
        doupdate()
    }

    /// Forgets what is on screen, so that the next `draw` repaints it all (after a resize).
    func invalidate() {
        previous = nil
        clearok(sartor_stdscr(), true)
    }

    /// Waits up to `timeoutMilliseconds` for a key; nil when none came.
    func readKey(timeoutMilliseconds: Int) -> Key? {
        wtimeout(sartor_stdscr(), Int32(max(0, timeoutMilliseconds)))
        let code = wgetch(sartor_stdscr())
        switch code {
        case ERR: return nil
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_RESIZE: return .resize
        case 3: return .interrupt
        case 9: return .tab
        case 27: return .escape
        case 32..<127: return .character(Character(Unicode.Scalar(UInt8(code))))
        case 12: return .character("\u{0C}")
        default: return nil
        }
    }

    private func drawSpan(_ grid: CellGrid, y: Int, from first: Int, through last: Int) {
        var x = first
        while x <= last {
            let role = grid[x, y].role
            var text = ""
            let start = x
            while x <= last, grid[x, y].role == role || grid[x, y].isContinuation {
                if !grid[x, y].isContinuation { text.unicodeScalars.append(grid[x, y].scalar) }
                x += 1
            }
            sartor_attrset(attributes[role] ?? 0)
            var bytes = Array(text.utf8CString)
            let length = Int32(bytes.count - 1)
            _ = bytes.withUnsafeMutableBufferPointer { buffer in
                sartor_mvaddnstr(Int32(y), Int32(start), buffer.baseAddress, length)
            }
        }
    }

    private func colorNumber(_ color: ThemeColor) -> Int16 {
        guard case .indexed(let index) = color else { return -1 }
        return Int16(index)
    }

    private static func cursesAttribute(_ attribute: TextAttribute) -> attr_t {
        switch attribute {
        case .bold: sartor_a_bold()
        case .dim: sartor_a_dim()
        case .underline: sartor_a_underline()
        case .reverse: sartor_a_reverse()
        }
    }
}

/// The terminal could not be put in curses mode.
public struct TerminalError: Error, CustomStringConvertible {
    public let problem: String
    public var description: String { "cannot start the dashboard: \(problem); use --no-tui" }
}
