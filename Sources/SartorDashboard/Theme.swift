/// A colour of a theme: the terminal's default, or one of the 256 indexed colours.
public enum ThemeColor: Equatable, Sendable {
    case terminalDefault
    case indexed(UInt8)

    /// The eight basic colour names, in their curses numbering (0 to 7).
    static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// The nearest of the eight basic colours, for terminals without 256 colours: greys to
    /// black or white by lightness, other colours by hue (the components above half of the
    /// colour's chroma), so that a dark blue stays blue rather than turning black.
    ///
    /// Only the colour itself: `Theme.eightColors` keeps what is drawn on a background legible.
    public var basic: ThemeColor {
        guard case .indexed(let index) = self else { return self }
        switch index {
        case 0...15:
            return .indexed(index % 8)
        case 16...231:
            let cube = Int(index) - 16
            let levels = [cube / 36, cube / 6 % 6, cube % 6]
            let (most, least) = (levels.max()!, levels.min()!)
            guard most > least else { return .indexed(most >= 2 ? 7 : 0) }
            var bits = 0
            for (bit, level) in levels.enumerated() where (level - least) * 2 > most - least {
                bits |= 1 << bit
            }
            return .indexed(UInt8(bits))
        default:
            return .indexed(index < 244 ? 0 : 7)
        }
    }

    /// The grey level 0...255 of a grey (of the ramp 232–255, of the cube's diagonal, or one
    /// of the basic black, grey and white), nil for a colour with a hue or the default.
    var greyLevel: Int? {
        guard case .indexed(let index) = self else { return nil }
        switch index {
        case 0, 16: return 0
        case 7: return 192
        case 8: return 128
        case 15, 231: return 255
        case 232...255: return 8 + 10 * (Int(index) - 232)
        case 16...231:
            let cube = Int(index) - 16
            let levels = [cube / 36, cube / 6 % 6, cube % 6]
            guard Set(levels).count == 1 else { return nil }
            return levels[0] == 0 ? 0 : 55 + 40 * levels[0]
        default: return nil
        }
    }
}

/// How one role looks: foreground, background and attributes.
public struct ThemeStyle: Equatable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: Set<TextAttribute>

    public init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
        attributes: Set<TextAttribute> = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A named set of styles, one for every `StyleRole`, read from a JSON file.
public struct Theme: Equatable, Sendable {
    public let name: String
    public let summary: String
    let styles: [StyleRole: ThemeStyle]

    public init(name: String, summary: String, styles: [StyleRole: ThemeStyle]) {
        self.name = name
        self.summary = summary
        self.styles = styles
    }

    /// The style of `role`; every role is present in a validated theme.
    public func style(_ role: StyleRole) -> ThemeStyle {
        styles[role] ?? ThemeStyle()
    }
}
